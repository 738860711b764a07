// Every edge at the platform $platform: relation type, direction (out or in), the other node's type
// and name, and where the plan states the edge (plan, path, line and quote of its provenance, or of
// the text unit of that plan that mentions the platform, covers the edge's line and quotes it; null
// when the edge has no provenance).
// Columns: plan, relation, direction, otherType, other, path, line, quote. Sorted by all columns,
// nulls first.
// :param platform => '滨江物联网小镇'
MATCH (p:Platform {name: $platform})-[r]-(o)
CALL (p, r) {
  OPTIONAL MATCH (m)-[:MENTIONS]->(p)
  WHERE m.sourcePlan = r.sourcePlan AND m.sourceLineStart <= r.sourceLineStart <= m.sourceLineEnd
    AND m.sourceQuote CONTAINS r.sourceQuote
  WITH collect(m) AS units
  UNWIND CASE WHEN units = [] THEN [r] ELSE units END AS unit
  RETURN r.sourcePlan AS plan, unit.sourcePath AS path, unit.sourceLineStart AS line,
         unit.sourceQuote AS quote
}
RETURN DISTINCT plan AS plan, type(r) AS relation,
       CASE WHEN startNode(r) = p THEN 'out' ELSE 'in' END AS direction,
       [label IN labels(o) WHERE label <> 'Entity'][0] AS otherType,
       o.name AS other, path AS path, line AS line, quote AS quote
ORDER BY plan IS NOT NULL, plan, relation IS NOT NULL, relation, direction IS NOT NULL, direction,
         otherType IS NOT NULL, otherType, other IS NOT NULL, other, path IS NOT NULL, path,
         line IS NOT NULL, line, quote IS NOT NULL, quote
