// Schema version 2: keys for history across years, indexes for the analysts' queries, full-text
// search, and the checks views. A later change to a view is a new migration that drops and
// re-creates it.
//
// Full-text search (FIELD-NOTES, SQLite): one FTS5 table, `search_index`, with the trigram
// tokenizer (Chinese has no word breaks; trigrams match any substring of 3 or more characters).
// It holds its own copy of the texts and is kept in step by triggers on the base tables, rather
// than being an external-content table: the texts come from five columns of four tables
// (indicator names and deviations, goal texts and deviations, budget-line deviations, project
// goals), and an external-content table reads from one table or view whose rowids it shares and
// needs the old values handed back on every delete. Triggers keep it right for every writer (the
// importer, hand-written SQL, the benchmark's plain INSERTs) and any FTS5-aware tool can search it
// without our code. The copy costs a few hundred bytes per indicator.
//
// Each text's rowid in search_index is its base row's id × 8 + a code naming the column, so a
// delete or update finds its rows by rowid without scanning:
//   1 indicator name, 2 indicator deviation, 3 goal text, 4 goal deviation,
//   5 budget-line deviation, 6 project goal (年初绩效目标).
// `search_texts` is the same texts read straight from the base tables: the migration fills the
// index from it, and `jixiao search` falls back to LIKE on it for queries under 3 characters,
// which trigrams cannot match.
//
// The literal SQL this version ran: never edited once released (a change is a new version).
import type Database from "better-sqlite3";
import { departmentKey, nameKey } from "../keys.js";

