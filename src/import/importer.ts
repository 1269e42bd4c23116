// Bulk import: files are read and hashed on the main thread, extracted in the worker pool, and
// written by the main thread's single connection in batched transactions, in input order. Writing
// in input order makes the database independent of which worker finished first, so an interrupted
// run followed by a re-run gives the same rows as one uninterrupted run; a document is always
// written whole (its own savepoint inside the batch transaction) or not at all.
import PQueue from "p-queue";
import { UnreadableFileError } from "../../contracts/errors.js";
import { readSource, sha256Of } from "../pipeline.js";
import type { Store } from "../store/store.js";
import { defaultPoolSettings, FILES_PER_WORKER, WorkerPool, type PoolSettings } from "./pool.js";
import type { TaskResponse } from "./protocol.js";
import { documentToOutcome, emptySummary, recordOutcome, type FileOutcome, type ImportSummary } from "./summary.js";

export interface ImportSettings extends PoolSettings {
  /** OCR engine for pages without a text layer (the default when absent). */
  ocrEngine?: string;
  /** Documents written per transaction: few enough that a write (about 20 ms a document) ends before the workers run out of files. */
  batchSize: number;
  /** Files read ahead of the oldest one not yet written (bounds memory). */
  window: number;
}

export const defaultImportSettings: ImportSettings = { ...defaultPoolSettings, batchSize: 10, window: 0 };

type Pending = { path: string; outcome?: Promise<Ready> };
type Ready = {
  path: string;
  sha256: string | null;
  size: number;
  response: TaskResponse | null;
  readFailure?: UnreadableFileError;
  /** The path of the document (stored, or earlier in this run) with the same bytes. */
  duplicateOf?: string;
};

/** Given a store and files, import them all and return the summary; `onOutcome` sees each file once, in order. */
export async function importFiles(
  store: Store,
  files: string[],
  settings: Partial<ImportSettings> = {},
  onOutcome: (outcome: FileOutcome, summary: ImportSummary) => void = () => {},
): Promise<ImportSummary> {
  const s = { ...defaultImportSettings, ...settings };
  const window = s.window || s.workers * 4;
  const pool = new WorkerPool(s);
  // Enough files read for every worker to hold its files with one more ready.
  const queue = new PQueue({ concurrency: s.workers * (FILES_PER_WORKER + 1) });
  const summary = emptySummary(files.length);
  const started = performance.now();
  const inRun = new Map<string, string>(); // sha256 -> the first path with those bytes
  const pending: Pending[] = files.map((path) => ({ path }));
  let batch: Ready[] = [];
  const flush = () => {
    const t0 = performance.now();
    store.transaction(() => batch.forEach((ready) => onOutcome(writeReady(store, ready, summary), summary)));
    summary.timings.store += performance.now() - t0;
    batch = [];
  };
  let written = 0; // index of the next file to be written
  const drainTo = async (limit: number) => {
    for (; written < limit; written++) {
      const item = pending[written]!;
      batch.push(await item.outcome!);
      // Let the written document go: kept here, every document of the run stayed in memory.
      item.outcome = undefined;
      if (batch.length >= s.batchSize) flush();
    }
  };
  try {
    for (let i = 0; i < pending.length; i++) {
      await drainTo(i - window + 1); // at most `window` files read ahead of the next write
      const item = pending[i]!;
      item.outcome = queue.add(() => prepare(item.path, store, inRun, pool, summary, s.ocrEngine)) as Promise<Ready>;
    }
    await drainTo(pending.length);
    flush();
  } finally {
    summary.memory = pool.memory();
    await pool.close();
  }
  summary.elapsedMs = performance.now() - started;
  return summary;
}

/** Given a path, return its bytes' fate: a read failure, a duplicate to skip, or the worker's answer. */
async function prepare(
  path: string,
  store: Store,
  inRun: Map<string, string>,
  pool: WorkerPool,
  summary: ImportSummary,
  ocrEngine?: string,
): Promise<Ready> {
  const t0 = performance.now();
  let bytes: Buffer;
  try {
    bytes = await readSource(path);
  } catch (err) {
    const failure =
      err instanceof UnreadableFileError ? err : new UnreadableFileError(path, "missing", (err as Error).message);
    return { path, sha256: null, size: 0, response: null, readFailure: failure };
  }
  const sha256 = sha256Of(bytes);
  summary.timings.read += performance.now() - t0;
  const duplicateOf = inRun.get(sha256) ?? store.documentPath(sha256);
  if (duplicateOf !== null) return { path, sha256, size: bytes.length, response: null, duplicateOf };
  inRun.set(sha256, path);
  return { path, sha256, size: bytes.length, response: await pool.run({ path, bytes, ocrEngine }) };
}

/** Given a prepared file, write its document or its import error, and return what happened. */
function writeReady(store: Store, ready: Ready, summary: ImportSummary): FileOutcome {
  const { path, sha256, response } = ready;
  const failed = (reason: string, detail: string): FileOutcome => {
    store.recordImportError({ path, sha256, reason, detail });
    return recordOutcome(summary, { path, status: "failed", reason, detail });
  };
  if (ready.readFailure) return failed(ready.readFailure.reason, ready.readFailure.detail);
  // The same path again (a re-run) was imported already; another path with the same bytes is a duplicate of it.
  if (ready.duplicateOf !== undefined && ready.duplicateOf !== path)
    return failed("duplicate", `the same bytes as ${ready.duplicateOf} (sha256 ${sha256})`);
  if (ready.duplicateOf !== undefined || !response) return recordOutcome(summary, { path, status: "skipped" });
  if (!response.ok) return failed(response.reason, response.detail);
  summary.timings.extract += response.timings.extract;
  summary.timings.normalize += response.timings.normalize;
  try {
    if (store.writeDocument(response.document, { tables: response.tables }, { size: ready.size }) === "skipped") {
      return recordOutcome(summary, { path, status: "skipped" });
    }
  } catch (err) {
    return failed("store-error", (err as Error).message);
  }
  return recordOutcome(summary, documentToOutcome(path, response.document));
}
