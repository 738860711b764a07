// The candidates of the same indicator across plans: every indicator of a plan's main table (kind
// main, or none given), with its plan, number, name and unit as written, baseline, target and target
// year, and where the plan states it. kg.queries.catalog.indicators_across_plans then keeps those
// whose name and unit, normalised (NFKC, no spaces or footnote marks), two or more plans share, and
// fills indicator and unit with the normalised forms (as the SPARQL twin, which has no Unicode
// normalisation); pasted as-is, indicator is null.
// Columns: indicator, unit, plan, number, name, baseline, target, targetYear, path, line, quote.
// :param (none)
MATCH (i:Indicator)
WHERE coalesce(i.kind, 'main') = 'main'
RETURN DISTINCT null AS indicator, i.unit AS unit, coalesce(i.sourcePlan, i.plan) AS plan,
       i.number AS number, i.name AS name, i.baseline AS baseline, i.target AS target,
       i.targetYear AS targetYear, i.sourcePath AS path, i.sourceLineStart AS line,
       i.sourceQuote AS quote
ORDER BY plan, name
