-- The jixiao database schema at version 6 (PRAGMA user_version), as every migration of
-- src/store/versions/ builds it together. Written by `npm run schema`; docs/sql.md explains it.

CREATE TABLE documents (
  id              INTEGER PRIMARY KEY,
  sha256          TEXT NOT NULL UNIQUE,
  path            TEXT NOT NULL,
  size            INTEGER NOT NULL,
  model_schema    TEXT NOT NULL,          -- "jixiao/report@1"
  format          TEXT NOT NULL,
  text_layer      TEXT NOT NULL,
  pages           INTEGER,
  status          TEXT NOT NULL,          -- 'ok': reports found; 'no-layout': read, zero reports
  report_count    INTEGER NOT NULL,
  imported_at     TEXT NOT NULL,          -- ISO 8601, UTC
  jixiao_version  TEXT NOT NULL
);

CREATE INDEX documents_path ON documents (path);

CREATE TABLE reports (
  id              INTEGER PRIMARY KEY,
  document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal         INTEGER NOT NULL,
  kind            TEXT NOT NULL,
  layout          TEXT NOT NULL,
  title           TEXT,
  department      TEXT,
  fiscal_year     INTEGER,
  total_score     REAL,
  max_score       REAL,
  grade           TEXT,
  conclusion      TEXT,
  pages           TEXT NOT NULL CHECK (json_valid(pages)),   -- JSON array of 1-based pages
  
  source_sha256   TEXT NOT NULL,
  source_path     TEXT NOT NULL, department_key TEXT, total_provenance_json TEXT CHECK (total_provenance_json IS NULL OR json_valid(total_provenance_json)), extra_json TEXT CHECK (extra_json IS NULL OR json_valid(extra_json)),
  UNIQUE (document_id, ordinal)
);

CREATE INDEX reports_department ON reports (department);

CREATE INDEX reports_fiscal_year ON reports (fiscal_year);

CREATE TABLE budget_lines (
  id              INTEGER PRIMARY KEY,
  report_id       INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal         INTEGER NOT NULL,
  fund_source     TEXT NOT NULL,
  fund_source_raw TEXT,
  unit            TEXT NOT NULL,
  unit_raw        TEXT,
  initial         REAL,
  adjustment      REAL,
  adjusted        REAL,
  executed        REAL,
  rate_reported   REAL,
  weight          REAL,
  score           REAL,
  deviation       TEXT,
  
  source_sha256   TEXT NOT NULL,
  source_path     TEXT NOT NULL, provenance_json TEXT CHECK (provenance_json IS NULL OR json_valid(provenance_json)),
  UNIQUE (report_id, ordinal)
);

CREATE INDEX budget_lines_document ON budget_lines (document_id);

CREATE TABLE goals (
  id              INTEGER PRIMARY KEY,
  report_id       INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal         INTEGER NOT NULL,
  seq             INTEGER,
  text            TEXT NOT NULL,
  actual          TEXT,
  deviation       TEXT,
  
  source_sha256   TEXT NOT NULL,
  source_path     TEXT NOT NULL,
  UNIQUE (report_id, ordinal)
);

CREATE INDEX goals_document ON goals (document_id);

CREATE TABLE indicators (
  id              INTEGER PRIMARY KEY,
  report_id       INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal         INTEGER NOT NULL,
  project         TEXT,
  goal_seq        INTEGER,
  level1          TEXT,
  level2          TEXT,
  level1_raw      TEXT,
  level2_raw      TEXT,
  name            TEXT NOT NULL,
  description     TEXT,
  criterion       TEXT,
  target_raw   TEXT,
  target_op    TEXT,
  target_value REAL,
  target_unit  TEXT,
  actual_raw   TEXT,
  actual_op    TEXT,
  actual_value REAL,
  actual_unit  TEXT,
  weight          REAL,
  score           REAL,
  summary         TEXT,
  deviation       TEXT,
  page            INTEGER,
  
  source_sha256   TEXT NOT NULL,
  source_path     TEXT NOT NULL, name_key TEXT, extra_json TEXT CHECK (extra_json IS NULL OR json_valid(extra_json)), project_key TEXT, provenance_json TEXT CHECK (provenance_json IS NULL OR json_valid(provenance_json)),
  CHECK (target_raw IS NOT NULL OR (target_op IS NULL AND target_value IS NULL AND target_unit IS NULL)),
  CHECK (actual_raw IS NOT NULL OR (actual_op IS NULL AND actual_value IS NULL AND actual_unit IS NULL)),
  UNIQUE (report_id, ordinal)
);

