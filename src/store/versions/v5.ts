// Schema version 5: findings that know what OCR read (issue 17). A figure read from a scan may be
// a misreading, and a check must never accuse a document of an error that was really one. The
// model's provenance carries, for rows read by OCR, each figure with its recognition confidence
// (`provenance.ocr`, src/model.ts); the findings view now:
// - gives every finding `ocr_confidence`: the lowest confidence among the figures it rests on
//   (for each figure, the record's cells whose number it is; a figure no cell reads as a
//   well-formed number, such as a score 910 from "9 10", is in doubt at 0.5 at most), NULL when
//   they were read from a text layer;
// - reports a finding as 'verify' instead of 'error' or 'warning' when that confidence is below
//   OCR_HIGH_CONFIDENCE, and says in the message that the figures were read by OCR;
// - turns a total that disagrees on a scanned report whose rows were not all read (a scored row
//   without its score, or weights adding up to less than the maximum) into 'total-unread', a
//   warning about the reading, not an accusation against the document.
//
// The literal SQL this version ran: never edited once released (a change is a new version).
// High confidence is 0.9 (OCR_HIGH_CONFIDENCE).

/** A figure read by OCR with at least this confidence is taken as read; below it a finding says "verify". */
export const OCR_HIGH_CONFIDENCE = 0.9;

export const V5_SQL = `
DROP VIEW findings;
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
`;