export const V2_SQL = `
ALTER TABLE reports ADD COLUMN department_key TEXT;
ALTER TABLE indicators ADD COLUMN name_key TEXT;

-- The history of one indicator: the reports of a department (by key, year order), then the
-- indicator of each report by key. (name_key, report_id) also serves "this indicator everywhere".
CREATE INDEX reports_department_key ON reports (department_key, fiscal_year);
CREATE INDEX indicators_name_key ON indicators (name_key, report_id);

CREATE VIRTUAL TABLE search_index USING fts5 (
  text, kind UNINDEXED, report_id UNINDEXED, page UNINDEXED, tokenize = 'trigram'
);

CREATE VIEW search_texts (search_rowid, kind, text, report_id, page) AS
SELECT indicators.id * 8 + 1, 'indicator', indicators.name, indicators.report_id, indicators.page FROM indicators WHERE indicators.name IS NOT NULL
UNION ALL
SELECT indicators.id * 8 + 2, 'deviation', indicators.deviation, indicators.report_id, indicators.page FROM indicators WHERE indicators.deviation IS NOT NULL
UNION ALL
SELECT goals.id * 8 + 3, 'goal', goals.text, goals.report_id, NULL FROM goals WHERE goals.text IS NOT NULL
UNION ALL
SELECT goals.id * 8 + 4, 'deviation', goals.deviation, goals.report_id, NULL FROM goals WHERE goals.deviation IS NOT NULL
UNION ALL
SELECT budget_lines.id * 8 + 5, 'deviation', budget_lines.deviation, budget_lines.report_id, NULL FROM budget_lines WHERE budget_lines.deviation IS NOT NULL
UNION ALL
SELECT projects.id * 8 + 6, 'goal', projects.goal, projects.report_id, NULL FROM projects WHERE projects.goal IS NOT NULL;

CREATE TRIGGER indicators_search_insert AFTER INSERT ON indicators BEGIN
  INSERT INTO search_index (rowid, kind, text, report_id, page) SELECT new.id * 8 + 1, 'indicator', new.name, new.report_id, new.page WHERE new.name IS NOT NULL;
  INSERT INTO search_index (rowid, kind, text, report_id, page) SELECT new.id * 8 + 2, 'deviation', new.deviation, new.report_id, new.page WHERE new.deviation IS NOT NULL;
END;
CREATE TRIGGER indicators_search_delete AFTER DELETE ON indicators BEGIN
  DELETE FROM search_index WHERE rowid IN (old.id * 8 + 1, old.id * 8 + 2);
END;
CREATE TRIGGER indicators_search_update AFTER UPDATE OF id, report_id, name, page, deviation ON indicators BEGIN
  DELETE FROM search_index WHERE rowid IN (old.id * 8 + 1, old.id * 8 + 2);
  INSERT INTO search_index (rowid, kind, text, report_id, page) SELECT new.id * 8 + 1, 'indicator', new.name, new.report_id, new.page WHERE new.name IS NOT NULL;
  INSERT INTO search_index (rowid, kind, text, report_id, page) SELECT new.id * 8 + 2, 'deviation', new.deviation, new.report_id, new.page WHERE new.deviation IS NOT NULL;
END;

CREATE TRIGGER goals_search_insert AFTER INSERT ON goals BEGIN
  INSERT INTO search_index (rowid, kind, text, report_id, page) SELECT new.id * 8 + 3, 'goal', new.text, new.report_id, NULL WHERE new.text IS NOT NULL;
  INSERT INTO search_index (rowid, kind, text, report_id, page) SELECT new.id * 8 + 4, 'deviation', new.deviation, new.report_id, NULL WHERE new.deviation IS NOT NULL;
END;
CREATE TRIGGER goals_search_delete AFTER DELETE ON goals BEGIN
  DELETE FROM search_index WHERE rowid IN (old.id * 8 + 3, old.id * 8 + 4);
END;
CREATE TRIGGER goals_search_update AFTER UPDATE OF id, report_id, text, deviation ON goals BEGIN
  DELETE FROM search_index WHERE rowid IN (old.id * 8 + 3, old.id * 8 + 4);
  INSERT INTO search_index (rowid, kind, text, report_id, page) SELECT new.id * 8 + 3, 'goal', new.text, new.report_id, NULL WHERE new.text IS NOT NULL;
  INSERT INTO search_index (rowid, kind, text, report_id, page) SELECT new.id * 8 + 4, 'deviation', new.deviation, new.report_id, NULL WHERE new.deviation IS NOT NULL;
END;

CREATE TRIGGER budget_lines_search_insert AFTER INSERT ON budget_lines BEGIN
  INSERT INTO search_index (rowid, kind, text, report_id, page) SELECT new.id * 8 + 5, 'deviation', new.deviation, new.report_id, NULL WHERE new.deviation IS NOT NULL;
END;
CREATE TRIGGER budget_lines_search_delete AFTER DELETE ON budget_lines BEGIN
  DELETE FROM search_index WHERE rowid IN (old.id * 8 + 5);
END;
CREATE TRIGGER budget_lines_search_update AFTER UPDATE OF id, report_id, deviation ON budget_lines BEGIN
  DELETE FROM search_index WHERE rowid IN (old.id * 8 + 5);
  INSERT INTO search_index (rowid, kind, text, report_id, page) SELECT new.id * 8 + 5, 'deviation', new.deviation, new.report_id, NULL WHERE new.deviation IS NOT NULL;
END;

CREATE TRIGGER projects_search_insert AFTER INSERT ON projects BEGIN
  INSERT INTO search_index (rowid, kind, text, report_id, page) SELECT new.id * 8 + 6, 'goal', new.goal, new.report_id, NULL WHERE new.goal IS NOT NULL;
END;
CREATE TRIGGER projects_search_delete AFTER DELETE ON projects BEGIN
  DELETE FROM search_index WHERE rowid IN (old.id * 8 + 6);
END;
CREATE TRIGGER projects_search_update AFTER UPDATE OF id, report_id, goal ON projects BEGIN
  DELETE FROM search_index WHERE rowid IN (old.id * 8 + 6);
  INSERT INTO search_index (rowid, kind, text, report_id, page) SELECT new.id * 8 + 6, 'goal', new.goal, new.report_id, NULL WHERE new.goal IS NOT NULL;
END;
INSERT INTO search_index (rowid, kind, text, report_id, page)
  SELECT search_rowid, kind, text, report_id, page FROM search_texts;


CREATE VIEW indicator_history AS
SELECT r.department, r.department_key, i.name, i.name_key, i.level1, i.level2, r.fiscal_year,
  i.target_raw, i.target_value, i.target_unit, i.actual_raw, i.actual_value, i.weight, i.score,
  i.source_path, i.page, i.project, i.target_op, i.actual_unit,
  CASE
    WHEN i.target_op IS NULL OR i.target_value IS NULL OR i.actual_value IS NULL THEN NULL
    WHEN NOT (i.target_unit IS i.actual_unit
  OR (i.actual_unit IS NULL AND NOT (i.target_unit = '%' AND abs(i.actual_value) <= 1 AND abs(i.target_value) > 1))
  OR (i.target_unit IS NULL AND NOT (i.actual_unit = '%' AND abs(i.target_value) <= 1 AND abs(i.actual_value) > 1))) THEN NULL
    WHEN i.target_op = '>=' THEN i.actual_value >= i.target_value - 1e-9
    WHEN i.target_op = '>' THEN i.actual_value > i.target_value + 1e-9
    WHEN i.target_op = '<=' THEN i.actual_value <= i.target_value + 1e-9
    WHEN i.target_op = '<' THEN i.actual_value < i.target_value - 1e-9
    WHEN i.target_op = '=' THEN abs(i.actual_value - i.target_value) <= 1e-9
  END AS target_met,
  r.id AS report_id, i.id AS indicator_id
FROM indicators AS i JOIN reports AS r ON r.id = i.report_id;

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
    CASE WHEN rate_reported * 100 IS NULL THEN NULL WHEN abs(rate_reported * 100 - round(rate_reported * 100, 0)) < 1e-7 THEN 0 WHEN abs(rate_reported * 100 - round(rate_reported * 100, 1)) < 1e-7 THEN 1 WHEN abs(rate_reported * 100 - round(rate_reported * 100, 2)) < 1e-7 THEN 2 WHEN abs(rate_reported * 100 - round(rate_reported * 100, 3)) < 1e-7 THEN 3 ELSE 4 END AS rate_decimals
  FROM lines
), compared AS (
  SELECT *, (rate_reported - rate_recomputed) * 100 AS difference, CASE rate_decimals WHEN 0 THEN 0.5 WHEN 1 THEN 0.05 WHEN 2 THEN 0.005 WHEN 3 THEN 0.0005 WHEN 4 THEN 0.00005 END AS tolerance
  FROM rated
)
SELECT r.department, r.department_key, r.fiscal_year, c.line, c.fund_source, c.label, c.adjusted, c.executed,
  c.rate_reported,
  CASE WHEN c.rate_reported IS NOT NULL THEN printf('%.*f%%', c.rate_decimals, c.rate_reported * 100) END AS rate_printed,
  c.rate_recomputed, round(c.difference, 4) AS difference_pp, c.tolerance AS tolerance_pp,
  CASE WHEN c.difference IS NULL THEN NULL WHEN abs(c.difference) > c.tolerance + 1e-9 THEN 1 ELSE 0 END AS disagrees,
  c.source_path, r.pages AS report_pages, c.report_id, c.line_id
FROM compared AS c JOIN reports AS r ON r.id = c.report_id;

CREATE VIEW score_checks AS
WITH sums AS (
  SELECT r.id AS report_id, r.total_score, r.max_score,
    (SELECT sum(i.score) FROM indicators AS i WHERE i.report_id = r.id) AS indicator_sum,
    coalesce((SELECT sum(b.score) FROM budget_lines AS b WHERE b.report_id = r.id AND b.fund_source = 'total'),
             (SELECT sum(b.score) FROM budget_lines AS b WHERE b.report_id = r.id)) AS budget_sum
  FROM reports AS r WHERE r.total_score IS NOT NULL
), totals AS (
  SELECT *, coalesce(indicator_sum, 0) + coalesce(budget_sum, 0) AS score_sum,
    CASE CASE WHEN total_score IS NULL THEN NULL WHEN abs(total_score - round(total_score, 0)) < 1e-7 THEN 0 WHEN abs(total_score - round(total_score, 1)) < 1e-7 THEN 1 WHEN abs(total_score - round(total_score, 2)) < 1e-7 THEN 2 WHEN abs(total_score - round(total_score, 3)) < 1e-7 THEN 3 ELSE 4 END WHEN 0 THEN 0.5 WHEN 1 THEN 0.05 WHEN 2 THEN 0.005 WHEN 3 THEN 0.0005 WHEN 4 THEN 0.00005 END AS tolerance
  FROM sums WHERE indicator_sum IS NOT NULL OR budget_sum IS NOT NULL
), compared AS (
  SELECT *, CASE
    WHEN target_op IS NULL OR target_value IS NULL OR actual_value IS NULL THEN NULL
    WHEN NOT (target_unit IS actual_unit
  OR (actual_unit IS NULL AND NOT (target_unit = '%' AND abs(actual_value) <= 1 AND abs(target_value) > 1))
  OR (target_unit IS NULL AND NOT (actual_unit = '%' AND abs(target_value) <= 1 AND abs(actual_value) > 1))) THEN NULL
    WHEN target_op = '>=' THEN actual_value >= target_value - 1e-9
    WHEN target_op = '>' THEN actual_value > target_value + 1e-9
    WHEN target_op = '<=' THEN actual_value <= target_value + 1e-9
    WHEN target_op = '<' THEN actual_value < target_value - 1e-9
    WHEN target_op = '=' THEN abs(actual_value - target_value) <= 1e-9
  END AS met FROM indicators WHERE score IS NOT NULL AND weight IS NOT NULL
), found AS (
  SELECT report_id, NULL AS indicator_id, 'total-mismatch' AS kind, 'error' AS severity, 'total score' AS subject,
    printf('the printed total %s is not the sum of the scores, %s (%s)', printf('%.10g', round(total_score, 4)), printf('%.10g', round(score_sum, 4)),
      CASE WHEN budget_sum IS NULL THEN 'indicators only; no budget score'
           WHEN indicator_sum IS NULL THEN 'budget only; no indicator scores'
           ELSE printf('indicators %s + budget %s', printf('%.10g', round(indicator_sum, 4)), printf('%.10g', round(budget_sum, 4))) END) AS message,
    printf('%.10g', round(total_score, 4)) AS printed, round(score_sum, 4) AS computed,
    NULL AS target_raw, NULL AS actual_raw, NULL AS weight, NULL AS score, NULL AS page
  FROM totals WHERE abs(total_score - score_sum) > tolerance + 1e-9
  UNION ALL
  SELECT report_id, NULL, 'total-above-maximum', 'error', 'total score',
    printf('the printed total %s is above the maximum score %s', printf('%.10g', round(total_score, 4)), printf('%.10g', round(max_score, 4))),
    printf('%.10g', round(total_score, 4)), NULL, NULL, NULL, NULL, NULL, NULL
  FROM sums WHERE max_score IS NOT NULL AND total_score > max_score + 1e-9
  UNION ALL
  SELECT report_id, NULL, 'score-above-weight', 'error', coalesce(fund_source_raw, fund_source),
    printf('the budget line “%s” scores %s, above its weight of %s', coalesce(fund_source_raw, fund_source),
      printf('%.10g', round(score, 4)), printf('%.10g', round(weight, 4))),
    printf('%.10g', round(score, 4)), NULL, NULL, NULL, weight, score, NULL
  FROM budget_lines WHERE score > weight + 1e-9
  UNION ALL
  SELECT report_id, id, 'score-above-weight', 'error', name,
    printf('“%s” scores %s, above its weight of %s', name, printf('%.10g', round(score, 4)), printf('%.10g', round(weight, 4))),
    printf('%.10g', round(score, 4)), NULL, target_raw, actual_raw, weight, score, page
  FROM compared WHERE score > weight + 1e-9
  UNION ALL
  SELECT report_id, id, 'full-score-missed-target', 'warning', name,
    printf('“%s” gets its full score of %s although the actual “%s” misses the target “%s”%s', name,
      printf('%.10g', round(score, 4)), actual_raw, target_raw, CASE WHEN actual_unit IS NULL AND target_unit IS NOT NULL
    THEN printf(' (the actual has no unit and is read in %s)', target_unit) ELSE '' END),
    printf('%.10g', round(score, 4)), NULL, target_raw, actual_raw, weight, score, page
  FROM compared WHERE weight > 0 AND abs(score - weight) <= 1e-9 AND met = 0
  UNION ALL
  -- An upper bound "met" with an actual of 0 (成本 ≤5万元, spent 0万元) usually means the work was
  -- not done, which is a reason to score 0: not counted as met.
  SELECT report_id, id, 'zero-score-met-target', 'warning', name,
    printf('“%s” scores 0 of %s although the actual “%s” meets the target “%s”%s', name, printf('%.10g', round(weight, 4)),
      actual_raw, target_raw, CASE WHEN actual_unit IS NULL AND target_unit IS NOT NULL
    THEN printf(' (the actual has no unit and is read in %s)', target_unit) ELSE '' END),
    printf('%.10g', round(score, 4)), NULL, target_raw, actual_raw, weight, score, page
  FROM compared WHERE weight > 0 AND score = 0 AND met = 1 AND NOT (target_op IN ('<=', '<') AND actual_value = 0)
)
SELECT f.severity, f.kind, r.department, r.fiscal_year, f.subject, f.message, f.printed, f.computed,
  f.target_raw, f.actual_raw, f.weight, f.score, r.source_path, f.page, r.pages AS report_pages,
  CASE f.severity WHEN 'error' THEN 1 ELSE 2 END AS severity_rank, f.report_id, f.indicator_id
FROM found AS f JOIN reports AS r ON r.id = f.report_id;

CREATE VIEW findings AS
SELECT severity, kind, department, fiscal_year, subject, message, printed, computed, target_raw, actual_raw,
  weight, score, source_path, page, report_pages, severity_rank, report_id
FROM (
SELECT severity, kind, department, fiscal_year, subject, message, printed, computed, target_raw, actual_raw,
  weight, score, source_path, page, report_pages, severity_rank, report_id, indicator_id
FROM score_checks)
UNION ALL
SELECT severity, kind, department, fiscal_year, subject, message, printed, computed, target_raw, actual_raw,
  weight, score, source_path, page, report_pages, severity_rank, report_id
FROM (
SELECT 'error' AS severity, 'rate-disagrees' AS kind, department, fiscal_year, label AS subject,
  printf('the execution rate of “%s” is printed as %s, but executed / budget = %s / %s = %.2f%%: %.2f percentage points apart, more than the ±%s its printed digits allow',
    label, rate_printed, printf('%.10g', round(executed, 4)), printf('%.10g', round(adjusted, 4)), rate_recomputed * 100, abs(difference_pp),
    printf('%.10g', round(tolerance_pp, 4))) AS message,
  rate_printed AS printed, rate_recomputed AS computed, NULL AS target_raw, NULL AS actual_raw, NULL AS weight,
  NULL AS score, source_path, NULL AS page, report_pages, 1 AS severity_rank, report_id, line, line_id
FROM execution_rates WHERE disagrees = 1);`;

const BATCH = 10_000;

/**
 * Given a database just brought to schema version 2, fill department_key and name_key of the rows
 * written before it (keys.ts; SQLite has no NFKC). Runs inside the migration's transaction.
 */
export function backfillKeys(db: Database.Database): void {
  const setDepartment = db.prepare("UPDATE reports SET department_key = ? WHERE id = ?");
  const reports = db.prepare("SELECT id, department FROM reports").all() as { id: number; department: string | null }[];
  for (const r of reports) setDepartment.run(departmentKey(r.department), r.id);
  const setName = db.prepare("UPDATE indicators SET name_key = ? WHERE id = ?");
  const next = db.prepare("SELECT id, name FROM indicators WHERE id > ? ORDER BY id LIMIT ?");
  // In batches by id: better-sqlite3 cannot run an UPDATE while a SELECT iterates.
  for (let after = 0; ;) {
    const rows = next.all(after, BATCH) as { id: number; name: string }[];
    if (rows.length === 0) break;
    for (const row of rows) setName.run(nameKey(row.name), row.id);
    after = rows[rows.length - 1]!.id;
  }
}
