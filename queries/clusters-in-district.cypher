// Industry clusters supported by platforms LOCATED_IN the district $district (via = the platform's
// name), or by the district itself (via = the district's name).
// Columns: cluster, tier, via. Sorted by all columns, nulls first.
// :param district => '滨江区'
MATCH (d:District {name: $district})
CALL (d) {
  MATCH (p:Platform)-[:LOCATED_IN]->(d), (p)-[:SUPPORTS]->(c:IndustryCluster)
  RETURN c, p.name AS viaName
  UNION
  MATCH (d)-[:SUPPORTS]->(c:IndustryCluster)
  RETURN c, d.name AS viaName
}
RETURN DISTINCT c.name AS cluster, c.tier AS tier, viaName AS via
ORDER BY cluster IS NOT NULL, cluster, tier IS NOT NULL, tier, via IS NOT NULL, via
