// Schema version 5: findings that know what OCR read (issue 17). A figure read from a scan may be
// a misreading, and a check must never accuse a document of an error that was really one. The
// model's provenance carries, for rows read by OCR, each figure with its recognition confidence
// (`provenance.ocr`, src/model.ts); the findings view now:
// - gives every finding `ocr_confidence`: the lowest confidence among the figures it rests on
//   (the record's cells whose number is one of the finding's figures; the record's lowest figure
//   when none matches), NULL when they were read from a text layer;
// - reports a finding as 'verify' instead of 'error' or 'warning' when that confidence is below
//   OCR_HIGH_CONFIDENCE, and says in the message that the figures were read by OCR;
// - turns a total that disagrees on a scanned report whose rows were not all read (a scored row
//   without its score, or weights adding up to less than the maximum) into 'total-unread', a
//   warning about the reading, not an accusation against the document.
import { V4_FINDINGS_SELECT } from "./schema-v4.js";

/** A figure read by OCR with at least this confidence is taken as read; below it a finding says "verify". */
export const OCR_HIGH_CONFIDENCE = 0.9;

/** SQL: the lowest confidence of the figures in provenance JSON `p` whose number is one of `values`, else of all its figures. */
function figureConfidence(p: string, values: string[]): string {
  const number = `CAST(ltrim(replace(replace(json_extract(g.value, '$.text'), ',', ''), '%', ''), '≥≤<>=＞＜ ') AS REAL)`;
  const match = values.map((v) => `abs(${number} - (${v})) < 1e-6`).join(" OR ");
  return `coalesce((SELECT min(json_extract(g.value, '$.confidence')) FROM json_each(${p}, '$.ocr.figures') AS g
      WHERE json_extract(g.value, '$.text') GLOB '*[0-9]*' AND (${match})), json_extract(${p}, '$.ocr.confidence'))`;
}

// The figures a report's total rests on: the total itself and every score summed into it.
const TOTAL_CONFIDENCE = `(SELECT min(c) FROM (
    SELECT ${figureConfidence("r.total_provenance_json", ["r.total_score"])} AS c FROM reports AS r WHERE r.id = f.report_id
    UNION ALL SELECT ${figureConfidence("i.provenance_json", ["i.score"])} FROM indicators AS i WHERE i.report_id = f.report_id AND i.score IS NOT NULL
    UNION ALL SELECT ${figureConfidence("b.provenance_json", ["b.score"])} FROM budget_lines AS b WHERE b.report_id = f.report_id AND b.score IS NOT NULL))`;

const RECORD_CONFIDENCE = `CASE f.record_table
    WHEN 'indicators' THEN (SELECT ${figureConfidence("i.provenance_json", ["i.score", "i.weight", "i.target_value", "i.actual_value"])} FROM indicators AS i WHERE i.id = f.record_id)
    WHEN 'budget_lines' THEN (SELECT ${figureConfidence("b.provenance_json", ["b.adjusted", "b.executed", "b.rate_reported * 100", "b.rate_reported", "b.score", "b.weight"])} FROM budget_lines AS b WHERE b.id = f.record_id)
    WHEN 'projects' THEN (SELECT ${figureConfidence("p.provenance_json", ["p.budget", "p.executed", "p.rate_reported * 100", "p.rate_reported"])} FROM projects AS p WHERE p.id = f.record_id)
    ELSE ${TOTAL_CONFIDENCE} END`;

// Whether a report was read by OCR at all (any of its rows carries an OCR reading).
const READ_BY_OCR = `(EXISTS (SELECT 1 FROM indicators AS i WHERE i.report_id = f.report_id AND json_extract(i.provenance_json, '$.ocr') IS NOT NULL)
    OR EXISTS (SELECT 1 FROM budget_lines AS b WHERE b.report_id = f.report_id AND json_extract(b.provenance_json, '$.ocr') IS NOT NULL)
    OR json_extract((SELECT total_provenance_json FROM reports WHERE id = f.report_id), '$.ocr') IS NOT NULL)`;

// Rows of a report that were not read whole: scored rows without their score, and the weight missing to the maximum.
const UNREAD = `(SELECT
    (SELECT count(*) FROM indicators AS i WHERE i.report_id = f.report_id AND i.weight IS NOT NULL AND i.score IS NULL)
    + (SELECT count(*) FROM budget_lines AS b WHERE b.report_id = f.report_id AND b.weight IS NOT NULL AND b.score IS NULL)) AS unread_rows,
  (SELECT coalesce(r.max_score, 100) - (coalesce(w.indicators, 0) + coalesce(w.budget, 0))
   FROM reports AS r, (SELECT (SELECT sum(i.weight) FROM indicators AS i WHERE i.report_id = f.report_id) AS indicators,
       coalesce((SELECT sum(b.weight) FROM budget_lines AS b WHERE b.report_id = f.report_id AND b.fund_source = 'total'),
                (SELECT sum(b.weight) FROM budget_lines AS b WHERE b.report_id = f.report_id)) AS budget) AS w
   WHERE r.id = f.report_id AND (w.indicators IS NOT NULL OR w.budget IS NOT NULL)) AS missing_weight`;


export const V5_SQL = `
DROP VIEW findings;
CREATE VIEW findings AS
WITH base AS (${V4_FINDINGS_SELECT}
), read AS (
  SELECT f.*, ${RECORD_CONFIDENCE} AS ocr_confidence, ${READ_BY_OCR} AS by_ocr, ${UNREAD}
  FROM base AS f
), judged AS (
  SELECT *,
    CASE WHEN kind = 'total-mismatch' AND by_ocr AND (unread_rows > 0 OR missing_weight > 0.5) THEN 1 ELSE 0 END AS unread,
    CASE WHEN ocr_confidence < ${OCR_HIGH_CONFIDENCE} THEN 1 ELSE 0 END AS doubtful
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
