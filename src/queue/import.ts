// `jixiao import … --db postgresql://…`: every path becomes a job (its sha256 computed here), then
// this process works the queue like any `jixiao worker`, and follows its own jobs to their end,
// whichever machine takes them, for the same progress bar and summary as a local import.
import type PgBoss from "pg-boss";
import { UnreadableFileError } from "../../contracts/errors.js";
import { emptySummary, recordOutcome, type FileOutcome, type ImportSummary } from "../import/summary.js";
import { readSource, sha256Of } from "../pipeline.js";
import type { PgStore } from "../store/pg/store.js";
import { enqueueJobs, IMPORT_QUEUE, QUEUE_SCHEMA, type JobData, type QueueSettings } from "./queue.js";
import { workQueue, type WorkSettings } from "./work.js";

type Report = (outcome: FileOutcome, summary: ImportSummary) => void;

/** Given the store, the queue and files, enqueue them, work the queue, and return the summary once every file has its outcome. */
export async function importViaQueue(
  store: PgStore,
  boss: PgBoss,
  files: string[],
  settings: Omit<WorkSettings, "untilEmpty"> & { queue: QueueSettings },
  onOutcome: Report = () => {},
): Promise<ImportSummary> {
  const started = performance.now();
  const summary = emptySummary(files.length);
  const jobs = await filesToJobs(store, files, summary, onOutcome);
  const ids = await enqueueJobs(boss, jobs, settings.queue);
  const open = new Set(ids);
  let stop = false;
  const working = workQueue(store, boss, { ...settings, untilEmpty: false }, { shouldStop: () => stop });
  try {
    while (open.size > 0) {
      for (const { id, outcome } of await finishedJobs(store, [...open])) {
        open.delete(id);
        onOutcome(recordOutcome(summary, outcome), summary);
      }
      if (open.size > 0) await new Promise((resolve) => setTimeout(resolve, settings.pollMs));
    }
  } finally {
    stop = true;
    await working;
  }
  summary.elapsedMs = performance.now() - started;
  return summary;
}

/** Given paths, hash each and return the jobs; a file that cannot be read is recorded at once. */
async function filesToJobs(
  store: PgStore,
  files: string[],
  summary: ImportSummary,
  onOutcome: Report,
): Promise<JobData[]> {
  const jobs: JobData[] = [];
  for (const path of files) {
    const t0 = performance.now();
    try {
      const bytes = await readSource(path);
      jobs.push({ path, sha256: sha256Of(bytes), size: bytes.length });
    } catch (err) {
      const failure =
        err instanceof UnreadableFileError ? err : new UnreadableFileError(path, "missing", (err as Error).message);
      await store.recordImportError({ path, sha256: null, reason: failure.reason, detail: failure.detail });
      onOutcome(
        recordOutcome(summary, { path, status: "failed", reason: failure.reason, detail: failure.detail }),
        summary,
      );
    }
    summary.timings.read += performance.now() - t0;
  }
  return jobs;
}

/**
 * Given job ids, return those that reached their end with the file's outcome: done (the outcome
 * is the job's output), or given up after its attempts once the import error is recorded.
 * pg-boss keeps jobs in its job table, then moves them to its archive.
 */
async function finishedJobs(store: PgStore, ids: string[]): Promise<{ id: string; outcome: FileOutcome }[]> {
  const rows = await store.all<{
    id: string;
    path: string;
    state: string;
    output: FileOutcome | null;
    reason: string | null;
    detail: string | null;
  }>(
    `SELECT j.id, j.data->>'path' AS path, j.state, j.output, e.reason, e.detail
     FROM (SELECT id, state, output, data FROM ${QUEUE_SCHEMA}.job WHERE name = ? AND id = ANY(?::uuid[])
           UNION ALL SELECT id, state, output, data FROM ${QUEUE_SCHEMA}.archive WHERE name = ? AND id = ANY(?::uuid[])) AS j
     LEFT JOIN import_errors AS e ON e.path = j.data->>'path'
     WHERE j.state = 'completed' OR (j.state = 'failed' AND e.path IS NOT NULL)`,
    [IMPORT_QUEUE, ids, IMPORT_QUEUE, ids],
  );
  return rows.map((row) => ({
    id: row.id,
    outcome:
      row.state === "completed" && row.output
        ? row.output
        : { path: row.path, status: "failed", reason: row.reason ?? "crashed", detail: row.detail ?? "" },
  }));
}
