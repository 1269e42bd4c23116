// What an import did, file by file and in total.
import type { Document } from "../../contracts/model.js";

export type FileOutcome =
  | { path: string; status: "imported"; pages: number; reports: number; indicators: number; layouts: string[] }
  | { path: string; status: "no-layout"; pages: number }
  | { path: string; status: "skipped" }
  | { path: string; status: "failed"; reason: string; detail: string };

export interface ImportSummary {
  files: number;
  done: number;
  imported: number;
  noLayout: number;
  skipped: number;
  failed: Record<string, number>;
  reports: number;
  indicators: number;
  pages: number;
  /** Milliseconds summed over files: reading+hashing (main), extract and normalize (workers), store (main). */
  timings: { read: number; extract: number; normalize: number; store: number };
  elapsedMs: number;
  /** Peak resident memory of the import's process tree and of one worker's tree, in bytes, and the workers' CPU in ms (0 where unknown). */
  memory: { peakTreeBytes: number; peakWorkerBytes: number; workersCpuMs: number };
}

/** Given a written document and its path, return its outcome: imported, or read without a known layout. */
export function documentToOutcome(path: string, document: Document): FileOutcome {
  const { reports } = document;
  const pages = document.source.pages ?? 1;
  if (reports.length === 0) return { path, status: "no-layout", pages };
  return {
    path,
    status: "imported",
    pages,
    reports: reports.length,
    indicators: reports.reduce((n, r) => n + r.indicators.length, 0),
    layouts: reports.map((r) => r.layout),
  };
}

export function emptySummary(files: number): ImportSummary {
  return {
    files,
    done: 0,
    imported: 0,
    noLayout: 0,
    skipped: 0,
    failed: {},
    reports: 0,
    indicators: 0,
    pages: 0,
    timings: { read: 0, extract: 0, normalize: 0, store: 0 },
    elapsedMs: 0,
    memory: { peakTreeBytes: 0, peakWorkerBytes: 0, workersCpuMs: 0 },
  };
}

/** Given a summary and a file's outcome, count it in and return the outcome. */
export function recordOutcome(summary: ImportSummary, outcome: FileOutcome): FileOutcome {
  summary.done++;
  switch (outcome.status) {
    case "imported":
      summary.imported++;
      summary.reports += outcome.reports;
      summary.indicators += outcome.indicators;
      summary.pages += outcome.pages;
      break;
    case "no-layout":
      summary.noLayout++;
      summary.pages += outcome.pages;
      break;
    case "skipped":
      summary.skipped++;
      break;
    case "failed":
      summary.failed[outcome.reason] = (summary.failed[outcome.reason] ?? 0) + 1;
  }
  return outcome;
}

export function failedCount(summary: ImportSummary): number {
  return Object.values(summary.failed).reduce((a, b) => a + b, 0);
}

/** One line per file, as `import` prints it without a progress bar. */
export function describeOutcome(o: FileOutcome): string {
  switch (o.status) {
    case "imported":
      return `imported  ${o.path}: ${o.reports} report(s) [${o.layouts.join(", ")}], ${o.indicators} indicators`;
    case "no-layout":
      return `no layout ${o.path}: read, but no known self-evaluation layout (raw tables kept)`;
    case "skipped":
      return `skipped   ${o.path}: already imported`;
    case "failed":
      return `failed    ${o.path}: ${o.reason}: ${o.detail}`;
  }
}

/** The closing summary printed after an import. */
export function describeSummary(s: ImportSummary, db: string, ignored: number): string {
  const reasons = Object.entries(s.failed)
    .map(([r, n]) => `${r} ${n}`)
    .join(", ");
  const seconds = s.elapsedMs / 1000;
  return [
    `${s.files} file(s) into ${db} in ${seconds.toFixed(1)} s: ${s.imported} imported (${s.reports} reports, ${s.indicators} indicators),`,
    `  ${s.noLayout} read without a known layout, ${s.skipped} skipped as already imported, ${failedCount(s)} failed${reasons ? ` (${reasons})` : ""}` +
      (ignored ? `, ${ignored} non-document file(s) in folders ignored` : ""),
  ].join("\n");
}
