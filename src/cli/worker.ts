import { availableParallelism } from "node:os";
import { describeOutcome, emptySummary, recordOutcome } from "../import/summary.js";
import { isPostgresUrl, redactUrl } from "../store/reader.js";
import { applyLimits, LIMIT_OPTION, parse, UsageError } from "./args.js";
import type { Command } from "./commands.js";
import { poolOptions, POOL_OPTIONS_HELP } from "./pool-options.js";

const help = `usage: jixiao worker --db URL [--workers N] [--until-empty] [--timeout SECONDS] [--memory MB]

Takes files from the import queue of a PostgreSQL database (filled by \`jixiao import PATH…
--db URL\` on any machine) and imports them with the same extraction, in a pool of worker
processes with the same per-file time, memory and size limits. Run it on as many machines as you like; each
file's path must be readable there (shared storage). Prints one line per file. Stops on Ctrl-C
or SIGTERM after finishing the files it holds; a worker killed outright leaves its files to be
retried by another when their lease ends.

  --db URL          postgresql://user:password@host:port/database (required)
  --until-empty     exit once no job is waiting or running anywhere (default: wait for more)
${POOL_OPTIONS_HELP}
  --limit NAME=N    change a size limit (repeatable), as for \`jixiao import\`

example: jixiao worker --db postgresql://jixiao:secret@db.example:5432/jixiao --workers ${availableParallelism()}`;

export const workerCommand: Command = {
  name: "worker",
  help,
  async run(argv) {
    const { values } = parse(argv, {
      db: { type: "string" },
      "until-empty": { type: "boolean" },
      workers: { type: "string" },
      timeout: { type: "string" },
      memory: { type: "string" },
      "ocr-engine": { type: "string" },
      ...LIMIT_OPTION,
    });
    applyLimits(values.limit);
    if (!values.db || !isPostgresUrl(values.db))
      throw new UsageError("give --db postgresql://… (the database holding the queue)");
    const pool = poolOptions(values);
    // Loaded here: the other commands start without the PostgreSQL client and the queue.
    const [{ openPgStore }, { openQueue }, { workQueue }] = await Promise.all([
      import("../store/pg/store.js"),
      import("../queue/queue.js"),
      import("../queue/work.js"),
    ]);
    const store = await openPgStore(values.db, { connections: pool.workers + 2 });
    const boss = await openQueue(values.db).catch(async (err: unknown) => {
      await store.close();
      throw err;
    });
    let stop = false;
    const onSignal = () => {
      stop = true;
    };
    process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
    const summary = emptySummary(0);
    const started = performance.now();
    try {
      console.log(`worker: taking files from ${redactUrl(values.db)} with ${pool.workers} worker process(es)`);
      await workQueue(
        store,
        boss,
        { ...pool, untilEmpty: values["until-empty"] ?? false, pollMs: 500 },
        {
          shouldStop: () => stop,
          onOutcome: (outcome) => {
            summary.files++;
            console.log(describeOutcome(recordOutcome(summary, outcome)));
          },
        },
      );
    } finally {
      await boss.stop({ graceful: false, wait: true });
      await store.close();
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `worker: ${summary.done} file(s) in ${seconds.toFixed(1)} s: ${summary.imported} imported, ${summary.noLayout} without a known layout, ${summary.skipped} skipped, ${summary.done - summary.imported - summary.noLayout - summary.skipped} failed`,
    );
    if (process.env.JIXIAO_STATS) {
      const usage = process.resourceUsage();
      console.error(
        `JIXIAO_STATS ${JSON.stringify({ ...summary, elapsedMs: seconds * 1000, maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 })}`,
      );
    }
    return 0;
  },
};
