// The import queue on a real PostgreSQL server: an import and three worker processes share one
// queue, one worker is killed with kill -9 while it holds files, and still every path ends as a
// document or an import error, each document once, with the same content as a SQLite import.
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCorpus, fixtureSources } from "../../scripts/corpus.js";
import { FIXTURES } from "../helpers.js";
import { startCluster, type Cluster } from "../../scripts/pg-cluster.js";
import { BIN, exportedDocuments, jixiao, VIEWS, viewRows } from "./compare.js";

/** Given a child, resolve with its exit code (or signal) and everything it printed. */
function exited(child: ChildProcess): Promise<{ code: number | null; signal: string | null; out: string }> {
  let out = "";
  child.stdout?.on("data", (d) => (out += d));
  child.stderr?.on("data", (d) => (out += d));
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, out })));
}

/** Given a child, resolve once it has printed a line matching the pattern; reject if it exits first. */
function printed(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d) => {
      out += d;
      if (pattern.test(out)) resolve();
    });
    child.on("exit", () => reject(new Error(`the worker exited before printing ${pattern}: ${out}`)));
  });
}

const DOCUMENTS = 40;

describe("the import queue", () => {
  let cluster: Cluster;
  const dir = mkdtempSync(join(tmpdir(), "jixiao-queue-"));
  const corpus = join(dir, "corpus");

  beforeAll(async () => {
    cluster = await startCluster();
    const sources = fixtureSources(FIXTURES).filter((f) => !f.includes(".scan."));
    // Enough files that the queue still holds work when the first worker is killed, so it dies holding one.
    buildCorpus(sources, corpus, DOCUMENTS);
    // A second path to the same bytes, for two workers to race on, and a file no extractor reads.
    copyFileSync(join(corpus, "00000-" + sources[0]!.split("/").pop()), join(corpus, "zz-copy-of-00000.docx"));
    writeFileSync(join(corpus, "zz-not-a-report.pdf"), "this is not a PDF");
  }, 120_000);

  afterAll(() => cluster?.stop());

  it("shares one queue among an import and three workers, one killed with kill -9, and loses nothing", async () => {
    const url = await cluster.createDatabase("queue");
    const worker = () =>
      spawn("node", [BIN, "worker", "--db", url, "--workers", "1"], { stdio: ["ignore", "pipe", "pipe"] });
    const importer = spawn(
      "node",
      [BIN, "import", corpus, "--db", url, "--workers", "1", "--lease", "15", "--verbose"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const imported = exited(importer);
    const workers = [worker(), worker(), worker()];
    const ends = workers.map(exited);
    // The first worker is killed as soon as it has written a file: it holds the next one by then.
    await printed(workers[0]!, /^imported /m);
    workers[0]!.kill("SIGKILL");
    const result = await imported;
    for (const w of workers.slice(1)) w.kill("SIGTERM");
    const [killed, ...stopped] = await Promise.all(ends);
    expect(killed!.signal).toBe("SIGKILL");
    for (const w of stopped) expect(w.code).toBe(0);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      new RegExp(
        `${DOCUMENTS + 2} file\\(s\\) into postgresql://postgres@127\\.0\\.0\\.1:\\d+/queue in [\\d.]+ s: \\d+ imported`,
      ),
    );
    // Each worker process took part.
    for (const w of stopped) expect(w.out).toMatch(/^(imported|skipped|failed) /m);

    const status = JSON.parse(await jixiao(["status", "--db", url, "--format", "json"]));
    expect(status).toMatchObject({ queued: 0, running: 0, done: DOCUMENTS + 1, failed: 1 });
    expect(status.failures).toEqual([
      {
        file: join(corpus, "zz-not-a-report.pdf"),
        reason: "unsupported-format",
        detail: expect.any(String),
        attempts: 1,
      },
    ]);
    // The killed worker's files went back to the queue when their lease ended.
    const retried = await jixiao([
      "query",
      "SELECT count(*) AS n FROM pgboss.job WHERE name = 'jixiao-import' AND retry_count > 0",
      "--db",
      url,
      "--format",
      "csv",
    ]);
    expect(Number(retried.split("\n")[1])).toBeGreaterThanOrEqual(1);
    // Each distinct document once (the copy is the same bytes).
    const counts = await jixiao([
      "query",
      "SELECT count(*) AS docs, count(DISTINCT sha256) AS distinct_docs FROM documents",
      "--db",
      url,
      "--format",
      "csv",
    ]);
    expect(counts).toBe(`docs,distinct_docs\n${DOCUMENTS},${DOCUMENTS}\n`);

    // The same files imported into SQLite give the same Documents and views. Which of the two
    // paths of the copied bytes is stored depends on which worker won, so paths are left aside.
    const sqlite = join(dir, "corpus.db");
    await jixiao(["import", corpus, "--db", sqlite, "--workers", "2"]);
    await jixiao(["export", "--db", url, "--out", join(dir, "pg")]);
    await jixiao(["export", "--db", sqlite, "--out", join(dir, "sqlite")]);
    const bySha = (docs: Record<string, unknown>) =>
      Object.values(docs)
        .map((d) => {
          const doc = d as { source: { path: string; sha256: string } };
          return JSON.stringify({ ...doc, source: { ...doc.source, path: "" } });
        })
        .sort();
    expect(bySha(exportedDocuments(join(dir, "pg")))).toEqual(bySha(exportedDocuments(join(dir, "sqlite"))));
    for (const view of VIEWS) expect(await viewRows(url, view, /path$/)).toEqual(await viewRows(sqlite, view, /path$/));
  }, 600_000);
});
