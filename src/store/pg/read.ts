// Reading one document back from PostgreSQL: each part table once for the whole document, grouped
// by report, then the same row mappers and model check as the SQLite store (../read.ts).
import type { PoolClient } from "pg";
import { validateDocument, type Document } from "../../../contracts/model.js";
import {
  rowToBudget,
  rowToGoal,
  rowToIndicator,
  rowToProject,
  rowToReport,
  rowToWarning,
  type BudgetRow,
  type GoalRow,
  type IndicatorRow,
  type ProjectRow,
  type ReportRow,
  type WarningRow,
} from "../rows.js";
import type { DocumentRow } from "../statements.js";

type Part = { report_id: number };

/** Given rows of one part table, return them by report id, in ordinal order. */
function byReport<R extends Part>(rows: R[]): Map<number, R[]> {
  const map = new Map<number, R[]>();
  for (const row of rows) map.set(row.report_id, [...(map.get(row.report_id) ?? []), row]);
  return map;
}

/** Given a connection in a snapshot transaction and a sha256, return the stored Document, or null. */
export async function loadPgDocument(client: PoolClient, sha256: string): Promise<Document | null> {
  const row = (await client.query<DocumentRow>("SELECT * FROM documents WHERE sha256 = $1", [sha256])).rows[0];
  if (row === undefined) return null;
  const of = async <R>(table: string, order = "report_id, ordinal") =>
    (await client.query(`SELECT * FROM ${table} WHERE document_id = $1 ORDER BY ${order}`, [row.id])).rows as R[];
  const reports = await of<ReportRow & { id: number }>("reports", "ordinal");
  const budget = byReport(await of<BudgetRow & Part>("budget_lines"));
  const goals = byReport(await of<GoalRow & Part>("goals"));
  const indicators = byReport(await of<IndicatorRow & Part>("indicators"));
  const projects = byReport(await of<ProjectRow & Part>("projects"));
  const warnings = await of<WarningRow>("warnings", "ordinal");
  return validateDocument({
    schema: row.model_schema,
    source: { path: row.path, sha256: row.sha256, format: row.format, textLayer: row.text_layer, pages: row.pages },
    reports: reports.map((report) =>
      rowToReport(report, {
        budget: (budget.get(report.id) ?? []).map(rowToBudget),
        goals: (goals.get(report.id) ?? []).map(rowToGoal),
        indicators: (indicators.get(report.id) ?? []).map(rowToIndicator),
        projects: (projects.get(report.id) ?? []).map(rowToProject),
      }),
    ),
    warnings: warnings.map(rowToWarning),
  });
}
