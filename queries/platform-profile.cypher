// Every edge at the platform $platform: relation type, direction (out or in), the other node's type
// and name, and the edge's provenance quote (null when the edge has none).
// Columns: relation, direction, otherType, other, quote. Sorted by all columns, nulls first.
// :param platform => '滨江物联网小镇'
MATCH (p:Platform {name: $platform})-[r]-(o)
RETURN DISTINCT type(r) AS relation,
       CASE WHEN startNode(r) = p THEN 'out' ELSE 'in' END AS direction,
       [label IN labels(o) WHERE label <> 'Entity'][0] AS otherType,
       o.name AS other,
       r.sourceQuote AS quote
ORDER BY relation IS NOT NULL, relation, direction IS NOT NULL, direction, otherType IS NOT NULL,
         otherType, other IS NOT NULL, other, quote IS NOT NULL, quote
