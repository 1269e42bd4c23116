// The engines behind one interface, chosen by the `engine` setting (CLI: --ocr-engine). On the
// scanned fixtures PP-OCRv4 ("paddle") read nearly every cell right and tesseract.js's fast
// chi_sim model garbled much of the Chinese (figures in the report of `npm run bench:ocr`), so
// paddle is the default.
import { availableParallelism } from "node:os";
import type { OcrEngineName, OcrSettings } from "../settings.js";
import type { OcrEngine } from "./types.js";

export { OCR_ENGINES as ocrEngineNames } from "../settings.js";
export type { OcrEngine, Recognition } from "./types.js";

/** Given the settings, return how many workers (threads) recognition uses. */
export function workerCount(settings: Pick<OcrSettings, "workers">): number {
  return settings.workers > 0 ? settings.workers : Math.max(1, availableParallelism());
}

/** Given a name and the settings, return a started engine; throws UnreadableFileError("missing-dependency") naming what to install. */
export async function createEngine(name: OcrEngineName, settings: OcrSettings, path: string): Promise<OcrEngine> {
  switch (name) {
    case "paddle": {
      const { PaddleEngine } = await import("./paddle.js");
      return PaddleEngine.create(settings.paddleModels, workerCount(settings), path);
    }
    case "tesseract": {
      const { TesseractEngine } = await import("./tesseract.js");
      return TesseractEngine.create(settings.tessdata, workerCount(settings), path);
    }
  }
}
