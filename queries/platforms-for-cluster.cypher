// Platforms that SUPPORT the industry cluster $cluster, the district each is LOCATED_IN (null when
// none is known; one row per district) and the quote of the SUPPORTS edge.
// Columns: platform, district, quote. Sorted by all columns, nulls first.
// :param cluster => '集成电路'
MATCH (p:Platform)-[s:SUPPORTS]->(:IndustryCluster {name: $cluster})
OPTIONAL MATCH (p)-[:LOCATED_IN]->(d:District)
RETURN DISTINCT p.name AS platform, d.name AS district, s.sourceQuote AS quote
ORDER BY platform IS NOT NULL, platform, district IS NOT NULL, district, quote IS NOT NULL, quote
