// Every quantitative Target for the year $year, with where the plan states it (plan, path, line and
// quote of its provenance).
// Columns: plan, subject, value, unit, comparator, path, line, quote. Sorted by all columns,
// nulls first, numbers written as text (value) by their value.
// :param year => 2030
MATCH (t:Target)
WHERE t.year = $year
RETURN DISTINCT t.sourcePlan AS plan, t.subject AS subject, t.value AS value, t.unit AS unit,
       t.comparator AS comparator, t.sourcePath AS path, t.sourceLineStart AS line,
       t.sourceQuote AS quote
ORDER BY plan IS NOT NULL, plan,
         subject IS NOT NULL, subject,
         value IS NOT NULL, NOT value =~ '[+-]?[0-9]+([.][0-9]+)?',
           CASE WHEN value =~ '[+-]?[0-9]+([.][0-9]+)?' THEN toFloat(value) END, value,
         unit IS NOT NULL, unit,
         comparator IS NOT NULL, comparator,
         path IS NOT NULL, path,
         line IS NOT NULL, line,
         quote IS NOT NULL, quote
