// The store's SQL, prepared once per connection and reused for every document (FIELD-NOTES,
// SQLite: prepared statements and one transaction per batch are what make bulk imports fast).
import type Database from "better-sqlite3";
import type { DocumentSummary } from "./store.js";
import {
  BUDGET_COLUMNS,
  GOAL_COLUMNS,
  INDICATOR_COLUMNS,
  PROJECT_COLUMNS,
  RAW_TABLE_COLUMNS,
  REPORT_COLUMNS,
  WARNING_COLUMNS,
  insertSql,
  type BudgetRow,
  type GoalRow,
  type IndicatorRow,
  type ProjectRow,
  type RawTableRow,
  type ReportRow,
  type Row,
  type WarningRow,
} from "./rows.js";

export const DOCUMENT_COLUMNS = [
  "sha256",
  "path",
  "size",
  "model_schema",
  "format",
  "text_layer",
  "pages",
  "status",
  "report_count",
  "imported_at",
  "jixiao_version",
] as const;
export type DocumentRow = Row<typeof DOCUMENT_COLUMNS> & { id: number };

/** Given a documents row (SQLite or PostgreSQL), return its summary as `list` shows it. */
export function toSummary(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    sha256: row.sha256 as string,
    path: row.path as string,
    size: row.size as number,
    format: row.format as string,
    textLayer: row.text_layer as string,
    pages: row.pages as number | null,
    status: row.status as DocumentSummary["status"],
    reportCount: row.report_count as number,
    importedAt: row.imported_at as string,
    jixiaoVersion: row.jixiao_version as string,
  };
}

export const IMPORT_ERROR_COLUMNS = ["path", "sha256", "reason", "detail", "at", "jixiao_version"] as const;
export type ImportErrorRow = Row<typeof IMPORT_ERROR_COLUMNS> & { id: number; attempts: number };

type Stmt<P extends unknown[] = unknown[], R = unknown> = Database.Statement<P, R>;

export interface ReadStatements {
  hasDocument: Stmt<[string], number>;
  documentBySha: Stmt<[string], DocumentRow>;
  documents: Stmt<[], DocumentRow>;
  reportsOf: Stmt<[number], ReportRow & { id: number }>;
  budgetOf: Stmt<[number], BudgetRow>;
  goalsOf: Stmt<[number], GoalRow>;
  indicatorsOf: Stmt<[number], IndicatorRow>;
  projectsOf: Stmt<[number], ProjectRow>;
  warningsOf: Stmt<[number], WarningRow>;
  rawTablesOf: Stmt<[number], RawTableRow>;
  importErrors: Stmt<[], ImportErrorRow>;
}

export interface WriteStatements {
  insertDocument: Stmt<[Row<typeof DOCUMENT_COLUMNS>]>;
  insertReport: Stmt<[ReportRow]>;
  insertBudget: Stmt<[BudgetRow]>;
  insertGoal: Stmt<[GoalRow]>;
  insertIndicator: Stmt<[IndicatorRow]>;
  insertProject: Stmt<[ProjectRow]>;
  insertWarning: Stmt<[WarningRow]>;
  insertRawTable: Stmt<[RawTableRow]>;
  clearImportErrors: Stmt<[{ path: string; sha256: string }]>;
  upsertImportError: Stmt<[Row<typeof IMPORT_ERROR_COLUMNS>]>;
}

/** Given a connection, return the prepared statements every store reads with. */
export function prepareReads(db: Database.Database): ReadStatements {
  const partsOf = (table: string) => `SELECT * FROM ${table} WHERE report_id = ? ORDER BY ordinal`;
  const ofDocument = (table: string) => `SELECT * FROM ${table} WHERE document_id = ? ORDER BY ordinal`;
  return {
    hasDocument: db.prepare<[string], number>("SELECT 1 FROM documents WHERE sha256 = ?").pluck(),
    documentBySha: db.prepare("SELECT * FROM documents WHERE sha256 = ?"),
    documents: db.prepare("SELECT * FROM documents ORDER BY id"),
    reportsOf: db.prepare(ofDocument("reports")),
    budgetOf: db.prepare(partsOf("budget_lines")),
    goalsOf: db.prepare(partsOf("goals")),
    indicatorsOf: db.prepare(partsOf("indicators")),
    projectsOf: db.prepare(partsOf("projects")),
    warningsOf: db.prepare(ofDocument("warnings")),
    rawTablesOf: db.prepare(ofDocument("raw_tables")),
    importErrors: db.prepare("SELECT * FROM import_errors ORDER BY path"),
  };
}

/** Given a writable connection, return the prepared statements a write uses. */
export function prepareWrites(db: Database.Database): WriteStatements {
  return {
    insertDocument: db.prepare(insertSql("documents", DOCUMENT_COLUMNS)),
    insertReport: db.prepare(insertSql("reports", REPORT_COLUMNS)),
    insertBudget: db.prepare(insertSql("budget_lines", BUDGET_COLUMNS)),
    insertGoal: db.prepare(insertSql("goals", GOAL_COLUMNS)),
    insertIndicator: db.prepare(insertSql("indicators", INDICATOR_COLUMNS)),
    insertProject: db.prepare(insertSql("projects", PROJECT_COLUMNS)),
    insertWarning: db.prepare(insertSql("warnings", WARNING_COLUMNS)),
    insertRawTable: db.prepare(insertSql("raw_tables", RAW_TABLE_COLUMNS)),
    clearImportErrors: db.prepare("DELETE FROM import_errors WHERE path = @path OR sha256 = @sha256"),
    // One row per path: a file failing again updates its row and counts the attempt.
    upsertImportError: db.prepare(
      `${insertSql("import_errors", IMPORT_ERROR_COLUMNS)}
       ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, reason = excluded.reason,
         detail = excluded.detail, at = excluded.at, jixiao_version = excluded.jixiao_version,
         attempts = attempts + 1`,
    ),
  };
}
