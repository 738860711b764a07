// Which plans back the industry concept $concept (a label the clusters carry, or the name of a
// cluster matched to none, as on matrix.html) with which platforms and targets: per cluster, each
// Platform that SUPPORTS it (kind platform; its district as the statement's plan gives it, else as any
// plan does; where: the SUPPORTS edge or the text unit of that plan that mentions the platform, covers
// the edge's line and quotes it) and each Target of the measures that mention it or of the cluster
// itself (kind target; where: the target's provenance). plan: the cluster's plan.
// Columns: plan, cluster, kind, name, district, comparator, value, unit, year, path, line, quote.
// Sorted by all columns, nulls first.
// :param concept => '集成电路'
MATCH (c:IndustryCluster)
WHERE $concept IN CASE WHEN size(coalesce(c.concepts, [])) > 0 THEN c.concepts ELSE [c.name] END
CALL (c) {
  MATCH (p:Platform)-[s:SUPPORTS]->(c)
  CALL (p, s) {
    OPTIONAL MATCH (m)-[:MENTIONS]->(p)
    WHERE m.sourcePlan = s.sourcePlan AND m.sourceLineStart <= s.sourceLineStart <= m.sourceLineEnd
      AND m.sourceQuote CONTAINS s.sourceQuote
    WITH collect(m) AS units
    UNWIND CASE WHEN units = [] THEN [s] ELSE units END AS unit
    RETURN unit.sourcePath AS path, unit.sourceLineStart AS line, unit.sourceQuote AS quote
  }
  CALL (p, s) {
    OPTIONAL MATCH (p)-[l:LOCATED_IN]->(d:District)
    WITH collect(CASE WHEN d IS NOT NULL THEN {name: d.name, plan: l.sourcePlan} END) AS located
    WITH located, [x IN located WHERE x.plan = s.sourcePlan] AS own
    UNWIND CASE WHEN own <> [] THEN own WHEN located <> [] THEN located ELSE [null] END AS x
    RETURN x.name AS district
  }
  RETURN 'platform' AS kind, p.name AS name, district, null AS comparator, null AS value, null AS unit,
         null AS year, path, line, quote
  UNION
  MATCH (c)-[:MEASURED_BY]->(t:Target)
  RETURN 'target' AS kind, coalesce(t.subject, t.name) AS name, null AS district, t.comparator AS comparator,
         t.value AS value, t.unit AS unit, t.year AS year, t.sourcePath AS path, t.sourceLineStart AS line,
         t.sourceQuote AS quote
  UNION
  MATCH (m:Measure)-[:MENTIONS]->(c), (m)-[:MEASURED_BY]->(t:Target)
  RETURN 'target' AS kind, coalesce(t.subject, t.name) AS name, null AS district, t.comparator AS comparator,
         t.value AS value, t.unit AS unit, t.year AS year, t.sourcePath AS path, t.sourceLineStart AS line,
         t.sourceQuote AS quote
}
RETURN DISTINCT coalesce(c.sourcePlan, c.plan) AS plan, c.name AS cluster, kind AS kind, name AS name,
       district AS district, comparator AS comparator, value AS value, unit AS unit, year AS year,
       path AS path, line AS line, quote AS quote
ORDER BY plan IS NOT NULL, plan, cluster IS NOT NULL, cluster, kind IS NOT NULL, kind, name IS NOT NULL,
         name, district IS NOT NULL, district, comparator IS NOT NULL, comparator, value IS NOT NULL, value,
         unit IS NOT NULL, unit, year IS NOT NULL, year, path IS NOT NULL, path, line IS NOT NULL, line,
         quote IS NOT NULL, quote