CREATE INDEX indicators_document ON indicators (document_id);

CREATE INDEX indicators_name ON indicators (name);

CREATE TABLE projects (
  id              INTEGER PRIMARY KEY,
  report_id       INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal         INTEGER NOT NULL,
  seq             INTEGER,
  name            TEXT NOT NULL,
  category        TEXT,
  budget          REAL,
  executed        REAL,
  balance         REAL,
  rate_reported   REAL,
  score           REAL,
  goal            TEXT,
  achievement     TEXT,
  problems        TEXT,
  remedy          TEXT,
  
  source_sha256   TEXT NOT NULL,
  source_path     TEXT NOT NULL, provenance_json TEXT CHECK (provenance_json IS NULL OR json_valid(provenance_json)),
  UNIQUE (report_id, ordinal)
);

CREATE INDEX projects_document ON projects (document_id);

CREATE INDEX projects_name ON projects (name);

CREATE TABLE warnings (
  id              INTEGER PRIMARY KEY,
  document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal         INTEGER NOT NULL,
  code            TEXT NOT NULL,
  message         TEXT NOT NULL,
  page            INTEGER,
  
  source_sha256   TEXT NOT NULL,
  source_path     TEXT NOT NULL,
  UNIQUE (document_id, ordinal)
);

CREATE INDEX warnings_code ON warnings (code);

CREATE TABLE import_errors (
  id              INTEGER PRIMARY KEY,
  path            TEXT NOT NULL UNIQUE,
  sha256          TEXT,                   -- null when the file could not even be hashed
  reason          TEXT NOT NULL,          -- UnreadableReason of contracts/errors.ts
  detail          TEXT NOT NULL,
  at              TEXT NOT NULL,          -- ISO 8601, UTC, of the latest failure
  attempts        INTEGER NOT NULL DEFAULT 1,
  jixiao_version  TEXT NOT NULL
);

CREATE INDEX import_errors_sha256 ON import_errors (sha256);

CREATE TABLE raw_tables (
  id              INTEGER PRIMARY KEY,
  document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal         INTEGER NOT NULL,
  table_index     INTEGER NOT NULL,
  method          TEXT NOT NULL,
  first_page      INTEGER,
  last_page       INTEGER,
  pages           TEXT NOT NULL CHECK (json_valid(pages)),
  rows_json       TEXT NOT NULL CHECK (json_valid(rows_json)),
  cells_json      TEXT NOT NULL CHECK (json_valid(cells_json)),
  row_pages_json  TEXT NOT NULL CHECK (json_valid(row_pages_json)),
  
  source_sha256   TEXT NOT NULL,
  source_path     TEXT NOT NULL,
  UNIQUE (document_id, ordinal)
);

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

CREATE INDEX indicators_project_key ON indicators (project_key, name_key);

