// Importing files into the store: each file becomes a document or an import error, never nothing.
import { UnreadableFileError } from "./errors.js";
import { extractionToDocument, extractBytes, readSource, sha256Of } from "./pipeline.js";
import type { Store } from "./store/store.js";
import { tablesOf } from "./extraction.js";

export type FileOutcome =
  | { path: string; status: "imported"; reports: number; indicators: number; layouts: string[] }
  | { path: string; status: "no-layout" }
  | { path: string; status: "skipped" }
  | { path: string; status: "failed"; reason: string; detail: string };

/** Given a store and one path, import it and return what happened; never throws for bad input. */
export async function importFile(store: Store, path: string): Promise<FileOutcome> {
  let sha256: string | null = null;
  try {
    const bytes = await readSource(path);
    sha256 = sha256Of(bytes);
    if (store.hasDocument(sha256)) return { path, status: "skipped" };
    const extraction = await extractBytes(bytes, path);
    const document = extractionToDocument(bytes, path, extraction);
    store.writeDocument(document, { tables: tablesOf(extraction) }, { size: bytes.length });
    if (document.reports.length === 0) return { path, status: "no-layout" };
    return {
      path,
      status: "imported",
      reports: document.reports.length,
      indicators: document.reports.reduce((n, r) => n + r.indicators.length, 0),
      layouts: document.reports.map((r) => r.layout),
    };
  } catch (err) {
    const reason = err instanceof UnreadableFileError ? err.reason : "crashed";
    const detail = err instanceof UnreadableFileError ? err.detail : `${(err as Error).message}`;
    store.recordImportError({ path, sha256, reason, detail });
    return { path, status: "failed", reason, detail };
  }
}
