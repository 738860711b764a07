// Indicators that are binding (属性 约束性, binding = true), with the table they come from (table: the
// kind, main for the plan's main indicator table, previous_plan for its review of the previous plan's
// targets; main when not given) and where the plan states them (plan, path, line and quote of the
// indicator's row).
// Columns: plan, table, number, name, unit, baseline, target, path, line, quote. Sorted by all
// columns, nulls first, numbers written as text (number, baseline, target) by their value.
// :param (none)
MATCH (i:Indicator)
WHERE i.binding = true
RETURN DISTINCT i.sourcePlan AS plan, coalesce(i.kind, 'main') AS table, i.number AS number,
       i.name AS name, i.unit AS unit, i.baseline AS baseline, i.target AS target, i.sourcePath AS path, i.sourceLineStart AS line,
       i.sourceQuote AS quote
ORDER BY plan IS NOT NULL, plan,
         table IS NOT NULL, table,
         number IS NOT NULL, NOT number =~ '[+-]?[0-9]+([.][0-9]+)?',
           CASE WHEN number =~ '[+-]?[0-9]+([.][0-9]+)?' THEN toFloat(number) END, number,
         name IS NOT NULL, name,
         unit IS NOT NULL, unit,
         baseline IS NOT NULL, NOT baseline =~ '[+-]?[0-9]+([.][0-9]+)?',
           CASE WHEN baseline =~ '[+-]?[0-9]+([.][0-9]+)?' THEN toFloat(baseline) END, baseline,
         target IS NOT NULL, NOT target =~ '[+-]?[0-9]+([.][0-9]+)?',
           CASE WHEN target =~ '[+-]?[0-9]+([.][0-9]+)?' THEN toFloat(target) END, target,
         path IS NOT NULL, path,
         line IS NOT NULL, line,
         quote IS NOT NULL, quote
