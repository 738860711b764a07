// Industry concept × plan, the counts of matrix.html: a cluster counts under each shared industry
// concept it carries (concepts), or under its own name when it carries none; per (concept, plan): the
// plan's clusters, the platforms that SUPPORT them (one per district the statement's plan gives the
// platform, else per district any plan gives it, or one when it has none), the targets of the
// measures that mention them and their own targets, and those measures.
// Columns: concept, plan, clusters, platforms, targets, measures. Sorted by all columns, nulls first.
// :param (none)
MATCH (c:IndustryCluster)
UNWIND CASE WHEN size(coalesce(c.concepts, [])) > 0 THEN c.concepts ELSE [c.name] END AS concept
CALL (c) {
  OPTIONAL MATCH (p:Platform)-[s:SUPPORTS]->(c)
  CALL (p, s) {
    OPTIONAL MATCH (p)-[l:LOCATED_IN]->(d:District)
    WITH collect(CASE WHEN d IS NOT NULL THEN {name: d.name, plan: l.sourcePlan} END) AS located
    WITH located, [x IN located WHERE x.plan = s.sourcePlan] AS own
    WITH [x IN CASE WHEN own <> [] THEN own ELSE located END | x.name] AS names
    RETURN size(reduce(seen = [], n IN names | CASE WHEN n IN seen THEN seen ELSE seen + n END)) AS n
  }
  RETURN sum(CASE WHEN p IS NULL THEN 0 WHEN n = 0 THEN 1 ELSE n END) AS np
}
CALL (c) {
  OPTIONAL MATCH (c)-[:MEASURED_BY]->(t:Target)
  RETURN collect(DISTINCT t) AS own
}
CALL (c) {
  OPTIONAL MATCH (m:Measure)-[:MENTIONS]->(c)
  OPTIONAL MATCH (m)-[:MEASURED_BY]->(t:Target)
  RETURN count(DISTINCT m) AS nm, collect(DISTINCT t) AS viaMeasures
}
WITH concept, coalesce(c.sourcePlan, c.plan) AS plan, c, np, nm,
     size(reduce(seen = own, t IN viaMeasures | CASE WHEN t IN seen THEN seen ELSE seen + t END)) AS nt
RETURN concept AS concept, plan AS plan, count(DISTINCT c) AS clusters, sum(np) AS platforms,
       sum(nt) AS targets, sum(nm) AS measures
ORDER BY concept IS NOT NULL, concept, plan IS NOT NULL, plan
