// A fixed pool of worker threads, one task at a time per worker. A worker that crashes, runs out
// of memory or passes the per-file time limit is terminated and replaced; its task fails with the
// reason, and the pool goes on.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { TaskRequest, TaskResponse } from "./protocol.js";

export interface PoolSettings {
  /** Number of worker threads. */
  workers: number;
  /** Per-file time limit in milliseconds. */
  timeoutMs: number;
  /** Heap limit of each worker in MB (V8 old generation). */
  memoryMb: number;
}

export const defaultPoolSettings: PoolSettings = {
  workers: Math.max(1, availableParallelism()),
  timeoutMs: 300_000,
  memoryMb: 2048,
};

interface Slot {
  worker: Worker;
  busy: boolean;
}

type Job = { task: Omit<TaskRequest, "id">; resolve: (r: TaskResponse) => void };

/**
 * The worker script: the compiled worker beside this file. Run from the TypeScript sources (the
 * test runner), the compiled one in dist/ is used, since loader hooks do not reach worker threads
 * on Node 20; `npm test` builds first.
 */
function workerEntry(): string {
  const here = import.meta.url;
  const file = fileURLToPath(here.endsWith(".ts") ? new URL("../../dist/src/import/worker.js", here) : new URL("./worker.js", here));
  if (!existsSync(file)) throw new Error(`the import workers need the compiled code (${file}): run \`npm run build\``);
  return file;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly settings: PoolSettings = defaultPoolSettings) {
    for (let i = 0; i < settings.workers; i++) this.slots.push({ worker: this.spawn(), busy: false });
  }

  /** Given a file's path and bytes, return the worker's answer; never rejects for bad input. */
  run(task: Omit<TaskRequest, "id">): Promise<TaskResponse> {
    return new Promise((resolve) => {
      this.waiting.push({ task, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(workerEntry(), { resourceLimits: { maxOldGenerationSizeMb: this.settings.memoryMb } });
    worker.unref();
    return worker;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.busy || this.closed) continue;
      const job = this.waiting.shift();
      if (!job) return;
      this.start(slot, job);
    }
  }

  private start(slot: Slot, job: Job): void {
    slot.busy = true;
    const id = this.nextId++;
    const worker = slot.worker;
    let settled = false;
    const finish = (response: TaskResponse, replace: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      if (replace) {
        void worker.terminate();
        slot.worker = this.spawn();
      }
      slot.busy = false;
      job.resolve(response);
      this.dispatch();
    };
    const fail = (reason: string, detail: string) => finish({ id, ok: false, reason, detail }, true);
    const onMessage = (response: TaskResponse) => response.id === id && finish(response, false);
    const onError = (err: Error & { code?: string }) =>
      err.code === "ERR_WORKER_OUT_OF_MEMORY" ? fail("out-of-memory", `worker exceeded ${this.settings.memoryMb} MB`) : fail("crashed", err.message);
    const onExit = (code: number) => fail("crashed", `worker exited with code ${code}`);
    const timer = setTimeout(() => fail("timeout", `no result within ${Math.round(this.settings.timeoutMs / 1000)} s`), this.settings.timeoutMs);
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    // A private copy, so its buffer can be transferred whatever pool the caller's bytes came from.
    const bytes = new Uint8Array(job.task.bytes);
    worker.postMessage({ id, path: job.task.path, bytes, ocrEngine: job.task.ocrEngine }, [bytes.buffer]);
  }
}
