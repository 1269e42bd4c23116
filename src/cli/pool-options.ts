// The options of the import's worker pool, shared by `import` and `worker`.
import { defaultPoolSettings, type PoolSettings } from "../import/pool.js";
import { UsageError } from "./args.js";

export const POOL_OPTIONS_HELP = `  --workers N       worker processes (default: the number of cores, at most as many as half the
                    machine's memory holds at --memory each; ${defaultPoolSettings.workers} here)
  --timeout S       per-file time limit in seconds (default 300)
  --memory MB       resident memory limit of each worker process with the programs it starts
                    (default ${defaultPoolSettings.memoryMb}); a file that passes it fails as out-of-memory
  --ocr-engine E    OCR for pages without a text layer: paddle (PP-OCRv4, default) or tesseract`;

/** Given the parsed option values, return the pool's settings and OCR engine; throws UsageError. */
export function poolOptions(values: {
  workers?: string;
  timeout?: string;
  memory?: string;
  "ocr-engine"?: string;
}): PoolSettings & { ocrEngine?: string } {
  const workers = values.workers ? Number(values.workers) : defaultPoolSettings.workers;
  const timeout = values.timeout ? Number(values.timeout) : 300;
  const memoryMb = values.memory ? Number(values.memory) : defaultPoolSettings.memoryMb;
  if (!Number.isInteger(workers) || workers < 1) throw new UsageError("--workers takes a whole number ≥ 1");
  if (!(timeout > 0)) throw new UsageError("--timeout takes a number of seconds > 0");
  if (!Number.isInteger(memoryMb) || memoryMb < 64) throw new UsageError("--memory takes a whole number of MB ≥ 64");
  return { ...defaultPoolSettings, workers, timeoutMs: timeout * 1000, memoryMb, ocrEngine: values["ocr-engine"] };
}
