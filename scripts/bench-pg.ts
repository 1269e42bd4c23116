// The PostgreSQL part of `npm run bench`: the corpus of the SQLite runs, imported through the queue
// of a throwaway PostgreSQL server on this machine, by 1 worker process (the import itself) and
// by 2 (the import and one `jixiao worker`), each process with one worker thread. Documents per
// second over the import's run, peak memory of each process.
import { spawn } from "node:child_process";
import { join, resolve } from "node:path";
import type { Table } from "../contracts/extraction.js";
import type { Document } from "../contracts/model.js";
import { rowToRawTable, type RawTableRow } from "../src/store/rows.js";
import { openPgStore } from "../src/store/pg/store.js";
import { startCluster } from "./pg-cluster.js";

const BIN = join(resolve(import.meta.dirname, ".."), "bin/jixiao.js");

interface ProcessStats {
  files: number;
  done: number;
  elapsedMs: number;
  maxRssKb: number;
  cpuMs: number;
}

/** Given CLI arguments, run jixiao with JIXIAO_STATS and return its figures once it exits. */
function run(args: string[], stop?: Promise<unknown>): Promise<ProcessStats> {
  const child = spawn("node", [BIN, ...args], {
    env: { ...process.env, JIXIAO_STATS: "1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  void stop?.then(() => child.kill("SIGTERM"));
  return new Promise((resolvePromise, reject) =>
    child.on("exit", (code) => {
      const line = stderr.split("\n").find((l) => l.startsWith("JIXIAO_STATS "));
      if (code !== 0 || !line) reject(new Error(`jixiao ${args[0]} failed (${code}): ${stderr.slice(-2000)}`));
      else resolvePromise(JSON.parse(line.slice("JIXIAO_STATS ".length)) as ProcessStats);
    }),
  );
}

/** Given the corpus and the SQLite 1-worker rate, run the PostgreSQL imports and print their figures. */
export async function benchPostgres(corpus: string, sqliteRate: number): Promise<void> {
  const cluster = await startCluster();
  try {
    const one = await run(["import", corpus, "--db", await cluster.createDatabase("one"), "--workers", "1"]);
    const rate1 = one.files / (one.elapsedMs / 1000);
    console.log(
      `PostgreSQL, 1 worker process: ${rate1.toFixed(1)} documents/s (${(rate1 / sqliteRate).toFixed(2)}× SQLite with 1 worker), peak RSS ${(one.maxRssKb / 1024).toFixed(0)} MB`,
    );
    const url = await cluster.createDatabase("two");
    const importing = run(["import", corpus, "--db", url, "--workers", "1"]);
    const helper = run(
      ["worker", "--db", url, "--workers", "1"],
      importing.catch(() => {}),
    );
    const [main, second] = await Promise.all([importing, helper]);
    const rate2 = main.files / (main.elapsedMs / 1000);
    console.log(
      `PostgreSQL, 2 worker processes: ${rate2.toFixed(1)} documents/s, peak RSS ${(main.maxRssKb / 1024).toFixed(0)} MB (import) and ${(second.maxRssKb / 1024).toFixed(0)} MB (worker, ${second.done} of the files)`,
    );
    console.log(`scaling: 2 worker processes give ${(rate2 / rate1).toFixed(2)}× the documents per second of 1`);
    await benchWrites(url, await cluster.createDatabase("writes"));
  } finally {
    cluster.stop();
  }
}

/**
 * Given a database holding the corpus and an empty one, write every document of the first into the
 * second from 8 connections at once, with no extraction: the rate at which this server takes
 * documents, which bounds how many machines one database can serve.
 */
async function benchWrites(from: string, to: string): Promise<void> {
  const source = await openPgStore(from, { readonly: true });
  const target = await openPgStore(to, { connections: 8 });
  try {
    const docs: { doc: Document; tables: Table[]; size: number }[] = [];
    for (const summary of await source.listDocuments()) {
      const doc = (await source.readDocument(summary.sha256))!;
      const rows = await source.all<RawTableRow>("SELECT * FROM raw_tables WHERE document_id = ? ORDER BY ordinal", [
        summary.id,
      ]);
      docs.push({ doc, tables: rows.map(rowToRawTable), size: summary.size });
    }
    const started = performance.now();
    let next = 0;
    const writer = async () => {
      for (let i = next++; i < docs.length; i = next++)
        await target.writeDocument(docs[i]!.doc, { tables: docs[i]!.tables }, { size: docs[i]!.size });
    };
    await Promise.all(Array.from({ length: 8 }, writer));
    const seconds = (performance.now() - started) / 1000;
    const indicators = docs.reduce((n, d) => n + d.doc.reports.reduce((m, r) => m + r.indicators.length, 0), 0);
    console.log(
      `PostgreSQL writes alone (8 connections, no extraction): ${(docs.length / seconds).toFixed(0)} documents/s, ${(indicators / seconds).toFixed(0)} indicator rows/s`,
    );
  } finally {
    await source.close();
    await target.close();
  }
}
