// Schema version 3: what the project sheets and target declarations add (normalizers/project-sheet.ts,
// target-declaration.ts). Frozen once released, like versions 1 and 2.
//
// - `indicators.extra_json`: the model's `Indicator.extra` (指标性质, 调整指标值, 得分系数,
//   是否核心指标 … as printed) as a JSON object, NULL where the indicator has none. Analysts read
//   one key with json_extract(extra_json, '$.指标性质').
// - `indicators.project_key`: the project name folded like `name_key` (keys.ts), so declared
//   targets and self-evaluation results of one project line up although spelled differently.
// - `targets_vs_results`: every declared target (reports of layout 'target-declaration') beside
//   the result the same department reported for the same project, indicator and year in its
//   self-evaluation (any other layout): department_key, fiscal_year, project_key and name_key must
//   all agree. A declaration for year N lines up with the self-evaluation of year N, which is
//   published in year N + 1 but names year N. Declared targets without a result keep their row,
//   with the result's columns null.
//
// The literal SQL this version ran: never edited once released (a change is a new version).
import type Database from "better-sqlite3";
import { projectKey } from "../keys.js";

export const V3_SQL = `
ALTER TABLE indicators ADD COLUMN extra_json TEXT CHECK (extra_json IS NULL OR json_valid(extra_json));
ALTER TABLE indicators ADD COLUMN project_key TEXT;
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
`;

const BATCH = 10_000;

/** Given a database just brought to schema version 3, fill project_key of the rows written before it. */
export function backfillProjectKeys(db: Database.Database): void {
  const set = db.prepare("UPDATE indicators SET project_key = ? WHERE id = ?");
  const next = db.prepare(
    "SELECT id, project FROM indicators WHERE id > ? AND project IS NOT NULL ORDER BY id LIMIT ?",
  );
  // In batches by id: better-sqlite3 cannot run an UPDATE while a SELECT iterates.
  for (let after = 0; ;) {
    const rows = next.all(after, BATCH) as { id: number; project: string }[];
    if (rows.length === 0) break;
    for (const row of rows) set.run(projectKey(row.project), row.id);
    after = rows[rows.length - 1]!.id;
  }
}
