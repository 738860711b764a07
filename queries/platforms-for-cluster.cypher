// Platforms that SUPPORT the industry cluster $cluster, the district each is LOCATED_IN (as the plan
// of the statement says, else as any plan does; null when none is known; one row per district) and
// where the plan says so: plan, path, line and quote of the SUPPORTS edge, or of the text unit
// (a measure) of that plan that mentions the platform, covers the edge's line and quotes it.
// Columns: plan, platform, district, path, line, quote. Sorted by all columns, nulls first.
// :param cluster => '集成电路'
MATCH (p:Platform)-[s:SUPPORTS]->(:IndustryCluster {name: $cluster})
CALL (p, s) {
  OPTIONAL MATCH (m)-[:MENTIONS]->(p)
  WHERE m.sourcePlan = s.sourcePlan AND m.sourceLineStart <= s.sourceLineStart <= m.sourceLineEnd
    AND m.sourceQuote CONTAINS s.sourceQuote
  WITH collect(m) AS units
  UNWIND CASE WHEN units = [] THEN [s] ELSE units END AS unit
  RETURN s.sourcePlan AS plan, unit.sourcePath AS path, unit.sourceLineStart AS line,
         unit.sourceQuote AS quote
}
CALL (p, plan) {
  OPTIONAL MATCH (p)-[l:LOCATED_IN]->(d:District)
  WITH collect(CASE WHEN d IS NOT NULL THEN {name: d.name, plan: l.sourcePlan} END) AS located
  WITH located, [x IN located WHERE x.plan = plan] AS own
  UNWIND CASE WHEN own <> [] THEN own WHEN located <> [] THEN located ELSE [null] END AS x
  RETURN x.name AS district
}
RETURN DISTINCT plan AS plan, p.name AS platform, district AS district, path AS path, line AS line,
       quote AS quote
ORDER BY plan IS NOT NULL, plan, platform IS NOT NULL, platform, district IS NOT NULL, district,
         path IS NOT NULL, path, line IS NOT NULL, line, quote IS NOT NULL, quote
