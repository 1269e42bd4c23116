// A fixed pool of worker processes. Each worker holds the file it is on and the next one, so it
// never waits while the main thread writes a batch. Workers are child processes, not threads: a V8
// fatal error ("invalid size", "invalid array length", a heap out of memory) ends the whole process
// it happens in, threads included, and only a process boundary contains it. Each worker's resident
// memory (with the programs it starts) is sampled and bounded, since decoded images, WebAssembly
// and native parsers allocate outside the V8 heap. A worker that crashes, passes its memory or the
// per-file time limit is killed and replaced; the file it was on fails with the reason, the file
// queued behind it goes to the replacement, and the pool goes on.
import { fork, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { availableParallelism, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { canMeasureRss, processCpuMs, processTree, treeRssBytes } from "./memory.js";
import type { TaskRequest, TaskResponse } from "./protocol.js";

export interface PoolSettings {
  /** Number of worker processes. */
  workers: number;
  /** Per-file time limit in milliseconds. */
  timeoutMs: number;
  /** Resident memory limit of each worker process and the programs it starts, in MB (also its V8 heap limit). */
  memoryMb: number;
}

/** Each worker's memory by default: room for OCR's models and a page image at 300 dpi, and two workers and the writer under 1.5 GB. */
export const DEFAULT_WORKER_MEMORY_MB = 640;

/** Given cores, machine memory and a worker's memory limit, return a worker count whose limits together fit in half the machine. */
export function defaultWorkerCount(cores: number, machineBytes: number, memoryMb: number): number {
  return Math.max(1, Math.min(cores, Math.floor(machineBytes / 2 / (memoryMb * 1024 * 1024))));
}

export const defaultPoolSettings: PoolSettings = {
  workers: defaultWorkerCount(availableParallelism(), totalmem(), DEFAULT_WORKER_MEMORY_MB),
  timeoutMs: 300_000,
  memoryMb: DEFAULT_WORKER_MEMORY_MB,
};

/**
 * V8 flags of each worker process:
 * - semi-space 32 MB (a 96 MB young generation; V8 gives 16): a document's pages, glyphs and cells
 *   live about as long as the document, and in a small young generation they outlive several
 *   scavenges and are copied each time; measured with 2 workers on 300 fixture copies, 96 MB spends
 *   7% less CPU than 48;
 * - heap growth 100%: a full collection is due when the old generation doubles what survived the
 *   last one, rather than V8's own factor of up to 4; the collections stay cheap, and peak memory
 *   fell from 590 to 470 MB on 300 copies at the same speed;
 * - interrupt budget 1,000,000 (V8's default is 132 KB of bytecode): a function is optimized once it
 *   has run longer, so pdf.js's per-page closures, optimized afresh when a page's objects die, are
 *   recompiled less often (2 workers spent 8–10% less CPU on 300 copies).
 */
export const IMPORT_V8_FLAGS = ["--max-semi-space-size=32", "--heap-growing-percent=100", "--interrupt-budget=1000000"];

/** Files sent to one worker at a time: the one it is on and the next. */
export const FILES_PER_WORKER = 2;

/** How often the workers' resident memory is sampled, in ms. */
const SAMPLE_MS = 50;

/** The end of a worker's standard error kept to explain its death. */
const STDERR_TAIL = 4096;

type Job = { id: number; task: Omit<TaskRequest, "id">; resolve: (r: TaskResponse) => void };

interface Slot {
  child: ChildProcess;
  /** Jobs sent to the worker, in the order it handles them; the first is the one it is on. */
  sent: Job[];
  /** Time limit of the first sent job. */
  timer?: NodeJS.Timeout;
  /** Whether the worker died with nothing sent; it is replaced when next needed, so a worker that cannot start does not respawn in a loop. */
  dead?: boolean;
  stderr: string;
  /** CPU time the worker had spent when last sampled, in ms. */
  cpuMs: number;
}

/** Peak resident memory seen, in bytes: of the whole tree (this process and every worker's tree), and of any one worker's tree; and the CPU the workers spent. */
export interface PoolMemory {
  peakTreeBytes: number;
  peakWorkerBytes: number;
  workersCpuMs: number;
}

/**
 * The worker script: the compiled worker beside this file. Run from the TypeScript sources (the
 * test runner), the compiled one in dist/ is used; `npm test` builds first.
 */
function workerEntry(): string {
  const here = import.meta.url;
  const file = fileURLToPath(
    here.endsWith(".ts") ? new URL("../../dist/src/import/worker.js", here) : new URL("./worker.js", here),
  );
  if (!existsSync(file)) throw new Error(`the import workers need the compiled code (${file}): run \`npm run build\``);
  return file;
}

/** Given a worker's exit and the end of its standard error, return the reason and detail its file fails with. */
export function exitToFailure(
  code: number | null,
  signal: string | null,
  stderr: string,
): { reason: string; detail: string } {
  // V8 prints "FATAL ERROR: …" or "# Fatal … error" first, then a native stack trace.
  const lines = stderr.split("\n").map((l) => l.replace(/^#\s*/, "").trim());
  const last =
    lines.find((l) => /^(FATAL ERROR|Fatal )/i.test(l)) ??
    lines.filter((l) => /Error/.test(l) && !/^\d+:/.test(l)).at(-1);
  const how = signal ? `signal ${signal}` : `code ${code}`;
  if (/heap out of memory|Reached heap limit|Allocation failed/i.test(stderr)) {
    return { reason: "out-of-memory", detail: `worker ran out of V8 heap (${how})${last ? `: ${last}` : ""}` };
  }
  return { reason: "crashed", detail: `worker exited with ${how}${last ? `: ${last}` : ""}` };
}

/** Given process ids, send each SIGKILL, ignoring those already gone. */
function killAll(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already exited.
    }
  }
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private readonly sampler: NodeJS.Timeout;
  private readonly peak: PoolMemory = { peakTreeBytes: 0, peakWorkerBytes: 0, workersCpuMs: 0 };
  /** CPU of the workers that were replaced, in ms. */
  private retiredCpuMs = 0;
  private nextId = 1;
  private closed = false;

  constructor(private readonly settings: PoolSettings = defaultPoolSettings) {
    for (let i = 0; i < settings.workers; i++) {
      const slot = { sent: [], stderr: "" } as unknown as Slot;
      this.slots.push(slot);
      this.spawn(slot);
    }
    this.sampler = setInterval(() => this.sample(), SAMPLE_MS);
    this.sampler.unref();
  }

  /** Given a file's path and bytes, return the worker's answer; never rejects for bad input. */
  run(task: Omit<TaskRequest, "id">): Promise<TaskResponse> {
    return new Promise((resolve) => {
      this.waiting.push({ id: this.nextId++, task, resolve });
      this.dispatch();
    });
  }

  /** Peak resident memory seen so far and the workers' CPU (zeros where they cannot be measured). */
  memory(): PoolMemory {
    this.sample();
    const live = this.slots.reduce((sum, slot) => sum + slot.cpuMs, 0);
    return { ...this.peak, workersCpuMs: this.retiredCpuMs + live };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sampler);
    for (const slot of this.slots) clearTimeout(slot.timer);
    await Promise.all(this.slots.map((slot) => this.stop(slot)));
  }

  /** Given a slot, give it a new worker process listening for its answers and failures. */
  private spawn(slot: Slot): void {
    const child = fork(workerEntry(), [], {
      serialization: "advanced",
      execArgv: [...IMPORT_V8_FLAGS, `--max-old-space-size=${this.settings.memoryMb}`],
      stdio: ["ignore", "inherit", "pipe", "ipc"],
    });
    this.retiredCpuMs += slot.cpuMs ?? 0;
    slot.child = child;
    slot.dead = false;
    slot.stderr = "";
    slot.cpuMs = 0;
    const current = () => slot.child === child;
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      if (current()) slot.stderr = (slot.stderr + chunk).slice(-STDERR_TAIL);
    });
    child.on("message", (response: TaskResponse) => current() && this.answered(slot, response));
    child.on("error", (err) => current() && this.fail(slot, "crashed", err.message));
    child.on("exit", (code, signal) => {
      if (!current() || this.closed) return;
      // Standard error may still hold the fatal message: read what is left before deciding.
      const decide = () =>
        current() && this.fail(slot, ...(Object.values(exitToFailure(code, signal, slot.stderr)) as [string, string]));
      if (child.stderr && !child.stderr.readableEnded) child.stderr.once("close", decide);
      else decide();
    });
  }

  /** Given a slot, kill its worker and what the worker started, and wait for the worker to exit. */
  private async stop(slot: Slot): Promise<void> {
    const { child } = slot;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    killAll(child.pid ? processTree(child.pid).reverse() : []);
    await exited;
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
    slot.child.send(
      { id: job.id, path: job.task.path, bytes: job.task.bytes, ocrEngine: job.task.ocrEngine },
      (err) => {
        if (err && slot.sent.includes(job))
          this.fail(slot, "crashed", `the worker could not be sent the file: ${err.message}`);
      },
    );
  }

  /** The time limit runs from when the worker turns to a file, that is when the one before it is answered. */
  private startTimer(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.timer = setTimeout(
      () => this.fail(slot, "timeout", `no result within ${Math.round(this.settings.timeoutMs / 1000)} s`),
      this.settings.timeoutMs,
    );
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

  /** Measure every worker's tree; a worker past its memory limit fails its file as out-of-memory. */
  private sample(): void {
    if (!canMeasureRss || this.closed) return;
    let total = process.memoryUsage.rss();
    for (const slot of this.slots) {
      const pid = slot.child.pid;
      if (!pid || slot.child.exitCode !== null || slot.child.signalCode !== null) continue;
      const bytes = treeRssBytes(pid);
      slot.cpuMs = processCpuMs(pid) || slot.cpuMs;
      total += bytes;
      this.peak.peakWorkerBytes = Math.max(this.peak.peakWorkerBytes, bytes);
      if (bytes > this.settings.memoryMb * 1024 * 1024) {
        this.fail(
          slot,
          "out-of-memory",
          `worker's resident memory passed the limit of ${this.settings.memoryMb} MB (--memory)`,
        );
      }
    }
    this.peak.peakTreeBytes = Math.max(this.peak.peakTreeBytes, total);
  }

  /** The worker failed on the file it was on: answer that file, replace the worker, resend the rest. */
  private fail(slot: Slot, reason: string, detail: string): void {
    clearTimeout(slot.timer);
    const [job, ...rest] = slot.sent;
    slot.sent = [];
    const old = slot.child;
    if (old.pid) killAll(processTree(old.pid).reverse());
    this.waiting.unshift(...rest);
    if (job) {
      this.spawn(slot);
      job.resolve({ id: job.id, ok: false, reason, detail });
    } else slot.dead = true;
    this.dispatch();
  }
}
