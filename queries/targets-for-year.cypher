// Every quantitative Target for the year $year, with its location path and quote in the plan.
// Columns: subject, value, unit, comparator, path, quote. Sorted by all columns, nulls first.
// :param year => 2030
MATCH (t:Target)
WHERE t.year = $year
RETURN DISTINCT t.subject AS subject, t.value AS value, t.unit AS unit, t.comparator AS comparator,
       t.sourcePath AS path, t.sourceQuote AS quote
ORDER BY subject IS NOT NULL, subject, value IS NOT NULL, value, unit IS NOT NULL, unit,
         comparator IS NOT NULL, comparator, path IS NOT NULL, path, quote IS NOT NULL, quote
