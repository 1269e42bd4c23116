// Schema version 4: where each figure was printed (issue 9). The model's optional `provenance`
// (page, table, row, box in PDF points) is kept as JSON on budget lines, indicators and projects,
// and the printed total's on reports; `findings` gains the record each finding is about, so a
// report can show the printed row beside it. json_extract is built into SQLite: no custom function.
import { V2_FINDINGS_SELECT_RATES, V2_FINDINGS_SELECT_SCORES } from "./views-v2.js";

const COLUMNS = ["severity", "kind", "department", "fiscal_year", "subject", "message", "printed", "computed",
  "target_raw", "actual_raw", "weight", "score", "source_path", "page", "report_pages", "severity_rank", "report_id"]
  .map((c) => `f.${c}`).join(", ");

const jsonColumn = (table: string, column: string) =>
  `ALTER TABLE ${table} ADD COLUMN ${column} TEXT CHECK (${column} IS NULL OR json_valid(${column}));`;

// Exported so that later versions can wrap the findings of version 4 (schema-v5.ts).
export const V4_FINDINGS_SELECT = `
SELECT ${COLUMNS}, CASE WHEN f.indicator_id IS NOT NULL THEN 'indicators' END AS record_table, f.indicator_id AS record_id
FROM (${V2_FINDINGS_SELECT_SCORES}) AS f
UNION ALL
SELECT ${COLUMNS}, CASE f.line WHEN 'budget' THEN 'budget_lines' ELSE 'projects' END, f.line_id
FROM (${V2_FINDINGS_SELECT_RATES}) AS f`;

export const V4_SQL = `
${jsonColumn("budget_lines", "provenance_json")}
${jsonColumn("indicators", "provenance_json")}
${jsonColumn("projects", "provenance_json")}
${jsonColumn("reports", "total_provenance_json")}
DROP VIEW findings;
CREATE VIEW findings AS ${V4_FINDINGS_SELECT};
`;
