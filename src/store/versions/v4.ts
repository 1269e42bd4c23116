// Schema version 4: where each figure was printed (issue 9). The model's optional `provenance`
// (page, table, row, box in PDF points) is kept as JSON on budget lines, indicators and projects,
// and the printed total's on reports; `findings` gains the record each finding is about, so a
// report can show the printed row beside it. json_extract is built into SQLite: no custom function.
//
// The literal SQL this version ran: never edited once released (a change is a new version).
export const V4_SQL = `
ALTER TABLE budget_lines ADD COLUMN provenance_json TEXT CHECK (provenance_json IS NULL OR json_valid(provenance_json));
ALTER TABLE indicators ADD COLUMN provenance_json TEXT CHECK (provenance_json IS NULL OR json_valid(provenance_json));
ALTER TABLE projects ADD COLUMN provenance_json TEXT CHECK (provenance_json IS NULL OR json_valid(provenance_json));
ALTER TABLE reports ADD COLUMN total_provenance_json TEXT CHECK (total_provenance_json IS NULL OR json_valid(total_provenance_json));
DROP VIEW findings;
CREATE VIEW findings AS
SELECT f.severity, f.kind, f.department, f.fiscal_year, f.subject, f.message, f.printed, f.computed, f.target_raw, f.actual_raw, f.weight, f.score, f.source_path, f.page, f.report_pages, f.severity_rank, f.report_id, CASE WHEN f.indicator_id IS NOT NULL THEN 'indicators' END AS record_table, f.indicator_id AS record_id
FROM (
SELECT severity, kind, department, fiscal_year, subject, message, printed, computed, target_raw, actual_raw,
  weight, score, source_path, page, report_pages, severity_rank, report_id, indicator_id
FROM score_checks) AS f
UNION ALL
SELECT f.severity, f.kind, f.department, f.fiscal_year, f.subject, f.message, f.printed, f.computed, f.target_raw, f.actual_raw, f.weight, f.score, f.source_path, f.page, f.report_pages, f.severity_rank, f.report_id, CASE f.line WHEN 'budget' THEN 'budget_lines' ELSE 'projects' END, f.line_id
FROM (
SELECT 'error' AS severity, 'rate-disagrees' AS kind, department, fiscal_year, label AS subject,
  printf('the execution rate of “%s” is printed as %s, but executed / budget = %s / %s = %.2f%%: %.2f percentage points apart, more than the ±%s its printed digits allow',
    label, rate_printed, printf('%.10g', round(executed, 4)), printf('%.10g', round(adjusted, 4)), rate_recomputed * 100, abs(difference_pp),
    printf('%.10g', round(tolerance_pp, 4))) AS message,
  rate_printed AS printed, rate_recomputed AS computed, NULL AS target_raw, NULL AS actual_raw, NULL AS weight,
  NULL AS score, source_path, NULL AS page, report_pages, 1 AS severity_rank, report_id, line, line_id
FROM execution_rates WHERE disagrees = 1) AS f;
`;
