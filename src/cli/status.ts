import { isPostgresUrl, openReader, type StoreReader } from "../store/reader.js";
import { parse, UsageError } from "./args.js";
import type { Command } from "./commands.js";
import { formatRows, type OutputFormat } from "./output.js";

const help = `usage: jixiao status --db URL [--format table|json]

Shows the import queue of a PostgreSQL database: how many files are queued (waiting or to be
retried), running, done and failed, then every file that could not be imported, with the reason.

  --db URL      postgresql://user:password@host:port/database (required)
  --format F    table (default) or json

example: jixiao status --db postgresql://jixiao:secret@db.example:5432/jixiao`;

export interface QueueStatus {
  queued: number;
  running: number;
  done: number;
  failed: number;
  failures: { file: string; reason: string; detail: string; attempts: number }[];
}

/** Given a PostgreSQL store, return the queue's counts (pg-boss's jobs and their archive) and the import errors. */
export async function queueStatus(reader: StoreReader): Promise<QueueStatus> {
  const { IMPORT_QUEUE, QUEUE_SCHEMA } = await import("../queue/queue.js");
  const installed = await reader.all<{ t: string | null }>(`SELECT to_regclass('${QUEUE_SCHEMA}.job')::text AS t`);
  const counts = installed[0]?.t
    ? await reader.all<{ state: string; failed: boolean; n: number }>(
        `SELECT state, coalesce(output->>'status' = 'failed', false) AS failed, count(*) AS n
         FROM (SELECT state, output FROM ${QUEUE_SCHEMA}.job WHERE name = ?
               UNION ALL SELECT state, output FROM ${QUEUE_SCHEMA}.archive WHERE name = ?) AS j
         GROUP BY 1, 2`,
        [IMPORT_QUEUE, IMPORT_QUEUE],
      )
    : [];
  const sum = (keep: (c: { state: string; failed: boolean }) => boolean) =>
    counts.filter(keep).reduce((n, c) => n + c.n, 0);
  const failures = await reader.all<QueueStatus["failures"][number]>(
    "SELECT path AS file, reason, detail, attempts FROM import_errors ORDER BY path",
  );
  return {
    queued: sum((c) => c.state === "created" || c.state === "retry"),
    running: sum((c) => c.state === "active"),
    done: sum((c) => c.state === "completed" && !c.failed),
    // Files that failed before they were queued (unreadable when hashed) are import errors too.
    failed: failures.length,
    failures,
  };
}

export const statusCommand: Command = {
  name: "status",
  help,
  async run(argv) {
    const { values } = parse(argv, { db: { type: "string" }, format: { type: "string" } });
    if (!values.db || !isPostgresUrl(values.db))
      throw new UsageError("give --db postgresql://… (the database holding the queue)");
    const format = (values.format ?? "table") as OutputFormat;
    if (!["table", "json"].includes(format)) throw new UsageError(`unknown --format ${format}`);
    const reader = await openReader(values.db);
    try {
      const status = await queueStatus(reader);
      if (format === "json") {
        process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
        return 0;
      }
      console.log(`queued ${status.queued}, running ${status.running}, done ${status.done}, failed ${status.failed}`);
      if (status.failures.length)
        process.stdout.write(
          `\nnot imported:\n${formatRows(["file", "reason", "detail", "attempts"], status.failures, "table")}`,
        );
    } finally {
      await reader.close();
    }
    return 0;
  },
};
