// Which plans back the shared industry concept $concept (its preferred label): every cluster whose
// concepts list holds it, with the cluster's plan, each Platform that SUPPORTS the cluster (null when
// none) and the District the platform is LOCATED_IN (one row per district; null when none is known).
// Columns: plan, cluster, platform, district. Sorted by all columns, nulls first.
// :param concept => '集成电路'
MATCH (c:IndustryCluster)
WHERE $concept IN c.concepts
OPTIONAL MATCH (p:Platform)-[:SUPPORTS]->(c)
OPTIONAL MATCH (p)-[:LOCATED_IN]->(d:District)
RETURN DISTINCT c.plan AS plan, c.name AS cluster, p.name AS platform, d.name AS district
ORDER BY plan IS NOT NULL, plan, cluster IS NOT NULL, cluster, platform IS NOT NULL, platform,
         district IS NOT NULL, district
