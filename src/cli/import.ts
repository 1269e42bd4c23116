import { defaultImportSettings, importFiles } from "../import/importer.js";
import { progressSink } from "../import/progress.js";
import { describeOutcome, describeSummary, type FileOutcome, type ImportSummary } from "../import/summary.js";
import { defaultLimits } from "../../contracts/limits.js";
import { isPostgresUrl, redactUrl } from "../store/reader.js";
import { openStore } from "../store/store.js";
import { bytesToPathText } from "../paths.js";
import { pathsToFiles } from "../walk.js";
import { applyLimits, DEFAULT_DB, LIMIT_OPTION, parse, UsageError } from "./args.js";
import type { Command } from "./commands.js";

const help = `usage: jixiao import PATH… [--db FILE|URL] [--workers N] [--timeout SECONDS] [--verbose]
       find downloads -name '*.pdf' | jixiao import - [--db FILE|URL]

Loads files and folders (walked recursively for .pdf .docx .doc .xls .xlsx .wps .et .html) into
the SQLite database; "-" reads one path per line from standard input. Files are extracted in a
pool of worker processes and written in batched transactions, in input order. A file already
imported (same sha256) is skipped, so an interrupted import is resumed by running it again. A
file that cannot be read, crashes its worker, runs out of memory, passes a size limit or passes the time limit is
recorded in the import_errors table with the reason, and the run goes on.

With a postgresql:// URL, every path (local, or on storage every worker sees) becomes a job of
the queue in that database, with the file's sha256 as its identity; this command then works the
queue like \`jixiao worker\` and waits for every one of its files, whoever takes it. A job whose
worker process dies is retried when its lease ends (--lease); after 3 such attempts the file is
recorded in import_errors.

  --db FILE|URL     the database: a SQLite file (default ${DEFAULT_DB}; created if missing) or a
                    postgresql://user:password@host:port/database URL
  --workers N       worker processes (default: the number of cores, at most as many as half the
                    machine's memory holds at --memory each; ${defaultImportSettings.workers} here)
  --timeout S       per-file time limit in seconds (default 300)
  --batch N         documents written per transaction (default 10)
  --memory MB       resident memory limit of each worker process with the programs it starts
                    (default ${defaultImportSettings.memoryMb}); a file that passes it fails as out-of-memory
  --ocr-engine E    OCR for pages without a text layer: paddle (PP-OCRv4, default) or tesseract
  --lease S         with a postgresql:// URL: how long a worker holds a file before it is given
                    to another, in seconds (default twice the time limit plus 60)
  --limit NAME=N    change a size limit (repeatable): ${Object.entries(defaultLimits)
    .map(([k, v]) => `${k} (${v})`)
    .join(", ")};
                    a file past one fails as too-large or is read in part with a warning (README: Limits)
  --verbose         print one line per file instead of the progress bar

example: jixiao import fixtures --db data/jixiao.db`;

/** Read one path per line from standard input, by their bytes: `find` prints names that are not UTF-8 as they are. */
async function stdinPaths(): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const input = Buffer.concat(chunks);
  const lines: string[] = [];
  for (let start = 0; start < input.length;) {
    const end = input.indexOf(0x0a, start) < 0 ? input.length : input.indexOf(0x0a, start);
    const line = bytesToPathText(input.subarray(start, end)).trim();
    if (line) lines.push(line);
    start = end + 1;
  }
  return lines;
}

export const importCommand: Command = {
  name: "import",
  help,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      db: { type: "string" },
      workers: { type: "string" },
      timeout: { type: "string" },
      batch: { type: "string" },
      memory: { type: "string" },
      "ocr-engine": { type: "string" },
      verbose: { type: "boolean" },
      lease: { type: "string" },
      ...LIMIT_OPTION,
    });
    applyLimits(values.limit);
    const paths = positionals.includes("-")
      ? [...positionals.filter((p) => p !== "-"), ...(await stdinPaths())]
      : positionals;
    if (paths.length === 0) throw new UsageError("give at least one PATH (or - to read paths from standard input)");
    const workers = values.workers ? Number(values.workers) : defaultImportSettings.workers;
    const timeout = values.timeout ? Number(values.timeout) : 300;
    if (!Number.isInteger(workers) || workers < 1) throw new UsageError("--workers takes a whole number ≥ 1");
    if (!(timeout > 0)) throw new UsageError("--timeout takes a number of seconds > 0");
    const memoryMb = values.memory ? Number(values.memory) : defaultImportSettings.memoryMb;
    if (!Number.isInteger(memoryMb) || memoryMb < 64) throw new UsageError("--memory takes a whole number of MB ≥ 64");
    const batchSize = values.batch ? Number(values.batch) : defaultImportSettings.batchSize;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError("--batch takes a whole number ≥ 1");
    const db = values.db ?? DEFAULT_DB;
    const { files, ignored, refused } = await pathsToFiles(paths);
    const progress = values.verbose ? null : progressSink(process.stderr);
    const onOutcome = (outcome: FileOutcome, s: ImportSummary) => {
      if (!progress) return console.log(describeOutcome(outcome));
      if (outcome.status === "failed")
        process.stderr.write(`${process.stderr.isTTY ? "\r\x1b[K" : ""}${describeOutcome(outcome)}\n`);
      progress.update(s);
    };
    const settings = { workers, timeoutMs: timeout * 1000, memoryMb, batchSize, ocrEngine: values["ocr-engine"] };
    for (const r of refused) process.stderr.write(`failed    ${r.path}: ${r.reason}: ${r.detail}\n`);
    if (isPostgresUrl(db)) {
      const { importToServer } = await import("./import-server.js");
      const lease = values.lease === undefined ? undefined : Number(values.lease);
      if (lease !== undefined && !(Number.isInteger(lease) && lease >= 1))
        throw new UsageError("--lease takes a whole number of seconds ≥ 1");
      const summary = await importToServer(db, files, refused, { ...settings, leaseSeconds: lease }, onOutcome);
      progress?.done();
      printSummary(summary, redactUrl(db), ignored.length);
      return 0;
    }
    const store = openStore(db);
    try {
      for (const r of refused)
        store.recordImportError({ path: r.path, sha256: null, reason: r.reason, detail: r.detail });
      const summary = await importFiles(store, files, settings, onOutcome);
      progress?.done();
      printSummary(summary, db, ignored.length);
    } finally {
      store.close();
    }
    return 0;
  },
};

/** Given an import's summary, print it, and the machine-readable figures when the benchmark asks. */
export function printSummary(summary: ImportSummary, db: string, ignored: number): void {
  console.log(describeSummary(summary, db, ignored));
  // For the benchmark (npm run bench), which runs import as a child: CPU of every thread of this
  // process and of its worker processes, and the peak resident memory of the whole process tree.
  if (process.env.JIXIAO_STATS) {
    const usage = process.resourceUsage();
    const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000 + summary.memory.workersCpuMs;
    const maxRssKb = Math.max(usage.maxRSS, Math.round(summary.memory.peakTreeBytes / 1024));
    console.error(`JIXIAO_STATS ${JSON.stringify({ ...summary, maxRssKb, cpuMs })}`);
  }
}
