// What the evidence report shows, read from the store: per document its reports, budget lines
// with reported and recomputed rates, and the findings of `jixiao check`, each with where the
// figure was printed (provenance) so its page can be cropped.
import type { Provenance } from "../../contracts/model.js";
import type { StoreReader } from "../store/reader.js";

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

const parse = (json: unknown): Provenance | null =>
  typeof json === "string" ? (JSON.parse(json) as Provenance) : null;

/** Given a store (SQLite or PostgreSQL) and optionally one document's sha256, return the documents to report on. */
export async function storeToReportDocuments(db: StoreReader, sha256?: string): Promise<ReportDocument[]> {
  const docs = await db.all<Omit<ReportDocument, "reports" | "budget" | "findings" | "rawTables">>(
    `SELECT id, sha256, path, format, pages, status FROM documents ${sha256 ? "WHERE sha256 = ?" : ""} ORDER BY path`,
    sha256 ? [sha256] : [],
  );
  const full: ReportDocument[] = [];
  for (const d of docs) {
    full.push({
      ...d,
      reports: await reportsOf(db, d.id),
      budget: await budgetOf(db, d.id),
      findings: await findingsOf(db, d.id),
      rawTables: await rawTablesOf(db, d.id),
    });
  }
  // Documents with findings first, the most serious first, so a reader meets what to check first.
  const rank = (d: ReportDocument) =>
    d.findings.some((f) => f.severity === "error") ? 0 : d.findings.length > 0 ? 1 : 2;
  return full.sort((a, b) => rank(a) - rank(b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

// Aliases in camel case are quoted: PostgreSQL folds unquoted names to lower case.
function reportsOf(db: StoreReader, documentId: number): Promise<ReportSummary[]> {
  return db.all<ReportSummary>(
    `SELECT r.id, r.layout, r.department, r.fiscal_year AS "fiscalYear", r.total_score AS "totalScore", r.max_score AS "maxScore",
       r.grade, (SELECT count(*) FROM indicators i WHERE i.report_id = r.id) AS indicators
     FROM reports r WHERE r.document_id = ? ORDER BY r.ordinal`,
    [documentId],
  );
}

async function budgetOf(db: StoreReader, documentId: number): Promise<BudgetFigure[]> {
  const rows = await db.all<BudgetFigure & { p: unknown }>(
    `SELECT b.report_id AS "reportId", coalesce(b.fund_source_raw, b.fund_source) AS label, b.adjusted, b.executed,
       e.rate_printed AS "ratePrinted", e.rate_recomputed AS "rateRecomputed", e.disagrees, b.provenance_json AS p
     FROM budget_lines b LEFT JOIN execution_rates e ON e.line = 'budget' AND e.line_id = b.id
     WHERE b.document_id = ? ORDER BY b.report_id, b.ordinal`,
    [documentId],
  );
  return rows.map(({ p, ...rest }) => ({ ...rest, provenance: parse(p) }));
}

/** The findings of one document, most serious first, each with the provenance of the row it is about. */
async function findingsOf(db: StoreReader, documentId: number): Promise<FindingFigure[]> {
  const rows = await db.all<FindingFigure & { p: unknown }>(
    `SELECT f.severity, f.kind, f.subject, f.message, f.page,
         CASE f.record_table
           WHEN 'indicators' THEN (SELECT provenance_json FROM indicators WHERE id = f.record_id)
           WHEN 'budget_lines' THEN (SELECT provenance_json FROM budget_lines WHERE id = f.record_id)
           WHEN 'projects' THEN (SELECT provenance_json FROM projects WHERE id = f.record_id)
           ELSE (SELECT total_provenance_json FROM reports WHERE id = f.report_id) END AS p
       FROM findings f JOIN reports r ON r.id = f.report_id
       WHERE r.document_id = ? ORDER BY f.severity_rank, f.kind, f.subject`,
    [documentId],
  );
  return rows.map(({ p, ...rest }) => ({ ...rest, provenance: parse(p) }));
}

async function rawTablesOf(db: StoreReader, documentId: number): Promise<Map<number, string[][]>> {
  const rows = await db.all<{ i: number; rows: string }>(
    "SELECT table_index AS i, rows_json AS rows FROM raw_tables WHERE document_id = ?",
    [documentId],
  );
  return new Map(rows.map((r) => [r.i, JSON.parse(r.rows) as string[][]]));
}
