// A fixed pool of worker threads. Each worker holds the file it is on and the next one, so it
// never waits while the main thread writes a batch. A worker that crashes, runs out of memory or
// passes the per-file time limit is terminated and replaced; the file it was on fails with the
// reason, the file queued behind it goes to the replacement, and the pool goes on.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
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

/**
 * V8's young generation of each worker, in MB (V8 gives a worker 48). A document's pages, glyphs and
 * cells live about as long as the document; in a small young generation they outlive several
 * scavenges, are copied each time, and are promoted to die in the old one. Measured with 2 workers
 * on 300 fixture copies, 96 MB spends 7% less CPU than 48; 144 MB a further 8%, but takes peak
 * memory past 600 MB on 1,000 documents.
 */
export const YOUNG_GENERATION_MB = 96;

/**
 * V8 flags set for the whole process before the first worker starts; V8 reads both as it runs, so
 * they reach the workers' engines. What a worker keeps between documents is about 30 MB (pdf.js and
 * its caches), so:
 * - heap growth 100%: a full collection is due when the old generation doubles what survived the
 *   last one, rather than V8's own factor of up to 4; the collections stay cheap, and measured on
 *   300 copies peak memory fell from 590 to 470 MB at the same speed;
 * - interrupt budget 1,000,000 (V8's default is 132 KB of bytecode): a function is optimized once it
 *   has run longer, so pdf.js's per-page closures, optimized afresh when a page's objects die, are
 *   recompiled less often; measured on 300 copies, 3,000 optimizations became 1,200 and 2 workers
 *   spent 8–10% less CPU, while 1 worker ran as fast as before.
 */
export const IMPORT_V8_FLAGS = ["--heap-growing-percent=100", "--interrupt-budget=1000000"];

/** Files sent to one worker at a time: the one it is on and the next. */
export const FILES_PER_WORKER = 2;

type Job = { id: number; task: Omit<TaskRequest, "id">; resolve: (r: TaskResponse) => void };

interface Slot {
  worker: Worker;
  /** Jobs sent to the worker, in the order it handles them; the first is the one it is on. */
  sent: Job[];
  /** Time limit of the first sent job. */
  timer?: NodeJS.Timeout;
  /** Whether the worker died with nothing sent; it is replaced when next needed, so a worker that cannot start does not respawn in a loop. */
  dead?: boolean;
}

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
    for (const flag of IMPORT_V8_FLAGS) setFlagsFromString(flag);
    for (let i = 0; i < settings.workers; i++) {
      const slot: Slot = { worker: undefined as unknown as Worker, sent: [] };
      this.slots.push(slot);
      this.spawn(slot);
    }
  }

  /** Given a file's path and bytes, return the worker's answer; never rejects for bad input. */
  run(task: Omit<TaskRequest, "id">): Promise<TaskResponse> {
    return new Promise((resolve) => {
      this.waiting.push({ id: this.nextId++, task, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots) clearTimeout(slot.timer);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  /** Given a slot, give it a new worker listening for its answers and failures. */
  private spawn(slot: Slot): void {
    const worker = new Worker(workerEntry(), {
      resourceLimits: { maxOldGenerationSizeMb: this.settings.memoryMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    worker.unref();
    slot.worker = worker;
    slot.dead = false;
    const current = () => slot.worker === worker;
    worker.on("message", (response: TaskResponse) => current() && this.answered(slot, response));
    worker.on("error", (err: Error & { code?: string }) => {
      if (!current()) return;
      if (err.code === "ERR_WORKER_OUT_OF_MEMORY") this.fail(slot, "out-of-memory", `worker exceeded ${this.settings.memoryMb} MB`);
      else this.fail(slot, "crashed", err.message);
    });
    worker.on("exit", (code) => current() && !this.closed && this.fail(slot, "crashed", `worker exited with code ${code}`));
  }

  private dispatch(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      while (slot.sent.length < FILES_PER_WORKER && this.waiting.length) this.send(slot, this.waiting.shift()!);
    }
  }

  private send(slot: Slot, job: Job): void {
    if (slot.dead) this.spawn(slot);
    slot.sent.push(job);
    if (slot.sent.length === 1) this.startTimer(slot);
    // A private copy, so its buffer can be transferred whatever pool the caller's bytes came from.
    const bytes = new Uint8Array(job.task.bytes);
    slot.worker.postMessage({ id: job.id, path: job.task.path, bytes, ocrEngine: job.task.ocrEngine }, [bytes.buffer]);
  }

  /** The time limit runs from when the worker turns to a file, that is when the one before it is answered. */
  private startTimer(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.timer = setTimeout(() => this.fail(slot, "timeout", `no result within ${Math.round(this.settings.timeoutMs / 1000)} s`), this.settings.timeoutMs);
  }

  private answered(slot: Slot, response: TaskResponse): void {
    const job = slot.sent[0];
    if (!job || job.id !== response.id) return;
    slot.sent.shift();
    clearTimeout(slot.timer);
    if (slot.sent.length) this.startTimer(slot);
    job.resolve(response);
    this.dispatch();
  }

  /** The worker failed on the file it was on: answer that file, replace the worker, resend the rest. */
  private fail(slot: Slot, reason: string, detail: string): void {
    clearTimeout(slot.timer);
    const [job, ...rest] = slot.sent;
    slot.sent = [];
    void slot.worker.terminate();
    this.waiting.unshift(...rest);
    if (job) {
      this.spawn(slot);
      job.resolve({ id: job.id, ok: false, reason, detail });
    } else slot.dead = true;
    this.dispatch();
  }
}
