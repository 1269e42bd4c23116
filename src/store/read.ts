// Reading one document back from its rows: the inverse of write.ts, checked against the
// canonical model so `export` never prints a document the model would refuse.
import { validateDocument, type Document } from "../../contracts/model.js";
import type { Table } from "../../contracts/extraction.js";
import {
  rowToBudget,
  rowToGoal,
  rowToIndicator,
  rowToProject,
  rowToRawTable,
  rowToReport,
  rowToWarning,
} from "./rows.js";
import type { DocumentRow, ReadStatements } from "./statements.js";

/** Given a document's row, return the Document its rows hold. */
export function loadDocument(r: ReadStatements, row: DocumentRow): Document {
  const reports = r.reportsOf.all(row.id).map((report) =>
    rowToReport(report, {
      budget: r.budgetOf.all(report.id).map(rowToBudget),
      goals: r.goalsOf.all(report.id).map(rowToGoal),
      indicators: r.indicatorsOf.all(report.id).map(rowToIndicator),
      projects: r.projectsOf.all(report.id).map(rowToProject),
    }),
  );
  return validateDocument({
    schema: row.model_schema,
    source: {
      path: row.path,
      sha256: row.sha256,
      format: row.format,
      textLayer: row.text_layer,
      pages: row.pages,
    },
    reports,
    warnings: r.warningsOf.all(row.id).map(rowToWarning),
  });
}

/** Given a document's row, return the tables the extractor read from it, in their order. */
export function loadRawTables(r: ReadStatements, row: DocumentRow): Table[] {
  return r.rawTablesOf.all(row.id).map(rowToRawTable);
}