CREATE VIEW targets_vs_results AS
WITH declared AS (
  SELECT r.department, r.department_key, r.fiscal_year, i.*
  FROM indicators AS i JOIN reports AS r ON r.id = i.report_id
  WHERE r.layout = 'target-declaration'
), evaluated AS (
  SELECT r.department_key, r.fiscal_year, i.*
  FROM indicators AS i JOIN reports AS r ON r.id = i.report_id
  WHERE r.layout <> 'target-declaration'
)
SELECT d.department, d.department_key, d.fiscal_year, d.project, d.project_key, d.name, d.name_key,
  d.level1, d.level2,
  d.target_raw AS declared_raw, d.target_op AS declared_op, d.target_value AS declared_value,
  d.target_unit AS declared_unit,
  e.target_raw AS reported_target_raw,
  CASE WHEN e.id IS NULL THEN NULL
       WHEN d.target_value IS NOT NULL AND d.target_value IS e.target_value AND d.target_unit IS e.target_unit
         AND (d.target_op IS NULL OR e.target_op IS NULL OR d.target_op = e.target_op) THEN 0
       WHEN d.target_value IS NULL AND e.target_value IS NULL
         AND replace(d.target_raw, ' ', '') IS replace(e.target_raw, ' ', '') THEN 0
       ELSE 1 END AS target_changed,
  e.actual_raw, e.actual_value, e.actual_unit, e.weight, e.score,
  CASE
    WHEN d.target_op IS NULL OR d.target_value IS NULL OR e.actual_value IS NULL THEN NULL
    WHEN NOT (d.target_unit IS e.actual_unit
  OR (e.actual_unit IS NULL AND NOT (d.target_unit = '%' AND abs(e.actual_value) <= 1 AND abs(d.target_value) > 1))
  OR (d.target_unit IS NULL AND NOT (e.actual_unit = '%' AND abs(d.target_value) <= 1 AND abs(e.actual_value) > 1))) THEN NULL
    WHEN d.target_op = '>=' THEN e.actual_value >= d.target_value - 1e-9
    WHEN d.target_op = '>' THEN e.actual_value > d.target_value + 1e-9
    WHEN d.target_op = '<=' THEN e.actual_value <= d.target_value + 1e-9
    WHEN d.target_op = '<' THEN e.actual_value < d.target_value - 1e-9
    WHEN d.target_op = '=' THEN abs(e.actual_value - d.target_value) <= 1e-9
  END AS declared_met,
  d.source_path AS declared_path, d.page AS declared_page, e.source_path AS result_path, e.page AS result_page,
  d.report_id AS declaration_report_id, e.report_id AS result_report_id,
  d.id AS declared_indicator_id, e.id AS result_indicator_id
FROM declared AS d LEFT JOIN evaluated AS e
  ON e.department_key = d.department_key AND e.fiscal_year = d.fiscal_year
  AND e.project_key = d.project_key AND e.name_key = d.name_key;

