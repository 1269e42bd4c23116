// The views of schema version 2, in plain SQL (no custom functions), so Datasette, the sqlite3
// shell or any other SQLite tool reads them as jixiao does. The checks are the ones journalists
// expect (FIELD-NOTES, "Checks journalists expect"); each finding carries the printed text and its
// provenance so it can be verified by eye. Derived figures live only here, never in the tables
// (canonical-model.md, "What is not in the model"). docs/sql.md documents every column.

/** SQL printing a number without float noise or trailing zeros: 97.36, 100, 0.5. */
function fmt(expr: string): string {
  return `printf('%.10g', round(${expr}, 4))`;
}

/**
 * SQL giving the number of decimals a stored number was printed with, 0 to 4. The model keeps
 * numbers, not their printed text, so "96.80%" and "96.8%" both read as 1 decimal: the check is
 * then more lenient than the print, never stricter.
 */
function decimals(expr: string): string {
  const exact = (d: number) => `abs(${expr} - round(${expr}, ${d})) < 1e-7`;
  return `CASE WHEN ${expr} IS NULL THEN NULL WHEN ${exact(0)} THEN 0 WHEN ${exact(1)} THEN 1 ` +
    `WHEN ${exact(2)} THEN 2 WHEN ${exact(3)} THEN 3 ELSE 4 END`;
}

/** SQL giving half a unit of the last printed decimal: what rounding to that many decimals may hide. */
function halfUnit(decimalsExpr: string): string {
  return `CASE ${decimalsExpr} WHEN 0 THEN 0.5 WHEN 1 THEN 0.05 WHEN 2 THEN 0.005 WHEN 3 THEN 0.0005 WHEN 4 THEN 0.00005 END`;
}

// Budget lines (A = adjusted, B = executed) and, with the same columns, project rows (A = the
// project's budget). The printed rate is a fraction in the model; its precision is the number of
// decimals it has in percent (0.968 -> 96.8% -> 1 decimal -> ±0.05 percentage points).
const EXECUTION_RATES = `
CREATE VIEW execution_rates AS
WITH lines AS (
  SELECT report_id, id AS line_id, 'budget' AS line, fund_source, coalesce(fund_source_raw, fund_source) AS label,
    adjusted, executed, rate_reported, source_path
  FROM budget_lines
  UNION ALL
  SELECT report_id, id, 'project', NULL, name, budget, executed, rate_reported, source_path
  FROM projects
), rated AS (
  SELECT *,
    CASE WHEN adjusted <> 0 AND executed IS NOT NULL THEN executed * 1.0 / adjusted END AS rate_recomputed,
    ${decimals("rate_reported * 100")} AS rate_decimals
  FROM lines
), compared AS (
  SELECT *, (rate_reported - rate_recomputed) * 100 AS difference, ${halfUnit("rate_decimals")} AS tolerance
  FROM rated
)
SELECT r.department, r.department_key, r.fiscal_year, c.line, c.fund_source, c.label, c.adjusted, c.executed,
  c.rate_reported,
  CASE WHEN c.rate_reported IS NOT NULL THEN printf('%.*f%%', c.rate_decimals, c.rate_reported * 100) END AS rate_printed,
  c.rate_recomputed, round(c.difference, 4) AS difference_pp, c.tolerance AS tolerance_pp,
  CASE WHEN c.difference IS NULL THEN NULL WHEN abs(c.difference) > c.tolerance + 1e-9 THEN 1 ELSE 0 END AS disagrees,
  c.source_path, r.pages AS report_pages, c.report_id, c.line_id
FROM compared AS c JOIN reports AS r ON r.id = c.report_id;`;

// Units are comparable when equal, or when one side is a bare number, read in the other side's
// unit (tables often print "95" under a target of "≥90%"), unless that side could be a fraction
// of a percentage ("0.083" under "≥3%").
const COMPARABLE_UNITS = `(target_unit IS actual_unit
  OR (actual_unit IS NULL AND NOT (target_unit = '%' AND abs(actual_value) <= 1 AND abs(target_value) > 1))
  OR (target_unit IS NULL AND NOT (actual_unit = '%' AND abs(target_value) <= 1 AND abs(actual_value) > 1)))`;

