// Writing one document's parts to PostgreSQL: the same rows as the SQLite store (rows.ts), sent
// as one multi-row INSERT per table rather than one statement per row, since each statement is a
// round trip to the server.
import type { PoolClient } from "pg";
import type { Document } from "../../../contracts/model.js";
import type { Table } from "../../../contracts/extraction.js";
import {
  BUDGET_COLUMNS,
  GOAL_COLUMNS,
  INDICATOR_COLUMNS,
  PROJECT_COLUMNS,
  RAW_TABLE_COLUMNS,
  REPORT_COLUMNS,
  WARNING_COLUMNS,
  budgetToRow,
  goalToRow,
  indicatorToRow,
  projectToRow,
  rawTableToRow,
  reportToRow,
  warningToRow,
  type DocContext,
  type SqlValue,
} from "../rows.js";

/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 60_000;

/**
 * Given rows of one table, insert them in as few statements as the parameter limit allows and
 * return the new ids in row order (`suffix` may add an ON CONFLICT clause; skipped rows return no id).
 */
export async function insertRows(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  rows: readonly Record<string, SqlValue>[],
  suffix = "",
): Promise<number[]> {
  const ids: number[] = [];
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values: SqlValue[] = [];
    const tuples = chunk.map((row) => {
      const marks = columns.map((c) => {
        values.push(row[c] ?? null);
        return `$${values.length}`;
      });
      return `(${marks.join(", ")})`;
    });
    const sql = `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${tuples.join(", ")} ${suffix} RETURNING id`;
    const result = await client.query<{ id: number }>(sql, values);
    ids.push(...result.rows.map((r) => r.id));
  }
  return ids;
}

/** Given a document just inserted, insert its reports and every part, inside the caller's transaction. */
export async function insertParts(
  client: PoolClient,
  doc: Document,
  raw: { tables: Table[] },
  ctx: DocContext,
): Promise<void> {
  const reportIds = await insertRows(
    client,
    "reports",
    REPORT_COLUMNS,
    doc.reports.map((r, i) => reportToRow(r, ctx, i)),
  );
  const each = <T, R>(pick: (r: Document["reports"][number]) => T[], toRow: (x: T, reportId: number, i: number) => R) =>
    doc.reports.flatMap((report, k) => pick(report).map((x, i) => toRow(x, reportIds[k]!, i)));
  await insertRows(
    client,
    "budget_lines",
    BUDGET_COLUMNS,
    each(
      (r) => r.budget,
      (b, id, i) => budgetToRow(b, ctx, id, i),
    ),
  );
  await insertRows(
    client,
    "goals",
    GOAL_COLUMNS,
    each(
      (r) => r.goals,
      (g, id, i) => goalToRow(g, ctx, id, i),
    ),
  );
  await insertRows(
    client,
    "indicators",
    INDICATOR_COLUMNS,
    each(
      (r) => r.indicators,
      (x, id, i) => indicatorToRow(x, ctx, id, i),
    ),
  );
  await insertRows(
    client,
    "projects",
    PROJECT_COLUMNS,
    each(
      (r) => r.projects,
      (p, id, i) => projectToRow(p, ctx, id, i),
    ),
  );
  await insertRows(
    client,
    "warnings",
    WARNING_COLUMNS,
    doc.warnings.map((w, i) => warningToRow(w, ctx, i)),
  );
  await insertRows(
    client,
    "raw_tables",
    RAW_TABLE_COLUMNS,
    raw.tables.map((t, i) => rawTableToRow(t, ctx, i)),
  );
}