CREATE VIEW findings AS
WITH base AS (SELECT f.severity, f.kind, f.department, f.fiscal_year, f.subject, f.message, f.printed, f.computed, f.target_raw, f.actual_raw, f.weight, f.score, f.source_path, f.page, f.report_pages, f.severity_rank, f.report_id, CASE WHEN f.indicator_id IS NOT NULL THEN 'indicators' END AS record_table, f.indicator_id AS record_id
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
FROM execution_rates WHERE disagrees = 1) AS f
), read AS (
  SELECT f.*, CASE f.record_table
    WHEN 'indicators' THEN (SELECT (SELECT min(c) FROM (SELECT CASE WHEN (i.score) IS NULL OR json_extract(i.provenance_json, '$.ocr') IS NULL THEN NULL ELSE coalesce(
      (SELECT min(json_extract(g.value, '$.confidence')) FROM json_each(i.provenance_json, '$.ocr.figures') AS g
        WHERE json_extract(g.value, '$.text') GLOB '*[0-9]*' AND (abs(CAST(ltrim(replace(replace(json_extract(g.value, '$.text'), ',', ''), '%', ''), '≥≤<>=＞＜ ') AS REAL) - (i.score)) < 1e-6)),
      min(json_extract(i.provenance_json, '$.ocr.confidence'), 0.5)) END AS c UNION ALL SELECT CASE WHEN (i.weight) IS NULL OR json_extract(i.provenance_json, '$.ocr') IS NULL THEN NULL ELSE coalesce(
      (SELECT min(json_extract(g.value, '$.confidence')) FROM json_each(i.provenance_json, '$.ocr.figures') AS g
        WHERE json_extract(g.value, '$.text') GLOB '*[0-9]*' AND (abs(CAST(ltrim(replace(replace(json_extract(g.value, '$.text'), ',', ''), '%', ''), '≥≤<>=＞＜ ') AS REAL) - (i.weight)) < 1e-6)),
      min(json_extract(i.provenance_json, '$.ocr.confidence'), 0.5)) END AS c UNION ALL SELECT CASE WHEN (i.target_value) IS NULL OR json_extract(i.provenance_json, '$.ocr') IS NULL THEN NULL ELSE coalesce(
      (SELECT min(json_extract(g.value, '$.confidence')) FROM json_each(i.provenance_json, '$.ocr.figures') AS g
        WHERE json_extract(g.value, '$.text') GLOB '*[0-9]*' AND (abs(CAST(ltrim(replace(replace(json_extract(g.value, '$.text'), ',', ''), '%', ''), '≥≤<>=＞＜ ') AS REAL) - (i.target_value)) < 1e-6)),
      min(json_extract(i.provenance_json, '$.ocr.confidence'), 0.5)) END AS c UNION ALL SELECT CASE WHEN (i.actual_value) IS NULL OR json_extract(i.provenance_json, '$.ocr') IS NULL THEN NULL ELSE coalesce(
      (SELECT min(json_extract(g.value, '$.confidence')) FROM json_each(i.provenance_json, '$.ocr.figures') AS g
        WHERE json_extract(g.value, '$.text') GLOB '*[0-9]*' AND (abs(CAST(ltrim(replace(replace(json_extract(g.value, '$.text'), ',', ''), '%', ''), '≥≤<>=＞＜ ') AS REAL) - (i.actual_value)) < 1e-6)),
      min(json_extract(i.provenance_json, '$.ocr.confidence'), 0.5)) END AS c)) FROM indicators AS i WHERE i.id = f.record_id)
    WHEN 'budget_lines' THEN (SELECT (SELECT min(c) FROM (SELECT CASE WHEN (b.adjusted) IS NULL OR json_extract(b.provenance_json, '$.ocr') IS NULL THEN NULL ELSE coalesce(
      (SELECT min(json_extract(g.value, '$.confidence')) FROM json_each(b.provenance_json, '$.ocr.figures') AS g
        WHERE json_extract(g.value, '$.text') GLOB '*[0-9]*' AND (abs(CAST(ltrim(replace(replace(json_extract(g.value, '$.text'), ',', ''), '%', ''), '≥≤<>=＞＜ ') AS REAL) - (b.adjusted)) < 1e-6)),
      min(json_extract(b.provenance_json, '$.ocr.confidence'), 0.5)) END AS c UNION ALL SELECT CASE WHEN (b.executed) IS NULL OR json_extract(b.provenance_json, '$.ocr') IS NULL THEN NULL ELSE coalesce(
      (SELECT min(json_extract(g.value, '$.confidence')) FROM json_each(b.provenance_json, '$.ocr.figures') AS g
        WHERE json_extract(g.value, '$.text') GLOB '*[0-9]*' AND (abs(CAST(ltrim(replace(replace(json_extract(g.value, '$.text'), ',', ''), '%', ''), '≥≤<>=＞＜ ') AS REAL) - (b.executed)) < 1e-6)),
      min(json_extract(b.provenance_json, '$.ocr.confidence'), 0.5)) END AS c UNION ALL SELECT CASE WHEN (b.rate_reported * 100) IS NULL OR json_extract(b.provenance_json, '$.ocr') IS NULL THEN NULL ELSE coalesce(
      (SELECT min(json_extract(g.value, '$.confidence')) FROM json_each(b.provenance_json, '$.ocr.figures') AS g
        WHERE json_extract(g.value, '$.text') GLOB '*[0-9]*' AND (abs(CAST(ltrim(replace(replace(json_extract(g.value, '$.text'), ',', ''), '%', ''), '≥≤<>=＞＜ ') AS REAL) - (b.rate_reported * 100)) < 1e-6 OR abs(CAST(ltrim(replace(replace(json_extract(g.value, '$.text'), ',', ''), '%', ''), '≥≤<>=＞＜ ') AS REAL) - (b.rate_reported)) < 1e-6)),
      min(json_extract(b.provenance_json, '$.ocr.confidence'), 0.5)) END AS c UNION ALL SELECT CASE WHEN (b.score) IS NULL OR json_extract(b.provenance_json, '$.ocr') IS NULL THEN NULL ELSE coalesce(
      (SELECT min(json_extract(g.value, '$.confidence')) FROM json_each(b.provenance_json, '$.ocr.figures') AS g
        WHERE json_extract(g.value, '$.text') GLOB '*[0-9]*' AND (abs(CAST(ltrim(replace(replace(json_extract(g.value, '$.text'), ',', ''), '%', ''), '≥≤<>=＞＜ ') AS REAL) - (b.score)) < 1e-6)),
      min(json_extract(b.provenance_json, '$.ocr.confidence'), 0.5)) END AS c UNION ALL SELECT CASE WHEN (b.weight) IS NULL OR json_extract(b.provenance_json, '$.ocr') IS NULL THEN NULL ELSE coalesce(
      (SELECT min(json_extract(g.value, '$.confidence')) FROM json_each(b.provenance_json, '$.ocr.figures') AS g
        WHERE json_extract(g.value, '$.text') GLOB '*[0-9]*' AND (abs(CAST(ltrim(replace(replace(json_extract(g.value, '$.text'), ',', ''), '%', ''), '≥≤<>=＞＜ ') AS REAL) - (b.weight)) < 1e-6)),
      min(json_extract(b.provenance_json, '$.ocr.confidence'), 0.5)) END AS c)) FROM budget_lines AS b WHERE b.id = f.record_id)
    WHEN 'projects' THEN (SELECT (SELECT min(c) FROM (SELECT CASE WHEN (p.budget) IS NULL OR json_extract(p.provenance_json, '$.ocr') IS NULL THEN NULL ELSE coalesce(
      (SELECT min(json_extract(g.value, '$.confidence')) FROM json_each(p.provenance_json, '$.ocr.figures') AS g
        WHERE json_extract(g.value, '$.text') GLOB '*[0-9]*' AND (abs(CAST(ltrim(replace(replace(json_extract(g.value, '$.text'), ',', ''), '%', ''), '≥≤<>=＞＜ ') AS REAL) - (p.budget)) < 1e-6)),
      min(json_extract(p.provenance_json, '$.ocr.confidence'), 0.5)) END AS c UNION ALL SELECT CASE WHEN (p.executed) IS NULL OR json_extract(p.provenance_json, '$.ocr') IS NULL THEN NULL ELSE coalesce(
      (SELECT min(json_extract(g.value, '$.confidence')) FROM json_each(p.provenance_json, '$.ocr.figures') AS g
        WHERE json_extract(g.value, '$.text') GLOB '*[0-9]*' AND (abs(CAST(ltrim(replace(replace(json_extract(g.value, '$.text'), ',', ''), '%', ''), '≥≤<>=＞＜ ') AS REAL) - (p.executed)) < 1e-6)),
      min(json_extract(p.provenance_json, '$.ocr.confidence'), 0.5)) END AS c UNION ALL SELECT CASE WHEN (p.rate_reported * 100) IS NULL OR json_extract(p.provenance_json, '$.ocr') IS NULL THEN NULL ELSE coalesce(
      (SELECT min(json_extract(g.value, '$.confidence')) FROM json_each(p.provenance_json, '$.ocr.figures') AS g
        WHERE json_extract(g.value, '$.text') GLOB '*[0-9]*' AND (abs(CAST(ltrim(replace(replace(json_extract(g.value, '$.text'), ',', ''), '%', ''), '≥≤<>=＞＜ ') AS REAL) - (p.rate_reported * 100)) < 1e-6 OR abs(CAST(ltrim(replace(replace(json_extract(g.value, '$.text'), ',', ''), '%', ''), '≥≤<>=＞＜ ') AS REAL) - (p.rate_reported)) < 1e-6)),
      min(json_extract(p.provenance_json, '$.ocr.confidence'), 0.5)) END AS c)) FROM projects AS p WHERE p.id = f.record_id)
    ELSE (SELECT min(c) FROM (
    SELECT (SELECT min(c) FROM (SELECT CASE WHEN (r.total_score) IS NULL OR json_extract(r.total_provenance_json, '$.ocr') IS NULL THEN NULL ELSE coalesce(
      (SELECT min(json_extract(g.value, '$.confidence')) FROM json_each(r.total_provenance_json, '$.ocr.figures') AS g
        WHERE json_extract(g.value, '$.text') GLOB '*[0-9]*' AND (abs(CAST(ltrim(replace(replace(json_extract(g.value, '$.text'), ',', ''), '%', ''), '≥≤<>=＞＜ ') AS REAL) - (r.total_score)) < 1e-6)),
      min(json_extract(r.total_provenance_json, '$.ocr.confidence'), 0.5)) END AS c)) AS c FROM reports AS r WHERE r.id = f.report_id
    UNION ALL SELECT (SELECT min(c) FROM (SELECT CASE WHEN (i.score) IS NULL OR json_extract(i.provenance_json, '$.ocr') IS NULL THEN NULL ELSE coalesce(
      (SELECT min(json_extract(g.value, '$.confidence')) FROM json_each(i.provenance_json, '$.ocr.figures') AS g
        WHERE json_extract(g.value, '$.text') GLOB '*[0-9]*' AND (abs(CAST(ltrim(replace(replace(json_extract(g.value, '$.text'), ',', ''), '%', ''), '≥≤<>=＞＜ ') AS REAL) - (i.score)) < 1e-6)),
      min(json_extract(i.provenance_json, '$.ocr.confidence'), 0.5)) END AS c)) FROM indicators AS i WHERE i.report_id = f.report_id AND i.score IS NOT NULL
    UNION ALL SELECT (SELECT min(c) FROM (SELECT CASE WHEN (b.score) IS NULL OR json_extract(b.provenance_json, '$.ocr') IS NULL THEN NULL ELSE coalesce(
      (SELECT min(json_extract(g.value, '$.confidence')) FROM json_each(b.provenance_json, '$.ocr.figures') AS g
        WHERE json_extract(g.value, '$.text') GLOB '*[0-9]*' AND (abs(CAST(ltrim(replace(replace(json_extract(g.value, '$.text'), ',', ''), '%', ''), '≥≤<>=＞＜ ') AS REAL) - (b.score)) < 1e-6)),
      min(json_extract(b.provenance_json, '$.ocr.confidence'), 0.5)) END AS c)) FROM budget_lines AS b WHERE b.report_id = f.report_id AND b.score IS NOT NULL)) END AS ocr_confidence, (EXISTS (SELECT 1 FROM indicators AS i WHERE i.report_id = f.report_id AND json_extract(i.provenance_json, '$.ocr') IS NOT NULL)
    OR EXISTS (SELECT 1 FROM budget_lines AS b WHERE b.report_id = f.report_id AND json_extract(b.provenance_json, '$.ocr') IS NOT NULL)
    OR json_extract((SELECT total_provenance_json FROM reports WHERE id = f.report_id), '$.ocr') IS NOT NULL) AS by_ocr, (SELECT
    (SELECT count(*) FROM indicators AS i WHERE i.report_id = f.report_id AND i.weight IS NOT NULL AND i.score IS NULL)
    + (SELECT count(*) FROM budget_lines AS b WHERE b.report_id = f.report_id AND b.weight IS NOT NULL AND b.score IS NULL)) AS unread_rows,
  (SELECT coalesce(r.max_score, 100) - (coalesce(w.indicators, 0) + coalesce(w.budget, 0))
   FROM reports AS r, (SELECT (SELECT sum(i.weight) FROM indicators AS i WHERE i.report_id = f.report_id) AS indicators,
       coalesce((SELECT sum(b.weight) FROM budget_lines AS b WHERE b.report_id = f.report_id AND b.fund_source = 'total'),
                (SELECT sum(b.weight) FROM budget_lines AS b WHERE b.report_id = f.report_id)) AS budget) AS w
   WHERE r.id = f.report_id AND (w.indicators IS NOT NULL OR w.budget IS NOT NULL)) AS missing_weight
  FROM base AS f
), judged AS (
  SELECT *,
    CASE WHEN kind = 'total-mismatch' AND by_ocr AND (unread_rows > 0 OR missing_weight > 0.5) THEN 1 ELSE 0 END AS unread,
    CASE WHEN ocr_confidence < 0.9 THEN 1 ELSE 0 END AS doubtful
  FROM read
)
SELECT
  CASE WHEN unread = 1 THEN 'warning' WHEN doubtful = 1 THEN 'verify' ELSE severity END AS severity,
  CASE WHEN unread = 1 THEN 'total-unread' ELSE kind END AS kind,
  department, fiscal_year, subject,
  CASE WHEN unread = 1 THEN printf('%s; but the scan was not read whole (%s): check the reading before the document', message,
         CASE WHEN unread_rows > 0 THEN printf('%d scored rows without a score read', unread_rows)
              ELSE printf('the weights read add up to %s less than the maximum', printf('%.10g', round(missing_weight, 4))) END)
       WHEN ocr_confidence IS NOT NULL THEN printf('%s (figures read by OCR, lowest confidence %.2f%s)', message, ocr_confidence,
         CASE WHEN doubtful = 1 THEN ': verify on the page' ELSE '' END)
       ELSE message END AS message,
  printed, computed, target_raw, actual_raw, weight, score, source_path, page, report_pages,
  CASE WHEN unread = 1 THEN 2 WHEN doubtful = 1 THEN 3 ELSE severity_rank END AS severity_rank,
  report_id, record_table, record_id, ocr_confidence
FROM judged;
