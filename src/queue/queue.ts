// The import queue on the PostgreSQL server that holds the documents, kept by pg-boss: a job per
// enqueued path, taken with SELECT … FOR UPDATE SKIP LOCKED, leased for a fixed time (a job whose
// worker died returns to the queue when its lease ends), retried a bounded number of times, then
// moved to a dead-letter queue whose jobs become import errors. jixiao adds no locking of its own.
import { randomUUID } from "node:crypto";
import pg from "pg";
import PgBoss from "pg-boss";
import { z } from "zod";
import type { FileOutcome } from "../import/summary.js";

export const IMPORT_QUEUE = "jixiao-import";
/** Jobs whose every attempt ended with its worker process gone (killed, or a crash the pool could not contain). */
export const DEAD_QUEUE = "jixiao-import-dead";
/** pg-boss's own tables live in this schema of the same database. */
export const QUEUE_SCHEMA = "pgboss";

export interface QueueSettings {
  /** How long a worker holds a job before it returns to the queue, in seconds. */
  leaseSeconds: number;
  /** Attempts of one file before it is given up (each ended by a lost worker process). */
  attempts: number;
}

/**
 * Given the per-file time limit, return the queue's settings: a job may wait behind one file in
 * its worker process before its own time limit starts (pool.ts, FILES_PER_WORKER), so the lease
 * covers two limits and a margin for the write.
 */
export function queueSettingsFor(timeoutMs: number, leaseSeconds?: number): QueueSettings {
  return { leaseSeconds: leaseSeconds ?? Math.ceil((2 * timeoutMs) / 1000) + 60, attempts: 3 };
}

export const JobDataSchema = z.object({ path: z.string(), sha256: z.string(), size: z.number() });
export type JobData = z.infer<typeof JobDataSchema>;

/** Seconds between pg-boss's maintenance runs (expiring leases, archiving); one process runs it per interval. */
const MAINTENANCE_SECONDS = 5;

/** Any constant shared by every jixiao process: the lock that serializes setting up the queue. */
const SETUP_LOCK = 0x6a697871;

/**
 * Given a postgresql:// URL, start pg-boss there (creating its schema and the two queues once) and
 * return it. Processes starting together take turns: creating a queue makes tables, and two
 * processes creating the same ones at once deadlock.
 */
export async function openQueue(url: string): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: QUEUE_SCHEMA,
    max: 3,
    schedule: false,
    supervise: true,
    maintenanceIntervalSeconds: MAINTENANCE_SECONDS,
  });
  boss.on("error", (err: Error) => process.stderr.write(`jixiao: queue: ${err.message}\n`));
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [SETUP_LOCK]);
    await boss.start();
    if (!(await boss.getQueue(DEAD_QUEUE))) await boss.createQueue(DEAD_QUEUE);
    if (!(await boss.getQueue(IMPORT_QUEUE)))
      await boss.createQueue(IMPORT_QUEUE, { name: IMPORT_QUEUE, deadLetter: DEAD_QUEUE });
    return boss;
  } catch (err) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    throw err;
  } finally {
    await lock.end().catch(() => {}); // ending the session releases the lock
  }
}

/** Given jobs' data and the queue's settings, enqueue them all and return their ids, in order. */
export async function enqueueJobs(boss: PgBoss, jobs: JobData[], settings: QueueSettings): Promise<string[]> {
  const rows = jobs.map((data) => ({
    id: randomUUID(),
    name: IMPORT_QUEUE,
    data,
    expireInSeconds: settings.leaseSeconds,
    retryLimit: settings.attempts - 1,
    retryDelay: 0,
    deadLetter: DEAD_QUEUE,
  }));
  for (let start = 0; start < rows.length; start += 500) await boss.insert(rows.slice(start, start + 500));
  return rows.map((r) => r.id);
}

/** What a finished job stores as its output: the file's outcome, as the importer reports it. */
export type JobOutput = FileOutcome;
