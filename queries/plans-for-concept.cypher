// Which plans back the shared industry concept $concept (its preferred label): every cluster whose
// concepts list holds it, with the cluster's plan, each Platform that SUPPORTS the cluster (null when
// none), the District the platform is LOCATED_IN (as the plan of the statement says, else as any plan
// does; one row per district, null when none is known) and where the plan says so (path, line and
// quote of the SUPPORTS edge, or of the text unit of that plan that mentions the platform, covers the
// edge's line and quotes it; the cluster's own when no platform supports it).
// Columns: plan, cluster, platform, district, path, line, quote. Sorted by all columns, nulls first.
// :param concept => '集成电路'
MATCH (c:IndustryCluster)
WHERE $concept IN c.concepts
OPTIONAL MATCH (p:Platform)-[s:SUPPORTS]->(c)
CALL (c, p, s) {
  OPTIONAL MATCH (m)-[:MENTIONS]->(p)
  WHERE m.sourcePlan = s.sourcePlan AND m.sourceLineStart <= s.sourceLineStart <= m.sourceLineEnd
    AND m.sourceQuote CONTAINS s.sourceQuote
  WITH collect(m) AS units
  UNWIND CASE WHEN p IS NULL THEN [c] WHEN units = [] THEN [s] ELSE units END AS unit
  RETURN s.sourcePlan AS statedIn, unit.sourcePath AS path, unit.sourceLineStart AS line,
         unit.sourceQuote AS quote
}
CALL (p, statedIn) {
  OPTIONAL MATCH (p)-[l:LOCATED_IN]->(d:District)
  WITH collect(CASE WHEN d IS NOT NULL THEN {name: d.name, plan: l.sourcePlan} END) AS located
  WITH located, [x IN located WHERE x.plan = statedIn] AS own
  UNWIND CASE WHEN own <> [] THEN own WHEN located <> [] THEN located ELSE [null] END AS x
  RETURN x.name AS district
}
RETURN DISTINCT c.plan AS plan, c.name AS cluster, p.name AS platform, district AS district,
       path AS path, line AS line, quote AS quote
ORDER BY plan IS NOT NULL, plan, cluster IS NOT NULL, cluster, platform IS NOT NULL, platform,
         district IS NOT NULL, district, path IS NOT NULL, path, line IS NOT NULL, line,
         quote IS NOT NULL, quote
