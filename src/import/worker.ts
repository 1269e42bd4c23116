// A worker process of the import pool: bytes in, Document and raw tables out. CPU-bound work
// (PDF parsing, OCR, normalizing) runs here, off the main process that owns the database, and a
// fatal error here ends this process only.
import { UnreadableFileError } from "../../contracts/errors.js";
import { tablesOf } from "../../contracts/extraction.js";
import { extractBytes, extractionToDocument } from "../pipeline.js";
import type { TaskRequest, TaskResponse } from "./protocol.js";

async function handle(task: TaskRequest): Promise<TaskResponse> {
  const t0 = performance.now();
  try {
    const extraction = await extractBytes(task.bytes, task.path, { ocrEngine: task.ocrEngine });
    const t1 = performance.now();
    const document = extractionToDocument(task.bytes, task.path, extraction);
    const t2 = performance.now();
    return {
      id: task.id,
      ok: true,
      document,
      tables: tablesOf(extraction),
      timings: { extract: t1 - t0, normalize: t2 - t1 },
    };
  } catch (err) {
    if (err instanceof UnreadableFileError) return { id: task.id, ok: false, reason: err.reason, detail: err.detail };
    return { id: task.id, ok: false, reason: "crashed", detail: (err as Error).message ?? String(err) };
  }
}

// The pool sends the next file before this one is done, so the worker never waits for the main
// process; files are still handled one at a time, in the order sent.
let last: Promise<void> = Promise.resolve();
process.on("message", (task: TaskRequest) => {
  last = last.then(() => handle(task)).then((response) => void process.send?.(response));
});
// The pool is gone (its process ended): nothing is left to answer.
process.on("disconnect", () => process.exit(0));
