// Indicators that are binding (属性 约束性, binding = true), with where the plan states them (plan,
// path, line and quote of the indicator's row).
// Columns: plan, number, name, unit, baseline, target, path, line, quote. Sorted by all columns,
// nulls first.
// :param (none)
MATCH (i:Indicator)
WHERE i.binding = true
RETURN DISTINCT i.sourcePlan AS plan, i.number AS number, i.name AS name, i.unit AS unit,
       i.baseline AS baseline, i.target AS target, i.sourcePath AS path, i.sourceLineStart AS line,
       i.sourceQuote AS quote
ORDER BY plan IS NOT NULL, plan, number IS NOT NULL, number, name IS NOT NULL, name, unit IS NOT NULL,
         unit, baseline IS NOT NULL, baseline, target IS NOT NULL, target, path IS NOT NULL, path,
         line IS NOT NULL, line, quote IS NOT NULL, quote
