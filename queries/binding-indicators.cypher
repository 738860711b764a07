// Indicators that are binding (属性 约束性, binding = true).
// Columns: number, name, unit, baseline, target. Sorted by all columns, nulls first.
// :param (none)
MATCH (i:Indicator)
WHERE i.binding = true
RETURN DISTINCT i.number AS number, i.name AS name, i.unit AS unit, i.baseline AS baseline,
       i.target AS target
ORDER BY number IS NOT NULL, number, name IS NOT NULL, name, unit IS NOT NULL, unit,
         baseline IS NOT NULL, baseline, target IS NOT NULL, target