// Exported for schema version 3's targets_vs_results, which applies the same rule to declared targets.
export const MET = `CASE
    WHEN target_op IS NULL OR target_value IS NULL OR actual_value IS NULL THEN NULL
    WHEN NOT ${COMPARABLE_UNITS} THEN NULL
    WHEN target_op = '>=' THEN actual_value >= target_value - 1e-9
    WHEN target_op = '>' THEN actual_value > target_value + 1e-9
    WHEN target_op = '<=' THEN actual_value <= target_value + 1e-9
    WHEN target_op = '<' THEN actual_value < target_value - 1e-9
    WHEN target_op = '=' THEN abs(actual_value - target_value) <= 1e-9
  END`;

// One row per indicator with its report's department and year; target_met applies the rule of
// the score checks below (1 met, 0 missed, null when not comparable).
const INDICATOR_HISTORY = `
CREATE VIEW indicator_history AS
SELECT r.department, r.department_key, i.name, i.name_key, i.level1, i.level2, r.fiscal_year,
  i.target_raw, i.target_value, i.target_unit, i.actual_raw, i.actual_value, i.weight, i.score,
  i.source_path, i.page, i.project, i.target_op, i.actual_unit,
  ${MET.replace(/\b(target_op|target_value|target_unit|actual_value|actual_unit)\b/g, "i.$1")} AS target_met,
  r.id AS report_id, i.id AS indicator_id
FROM indicators AS i JOIN reports AS r ON r.id = i.report_id;`;

const BARE_ACTUAL = `CASE WHEN actual_unit IS NULL AND target_unit IS NOT NULL
    THEN printf(' (the actual has no unit and is read in %s)', target_unit) ELSE '' END`;

const SCORE_CHECKS = `
CREATE VIEW score_checks AS
WITH sums AS (
  SELECT r.id AS report_id, r.total_score, r.max_score,
    (SELECT sum(i.score) FROM indicators AS i WHERE i.report_id = r.id) AS indicator_sum,
    coalesce((SELECT sum(b.score) FROM budget_lines AS b WHERE b.report_id = r.id AND b.fund_source = 'total'),
             (SELECT sum(b.score) FROM budget_lines AS b WHERE b.report_id = r.id)) AS budget_sum
  FROM reports AS r WHERE r.total_score IS NOT NULL
), totals AS (
  SELECT *, coalesce(indicator_sum, 0) + coalesce(budget_sum, 0) AS score_sum,
    ${halfUnit(decimals("total_score"))} AS tolerance
  FROM sums WHERE indicator_sum IS NOT NULL OR budget_sum IS NOT NULL
), compared AS (
  SELECT *, ${MET} AS met FROM indicators WHERE score IS NOT NULL AND weight IS NOT NULL
), found AS (
  SELECT report_id, NULL AS indicator_id, 'total-mismatch' AS kind, 'error' AS severity, 'total score' AS subject,
    printf('the printed total %s is not the sum of the scores, %s (%s)', ${fmt("total_score")}, ${fmt("score_sum")},
      CASE WHEN budget_sum IS NULL THEN 'indicators only; no budget score'
           WHEN indicator_sum IS NULL THEN 'budget only; no indicator scores'
           ELSE printf('indicators %s + budget %s', ${fmt("indicator_sum")}, ${fmt("budget_sum")}) END) AS message,
    ${fmt("total_score")} AS printed, round(score_sum, 4) AS computed,
    NULL AS target_raw, NULL AS actual_raw, NULL AS weight, NULL AS score, NULL AS page
  FROM totals WHERE abs(total_score - score_sum) > tolerance + 1e-9
  UNION ALL
  SELECT report_id, NULL, 'total-above-maximum', 'error', 'total score',
    printf('the printed total %s is above the maximum score %s', ${fmt("total_score")}, ${fmt("max_score")}),
    ${fmt("total_score")}, NULL, NULL, NULL, NULL, NULL, NULL
  FROM sums WHERE max_score IS NOT NULL AND total_score > max_score + 1e-9
  UNION ALL
  SELECT report_id, NULL, 'score-above-weight', 'error', coalesce(fund_source_raw, fund_source),
    printf('the budget line “%s” scores %s, above its weight of %s', coalesce(fund_source_raw, fund_source),
      ${fmt("score")}, ${fmt("weight")}),
    ${fmt("score")}, NULL, NULL, NULL, weight, score, NULL
  FROM budget_lines WHERE score > weight + 1e-9
  UNION ALL
  SELECT report_id, id, 'score-above-weight', 'error', name,
    printf('“%s” scores %s, above its weight of %s', name, ${fmt("score")}, ${fmt("weight")}),
    ${fmt("score")}, NULL, target_raw, actual_raw, weight, score, page
  FROM compared WHERE score > weight + 1e-9
  UNION ALL
  SELECT report_id, id, 'full-score-missed-target', 'warning', name,
    printf('“%s” gets its full score of %s although the actual “%s” misses the target “%s”%s', name,
      ${fmt("score")}, actual_raw, target_raw, ${BARE_ACTUAL}),
    ${fmt("score")}, NULL, target_raw, actual_raw, weight, score, page
  FROM compared WHERE weight > 0 AND abs(score - weight) <= 1e-9 AND met = 0
  UNION ALL
  -- An upper bound "met" with an actual of 0 (成本 ≤5万元, spent 0万元) usually means the work was
  -- not done, which is a reason to score 0: not counted as met.
  SELECT report_id, id, 'zero-score-met-target', 'warning', name,
    printf('“%s” scores 0 of %s although the actual “%s” meets the target “%s”%s', name, ${fmt("weight")},
      actual_raw, target_raw, ${BARE_ACTUAL}),
    ${fmt("score")}, NULL, target_raw, actual_raw, weight, score, page
  FROM compared WHERE weight > 0 AND score = 0 AND met = 1 AND NOT (target_op IN ('<=', '<') AND actual_value = 0)
)
SELECT f.severity, f.kind, r.department, r.fiscal_year, f.subject, f.message, f.printed, f.computed,
  f.target_raw, f.actual_raw, f.weight, f.score, r.source_path, f.page, r.pages AS report_pages,
  CASE f.severity WHEN 'error' THEN 1 ELSE 2 END AS severity_rank, f.report_id, f.indicator_id
FROM found AS f JOIN reports AS r ON r.id = f.report_id;`;

