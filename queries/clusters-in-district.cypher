// Industry clusters supported by platforms LOCATED_IN the district $district (via = the platform's
// name), or by the district itself (via = the district's name), with where the plan states the
// SUPPORTS edge: plan, path, line and quote of its provenance, or of the text unit of that plan that
// mentions via, covers the edge's line and quotes it. A platform counts for the districts the plan of
// the statement gives it, else for all its districts.
// Columns: plan, cluster, tier, via, path, line, quote. Sorted by all columns, nulls first.
// :param district => '滨江区'
MATCH (d:District {name: $district})
CALL (d) {
  MATCH (x:Platform)-[:LOCATED_IN]->(d), (x)-[s:SUPPORTS]->(c:IndustryCluster)
  RETURN x, s, c
  UNION
  MATCH (x)-[s:SUPPORTS]->(c:IndustryCluster)
  WHERE x = d
  RETURN x, s, c
}
CALL (x, s) {
  OPTIONAL MATCH (m)-[:MENTIONS]->(x)
  WHERE m.sourcePlan = s.sourcePlan AND m.sourceLineStart <= s.sourceLineStart <= m.sourceLineEnd
    AND m.sourceQuote CONTAINS s.sourceQuote
  WITH collect(m) AS units
  UNWIND CASE WHEN units = [] THEN [s] ELSE units END AS unit
  RETURN s.sourcePlan AS plan, unit.sourcePath AS path, unit.sourceLineStart AS line,
         unit.sourceQuote AS quote
}
CALL (x, d, plan) {
  OPTIONAL MATCH (x:Platform)-[l:LOCATED_IN]->(other:District)
  WITH collect(CASE WHEN other IS NOT NULL THEN {node: other, plan: l.sourcePlan} END) AS located
  WITH located, [y IN located WHERE y.plan = plan] AS own
  RETURN x = d OR own = [] OR any(y IN own WHERE y.node = d) AS counts
}
WITH * WHERE counts
RETURN DISTINCT plan AS plan, c.name AS cluster, c.tier AS tier, x.name AS via, path AS path,
       line AS line, quote AS quote
ORDER BY plan IS NOT NULL, plan, cluster IS NOT NULL, cluster, tier IS NOT NULL, tier, via IS NOT NULL,
         via, path IS NOT NULL, path, line IS NOT NULL, line, quote IS NOT NULL, quote
