// What the evidence report shows, read from the store: per document its reports, budget lines
// with reported and recomputed rates, and the findings of `jixiao check`, each with where the
// figure was printed (provenance) so its page can be cropped.
import type Database from "better-sqlite3";
import type { Provenance } from "../../contracts/model.js";

export interface ReportDocument {
  id: number;
  sha256: string;
  path: string;
  format: string;
  pages: number | null;
  status: string;
  reports: ReportSummary[];
  budget: BudgetFigure[];
  findings: FindingFigure[];
  rawTables: Map<number, string[][]>;
}

export interface ReportSummary {
  id: number;
  layout: string;
  department: string | null;
  fiscalYear: number | null;
  totalScore: number | null;
  maxScore: number | null;
  grade: string | null;
  indicators: number;
}

export interface BudgetFigure {
  reportId: number;
  label: string;
  adjusted: number | null;
  executed: number | null;
  ratePrinted: string | null;
  rateRecomputed: number | null;
  disagrees: number | null;
  provenance: Provenance | null;
}

export interface FindingFigure {
  severity: string;
  kind: string;
  subject: string;
  message: string;
  page: number | null;
  provenance: Provenance | null;
}

const parse = (json: unknown): Provenance | null => (typeof json === "string" ? (JSON.parse(json) as Provenance) : null);

/** Given a store connection and optionally one document's sha256, return the documents to report on. */
export function storeToReportDocuments(db: Database.Database, sha256?: string): ReportDocument[] {
  const docs = db
    .prepare(`SELECT id, sha256, path, format, pages, status FROM documents ${sha256 ? "WHERE sha256 = ?" : ""} ORDER BY path`)
    .all(...(sha256 ? [sha256] : [])) as Omit<ReportDocument, "reports" | "budget" | "findings" | "rawTables">[];
  const full = docs.map((d) => ({ ...d, reports: reportsOf(db, d.id), budget: budgetOf(db, d.id), findings: findingsOf(db, d.id), rawTables: rawTablesOf(db, d.id) }));
  // Documents with findings first, the most serious first, so a reader meets what to check first.
  const rank = (d: ReportDocument) => (d.findings.some((f) => f.severity === "error") ? 0 : d.findings.length > 0 ? 1 : 2);
  return full.sort((a, b) => rank(a) - rank(b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function reportsOf(db: Database.Database, documentId: number): ReportSummary[] {
  return db
    .prepare(
      `SELECT r.id, r.layout, r.department, r.fiscal_year AS fiscalYear, r.total_score AS totalScore, r.max_score AS maxScore,
         r.grade, (SELECT count(*) FROM indicators i WHERE i.report_id = r.id) AS indicators
       FROM reports r WHERE r.document_id = ? ORDER BY r.ordinal`,
    )
    .all(documentId) as ReportSummary[];
}

function budgetOf(db: Database.Database, documentId: number): BudgetFigure[] {
  const rows = db
    .prepare(
      `SELECT b.report_id AS reportId, coalesce(b.fund_source_raw, b.fund_source) AS label, b.adjusted, b.executed,
         e.rate_printed AS ratePrinted, e.rate_recomputed AS rateRecomputed, e.disagrees, b.provenance_json AS p
       FROM budget_lines b LEFT JOIN execution_rates e ON e.line = 'budget' AND e.line_id = b.id
       WHERE b.document_id = ? ORDER BY b.report_id, b.ordinal`,
    )
    .all(documentId) as (BudgetFigure & { p: unknown })[];
  return rows.map(({ p, ...rest }) => ({ ...rest, provenance: parse(p) }));
}

/** The findings of one document, most serious first, each with the provenance of the row it is about. */
function findingsOf(db: Database.Database, documentId: number): FindingFigure[] {
  const rows = db
    .prepare(
      `SELECT f.severity, f.kind, f.subject, f.message, f.page,
         CASE f.record_table
           WHEN 'indicators' THEN (SELECT provenance_json FROM indicators WHERE id = f.record_id)
           WHEN 'budget_lines' THEN (SELECT provenance_json FROM budget_lines WHERE id = f.record_id)
           WHEN 'projects' THEN (SELECT provenance_json FROM projects WHERE id = f.record_id)
           ELSE (SELECT total_provenance_json FROM reports WHERE id = f.report_id) END AS p
       FROM findings f JOIN reports r ON r.id = f.report_id
       WHERE r.document_id = ? ORDER BY f.severity_rank, f.kind, f.subject`,
    )
    .all(documentId) as (FindingFigure & { p: unknown })[];
  return rows.map(({ p, ...rest }) => ({ ...rest, provenance: parse(p) }));
}

function rawTablesOf(db: Database.Database, documentId: number): Map<number, string[][]> {
  const rows = db.prepare("SELECT table_index AS i, rows_json AS rows FROM raw_tables WHERE document_id = ?").all(documentId) as { i: number; rows: string }[];
  return new Map(rows.map((r) => [r.i, JSON.parse(r.rows) as string[][]]));
}