// Every finding of both checks in one shape, for `jixiao check` and for analysts. The two halves
// are exported so that later versions can rebuild the view with more columns (schema-v4.ts).
export const V2_FINDINGS_SELECT_SCORES = `
SELECT severity, kind, department, fiscal_year, subject, message, printed, computed, target_raw, actual_raw,
  weight, score, source_path, page, report_pages, severity_rank, report_id, indicator_id
FROM score_checks`;

export const V2_FINDINGS_SELECT_RATES = `
SELECT 'error' AS severity, 'rate-disagrees' AS kind, department, fiscal_year, label AS subject,
  printf('the execution rate of “%s” is printed as %s, but executed / budget = %s / %s = %.2f%%: %.2f percentage points apart, more than the ±%s its printed digits allow',
    label, rate_printed, ${fmt("executed")}, ${fmt("adjusted")}, rate_recomputed * 100, abs(difference_pp),
    ${fmt("tolerance_pp")}) AS message,
  rate_printed AS printed, rate_recomputed AS computed, NULL AS target_raw, NULL AS actual_raw, NULL AS weight,
  NULL AS score, source_path, NULL AS page, report_pages, 1 AS severity_rank, report_id, line, line_id
FROM execution_rates WHERE disagrees = 1`;

const FINDINGS = `
CREATE VIEW findings AS
SELECT severity, kind, department, fiscal_year, subject, message, printed, computed, target_raw, actual_raw,
  weight, score, source_path, page, report_pages, severity_rank, report_id
FROM (${V2_FINDINGS_SELECT_SCORES})
UNION ALL
SELECT severity, kind, department, fiscal_year, subject, message, printed, computed, target_raw, actual_raw,
  weight, score, source_path, page, report_pages, severity_rank, report_id
FROM (${V2_FINDINGS_SELECT_RATES});`;

export const V2_VIEWS = [INDICATOR_HISTORY, EXECUTION_RATES, SCORE_CHECKS, FINDINGS].join("\n");
