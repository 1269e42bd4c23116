// Working the import queue: take as many jobs as the worker pool can hold, run the same
// extraction as a local import (pool.ts, with its per-file time and memory limits), write each
// document in its own transaction, and only then mark the job done. A process that dies holding
// jobs leaves them leased; pg-boss hands them out again when the lease ends, and the sha256's
// uniqueness makes a second write of the same bytes a skip.
import type PgBoss from "pg-boss";
import { UnreadableFileError } from "../../contracts/errors.js";
import { readSource, sha256Of } from "../pipeline.js";
import { FILES_PER_WORKER, WorkerPool, type PoolSettings } from "../import/pool.js";
import type { TaskResponse } from "../import/protocol.js";
import { documentToOutcome, type FileOutcome } from "../import/summary.js";
import type { PgStore } from "../store/pg/store.js";
import { DEAD_QUEUE, IMPORT_QUEUE, JobDataSchema, type JobData } from "./queue.js";

export interface WorkSettings extends PoolSettings {
  ocrEngine?: string;
  /** Return when the queue holds no job that is waiting or running, anywhere. */
  untilEmpty: boolean;
  /** Wait between looks at an empty queue, in ms. */
  pollMs: number;
}

export interface WorkHooks {
  /** Sees each job this process finishes. */
  onOutcome?: (outcome: FileOutcome) => void;
  /** Asked before each fetch; true makes the loop finish its jobs and return. */
  shouldStop?: () => boolean;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Given the store, the queue and the settings, work jobs until told to stop (or the queue is empty). */
export async function workQueue(
  store: PgStore,
  boss: PgBoss,
  settings: WorkSettings,
  hooks: WorkHooks = {},
): Promise<void> {
  const pool = new WorkerPool(settings);
  const capacity = settings.workers * FILES_PER_WORKER;
  const active = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    const done = work.finally(() => active.delete(done));
    active.add(done);
  };
  const finish = (outcome: FileOutcome) => hooks.onOutcome?.(outcome);
  try {
    while (!hooks.shouldStop?.()) {
      const free = capacity - active.size;
      if (free <= 0) {
        await Promise.race(active);
        continue;
      }
      const dead = await boss.fetch<JobData>(DEAD_QUEUE, { batchSize: free, includeMetadata: true });
      for (const job of dead) track(giveUp(store, boss, job).then(finish, reportLost));
      const jobs = free > dead.length ? await boss.fetch<JobData>(IMPORT_QUEUE, { batchSize: free - dead.length }) : [];
      for (const job of jobs) track(runJob(store, boss, pool, job, settings.ocrEngine).then(finish, reportLost));
      if (dead.length + jobs.length > 0) continue;
      if (active.size === 0 && settings.untilEmpty && (await queueIsEmpty(boss))) break;
      await Promise.race([sleep(settings.pollMs), ...active]);
    }
    await Promise.all(active);
  } finally {
    await pool.close();
  }
}

/** A job whose work failed for a reason outside the file (the database went away): left to its lease. */
function reportLost(err: unknown): void {
  process.stderr.write(`jixiao: a job was left to be retried: ${(err as Error).message}\n`);
}

/** Given the queue, return whether no job is waiting, retrying or running in either queue. */
async function queueIsEmpty(boss: PgBoss): Promise<boolean> {
  const open = async (name: string) => boss.getQueueSize(name, { before: "completed" });
  return (await open(IMPORT_QUEUE)) === 0 && (await open(DEAD_QUEUE)) === 0;
}

/** Given a job, read, extract and write its file, then mark the job done with the file's outcome. */
async function runJob(
  store: PgStore,
  boss: PgBoss,
  pool: WorkerPool,
  job: PgBoss.Job<JobData>,
  ocrEngine?: string,
): Promise<FileOutcome> {
  const { path } = JobDataSchema.parse(job.data);
  const outcome = await fileToOutcome(store, pool, path, ocrEngine);
  await boss.complete(IMPORT_QUEUE, job.id, outcome);
  return outcome;
}

/** Given a path, extract and store it (or record why not) and return what happened. */
async function fileToOutcome(store: PgStore, pool: WorkerPool, path: string, ocrEngine?: string): Promise<FileOutcome> {
  let bytes: Buffer;
  try {
    bytes = await readSource(path);
  } catch (err) {
    const failure =
      err instanceof UnreadableFileError ? err : new UnreadableFileError(path, "missing", (err as Error).message);
    return failed(store, path, null, failure.reason, failure.detail);
  }
  // The bytes read now are the identity: a file changed since it was enqueued is stored as it is now.
  const sha256 = sha256Of(bytes);
  if (await store.hasDocument(sha256)) return { path, status: "skipped" };
  const response = await pool.run({ path, bytes, ocrEngine });
  return writeResponse(store, path, sha256, bytes.length, response);
}

/** Given the worker's answer for a file, write its document or its import error, and return the outcome. */
async function writeResponse(
  store: PgStore,
  path: string,
  sha256: string,
  size: number,
  response: TaskResponse,
): Promise<FileOutcome> {
  if (!response.ok) return failed(store, path, sha256, response.reason, response.detail);
  let written;
  try {
    written = await store.writeDocument(response.document, { tables: response.tables }, { size });
  } catch (err) {
    if (!isDocumentError(err)) throw err;
    return failed(store, path, sha256, "store-error", (err as Error).message);
  }
  return written === "skipped" ? { path, status: "skipped" } : documentToOutcome(path, response.document);
}

/** Whether a write failed because of the document (refused by the model or the database), not the connection. */
function isDocumentError(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  // SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation); anything without a code is a validation error.
  return typeof code !== "string" || code.startsWith("22") || code.startsWith("23");
}

async function failed(
  store: PgStore,
  path: string,
  sha256: string | null,
  reason: string,
  detail: string,
): Promise<FileOutcome> {
  await store.recordImportError({ path, sha256, reason, detail });
  return { path, status: "failed", reason, detail };
}

/** Given a dead-letter job (every attempt lost its worker process), record the import error and close the job. */
async function giveUp(store: PgStore, boss: PgBoss, job: PgBoss.JobWithMetadata<JobData>): Promise<FileOutcome> {
  const { path, sha256 } = JobDataSchema.parse(job.data);
  const attempts = job.retryLimit + 1;
  const detail = `the worker process ended while on this file, ${attempts} time(s) (the jixiao worker or import holding it was killed, or lost its machine)`;
  const outcome = await failed(store, path, sha256, "crashed", detail);
  await boss.complete(DEAD_QUEUE, job.id, outcome);
  return outcome;
}
