// Writing one document: its row in `documents`, then every part in the model's order. The caller
// holds the transaction; this file only turns a Document into INSERTs.
import type { Document } from "../../contracts/model.js";
import type { Table } from "../../contracts/extraction.js";
import { StoreError } from "./errors.js";
import {
  budgetToRow,
  goalToRow,
  indicatorToRow,
  projectToRow,
  rawTableToRow,
  reportToRow,
  warningToRow,
  type DocContext,
} from "./rows.js";
import type { WriteStatements } from "./statements.js";

export interface DocumentMeta {
  /** Size of the source file in bytes. */
  size: number;
  /** ISO 8601 time of the import; now when absent. */
  importedAt?: string;
  /** Version of the program that read the file; this package's version when absent. */
  jixiaoVersion?: string;
}

/** Given a valid document, what the extractor read and the import's facts, insert it all; return its id. */
export function insertDocument(
  w: WriteStatements,
  doc: Document,
  raw: { tables: Table[] },
  meta: Required<DocumentMeta>,
): number {
  const { sha256, path } = doc.source;
  const inserted = w.insertDocument.run({
    sha256,
    path,
    size: meta.size,
    model_schema: doc.schema,
    format: doc.source.format,
    text_layer: doc.source.textLayer,
    pages: doc.source.pages,
    status: doc.reports.length > 0 ? "ok" : "no-layout",
    report_count: doc.reports.length,
    imported_at: meta.importedAt,
    jixiao_version: meta.jixiaoVersion,
  });
  const ctx: DocContext = { documentId: Number(inserted.lastInsertRowid), sha256, path };
  doc.reports.forEach((report, ordinal) => {
    const reportId = Number(w.insertReport.run(reportToRow(report, ctx, ordinal)).lastInsertRowid);
    report.budget.forEach((b, i) => w.insertBudget.run(budgetToRow(b, ctx, reportId, i)));
    report.goals.forEach((g, i) => w.insertGoal.run(goalToRow(g, ctx, reportId, i)));
    report.indicators.forEach((x, i) => w.insertIndicator.run(indicatorToRow(x, ctx, reportId, i)));
    report.projects.forEach((p, i) => w.insertProject.run(projectToRow(p, ctx, reportId, i)));
  });
  doc.warnings.forEach((warning, i) => w.insertWarning.run(warningToRow(warning, ctx, i)));
  raw.tables.forEach((table, i) => w.insertRawTable.run(rawTableToRow(table, ctx, i)));
  return ctx.documentId;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Given a document, throw if a string in it holds a lone UTF-16 surrogate. SQLite stores text as
 * UTF-8, where such a code unit becomes U+FFFD: the document would come back changed, silently.
 */
export function assertStorableText(value: unknown, where = "document"): void {
  if (typeof value === "string") {
    if (LONE_SURROGATE.test(value)) {
      throw new StoreError(`${where} holds a lone UTF-16 surrogate, which UTF-8 (and so SQLite) cannot store`);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => assertStorableText(item, `${where}.${i}`));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) assertStorableText(item, `${where}.${key}`);
  }
}
