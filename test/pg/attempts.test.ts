// A file whose every attempt loses its worker process ends as an import error after a bounded
// number of attempts. A worker process that dies holding a job is, to the queue, one that took the
// job and never finished it: here the job is taken and left unfinished, twice, on a real server.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Of } from "../../src/pipeline.js";
import { enqueueJobs, IMPORT_QUEUE, openQueue } from "../../src/queue/queue.js";
import { openPgStore } from "../../src/store/pg/store.js";
import { FIXTURES } from "../helpers.js";
import { startCluster, type Cluster } from "../../scripts/pg-cluster.js";
import { jixiao } from "./compare.js";

describe("a file that keeps losing its worker", () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster();
  }, 120_000);
  afterAll(() => cluster?.stop());

  it("is retried when its lease ends, then recorded in import_errors after its attempts", async () => {
    const url = await cluster.createDatabase("attempts");
    const store = await openPgStore(url);
    const boss = await openQueue(url);
    const path = join(FIXTURES, "liuzhou.docx");
    const bytes = readFileSync(path);
    try {
      await enqueueJobs(boss, [{ path, sha256: sha256Of(bytes), size: bytes.length }], {
        leaseSeconds: 1,
        attempts: 2,
      });
      for (let attempt = 1; attempt <= 2; attempt++) {
        const taken = await boss.fetch(IMPORT_QUEUE);
        expect(taken.length).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, 1500)); // the lease ends
        await boss.expire();
      }
      expect(await boss.fetch(IMPORT_QUEUE)).toEqual([]);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    const out = await jixiao(["worker", "--db", url, "--workers", "1", "--until-empty"]);
    expect(out).toMatch(/^failed +.*liuzhou\.docx: crashed: the worker process ended while on this file, 2 time\(s\)/m);
    const status = JSON.parse(await jixiao(["status", "--db", url, "--format", "json"]));
    expect(status).toMatchObject({ queued: 0, running: 0, done: 0, failed: 1 });
    expect(status.failures[0]).toMatchObject({ file: path, reason: "crashed" });
    expect(await store.hasDocument(sha256Of(bytes))).toBe(false);
    await store.close();
  }, 120_000);
});
