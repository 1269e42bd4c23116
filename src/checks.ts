// Spot-checks of a report's printed figures against each other: the `findings` view of the
// schema (src/store/schema.sql), read in order of seriousness. A single file is checked by
// the same SQL: it is extracted into a store in memory first, so there is one mechanism and a
// database and a file can never disagree about what counts as a finding.
import type Database from "better-sqlite3";
import { tablesOf } from "../contracts/extraction.js";
import { extractFile } from "./pipeline.js";
import type { StoreReader } from "./store/reader.js";
import { openStore } from "./store/store.js";

/** "verify": a finding resting on a figure OCR did not read with high confidence (src/store/versions/v5.ts). */
export type Severity = "error" | "warning" | "verify";

/** The rules, most serious first. docs/sql.md explains each with its tolerance. */
export const CHECK_RULES: readonly { kind: string; severity: Severity; rule: string }[] = [
  {
    kind: "total-mismatch",
    severity: "error",
    rule: "the printed total is not the budget score plus the indicator scores, beyond the rounding of its printed digits",
  },
  {
    kind: "total-unread",
    severity: "warning",
    rule: "on a scan, the printed total is not the sum of the scores read, and rows were not read whole (a scored row without its score, or weights short of the maximum): a warning about the reading",
  },
  { kind: "total-above-maximum", severity: "error", rule: "the printed total is above the printed maximum" },
  {
    kind: "rate-disagrees",
    severity: "error",
    rule: "a printed execution rate differs from executed / budget (B/A) by more than the rounding of its printed digits",
  },
  { kind: "score-above-weight", severity: "error", rule: "an indicator or budget line scores more than its weight" },
  {
    kind: "full-score-missed-target",
    severity: "warning",
    rule: "a full score on an indicator whose numeric actual misses its numeric target (op and comparable units)",
  },
  {
    kind: "zero-score-met-target",
    severity: "warning",
    rule: "a zero score on an indicator whose numeric actual meets its numeric target (an actual of 0 under an upper bound is not counted as met)",
  },
];

export interface Finding {
  severity: Severity;
  kind: string;
  department: string | null;
  fiscalYear: number | null;
  /** The indicator, budget line or project the finding is about; "total score" for totals. */
  subject: string | null;
  message: string;
  /** The figure in question as the document printed it (as far as the model keeps it). */
  printed: string | null;
  /** The figure the check derived from the other printed figures (a sum, a rate), if any. */
  computed: number | null;
  targetRaw: string | null;
  actualRaw: string | null;
  weight: number | null;
  score: number | null;
  sourcePath: string;
  /** The page of the row, where the model has one; else see reportPages. */
  page: number | null;
  reportPages: number[];
  /** The lowest OCR confidence (0..1) of the figures the finding rests on; null when read from a text layer. */
  ocrConfidence: number | null;
}

interface FindingRow {
  severity: Severity;
  kind: string;
  department: string | null;
  fiscal_year: number | null;
  subject: string | null;
  message: string;
  printed: string | null;
  computed: number | null;
  target_raw: string | null;
  actual_raw: string | null;
  weight: number | null;
  score: number | null;
  source_path: string;
  page: number | null;
  report_pages: string;
  ocr_confidence: number | null;
}

// Most serious first; then file by file, each report's findings grouped by rule in the order of
// CHECK_RULES, then by page (unknown last) and subject.
const FINDINGS_SQL = `
SELECT severity, kind, department, fiscal_year, subject, message, printed, computed, target_raw, actual_raw,
  weight, score, source_path, page, report_pages, ocr_confidence
FROM findings
ORDER BY severity_rank, source_path, report_id,
  CASE kind ${CHECK_RULES.map((r, i) => `WHEN '${r.kind}' THEN ${i}`).join(" ")} ELSE ${CHECK_RULES.length} END,
  page IS NULL, page, subject`;

/** Given an open jixiao database (schema 5 or later), return its findings, most serious first. */
export function storeFindings(db: Database.Database): Finding[] {
  return (db.prepare(FINDINGS_SQL).all() as FindingRow[]).map(rowToFinding);
}

/** Given an open database of either kind, return its findings, most serious first. */
export async function readerFindings(reader: StoreReader): Promise<Finding[]> {
  return (await reader.all<FindingRow>(FINDINGS_SQL)).map(rowToFinding);
}

function rowToFinding(r: FindingRow): Finding {
  return {
    severity: r.severity,
    kind: r.kind,
    department: r.department,
    fiscalYear: r.fiscal_year,
    subject: r.subject,
    message: r.message,
    printed: r.printed,
    computed: r.computed,
    targetRaw: r.target_raw,
    actualRaw: r.actual_raw,
    weight: r.weight,
    score: r.score,
    sourcePath: r.source_path,
    page: r.page,
    reportPages: JSON.parse(r.report_pages) as number[],
    ocrConfidence: r.ocr_confidence,
  };
}

/**
 * Given a report file, extract it, write it into a store in memory and return its findings.
 * Throws UnreadableFileError when the file cannot be read at all.
 */
export async function fileFindings(path: string): Promise<{ findings: Finding[]; reports: number }> {
  const { document, extraction, size } = await extractFile(path);
  const store = openStore(":memory:");
  try {
    store.writeDocument(document, { tables: tablesOf(extraction) }, { size });
    return { findings: storeFindings(store.db), reports: document.reports.length };
  } finally {
    store.close();
  }
}

/** Given a finding, return where to look: "file, page 3" or "file, pages 1–4" or just the file. */
export function findingPlace(f: Finding): string {
  if (f.page !== null) return `${f.sourcePath}, page ${f.page}`;
  const first = f.reportPages[0];
  const last = f.reportPages[f.reportPages.length - 1];
  if (first === undefined || last === undefined) return f.sourcePath;
  return first === last ? `${f.sourcePath}, page ${first}` : `${f.sourcePath}, pages ${first}–${last}`;
}

/** Given a finding, return it as a few lines of plain text for a terminal. */
export function findingToText(f: Finding): string {
  const who = [f.department, f.fiscalYear].filter((x) => x !== null).join(", ");
  const lines = [`${f.severity.padEnd(8)}${findingPlace(f)}${who ? ` (${who})` : ""}`, `        ${f.message}`];
  const printed = [
    f.targetRaw !== null ? `target “${f.targetRaw}”` : null,
    f.actualRaw !== null ? `actual “${f.actualRaw}”` : null,
    f.score !== null ? `score ${f.score}${f.weight !== null ? ` of ${f.weight}` : ""}` : null,
  ].filter((x): x is string => x !== null);
  if (printed.length === 0 && f.printed !== null) printed.push(f.printed);
  if (printed.length > 0) lines.push(`        printed: ${printed.join(", ")}`);
  return lines.join("\n");
}

/** Given findings, return the closing line: how many of each severity. */
export function findingsSummary(findings: Finding[]): string {
  if (findings.length === 0) return "no findings: the printed figures agree with each other";
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const verify = count("verify");
  const tail = verify > 0 ? `, ${verify} to verify on the page (figures read by OCR)` : "";
  return `${plural(findings.length, "finding")}: ${plural(count("error"), "error")}, ${plural(count("warning"), "warning")}${tail}`;
}
