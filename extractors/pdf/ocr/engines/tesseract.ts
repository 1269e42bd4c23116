// tesseract.js (Tesseract's LSTM engine in WebAssembly) with Simplified Chinese. The language
// data is read from a local directory: Debian's tesseract-ocr-chi-sim installs it, uncompressed,
// under /usr/share/tesseract-ocr/<version>/tessdata (FIELD-NOTES: `gzip: false`; `cacheMethod:
// 'none'` or the worker writes a copy into the working directory). Each line is one job (page
// segmentation mode 7, a single line) on a scheduler with one worker per core. Figures are read
// a second time with Tesseract's character whitelist.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Tesseract from "tesseract.js";
import { UnreadableFileError } from "../../../../contracts/errors.js";
import type { GrayImage } from "../image.js";
import { looksNumeric, normalizeFigure, NUMERIC_CHARS, type OcrEngine, type Recognition } from "./types.js";

export const TESSDATA_FILE = "chi_sim.traineddata";

/** Given the configured directory (or null), return where chi_sim.traineddata is looked for: the setting, $JIXIAO_TESSDATA, Debian's tessdata. */
export function tessdataDir(configured: string | null): string | null {
  if (configured) return configured;
  if (process.env.JIXIAO_TESSDATA) return process.env.JIXIAO_TESSDATA;
  const root = "/usr/share/tesseract-ocr";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort().reverse();
  const found = versions.map((v) => join(root, v, "tessdata")).find((dir) => existsSync(join(dir, TESSDATA_FILE)));
  return found ?? null;
}

/** Given the file being read and where the data was looked for, return the error that says how to install it. */
export function missingTessdata(path: string, dir: string | null): UnreadableFileError {
  return new UnreadableFileError(
    path,
    "missing-dependency",
    `OCR language data ${TESSDATA_FILE} not found${dir ? ` in ${dir}` : ""}: install the Debian package tesseract-ocr-chi-sim (apt-get install tesseract-ocr-chi-sim), or set JIXIAO_TESSDATA to a directory holding ${TESSDATA_FILE}`,
  );
}

/** Given a gray image, return it as a binary PGM (P5) file, a format Tesseract's image library reads. */
export function grayToPgm(image: GrayImage): Buffer {
  const header = Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, "latin1");
  return Buffer.concat([header, Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength)]);
}

/** Given Tesseract's text of one line, return it without the spaces it puts between Chinese characters. */
export function tidyLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export class TesseractEngine implements OcrEngine {
  readonly name = "tesseract" as const;
  private constructor(
    private readonly scheduler: Tesseract.Scheduler,
    private readonly workers: Tesseract.Worker[],
  ) {}

  /** Given the tessdata setting, the worker count and the file being read (for errors), return a ready engine. */
  static async create(configured: string | null, count: number, path: string): Promise<TesseractEngine> {
    const dir = tessdataDir(configured);
    if (!dir || !existsSync(join(dir, TESSDATA_FILE))) throw missingTessdata(path, dir);
    const scheduler = Tesseract.createScheduler();
    const workers: Tesseract.Worker[] = [];
    try {
      for (let i = 0; i < count; i++) {
        const worker = await Tesseract.createWorker("chi_sim", Tesseract.OEM.LSTM_ONLY, {
          langPath: dir,
          gzip: false,
          cacheMethod: "none",
        });
        await worker.setParameters({
          tessedit_pageseg_mode: Tesseract.PSM.SINGLE_LINE,
          preserve_interword_spaces: "1",
        });
        workers.push(worker);
        scheduler.addWorker(worker);
      }
    } catch (err) {
      await scheduler.terminate().catch(() => undefined);
      throw new UnreadableFileError(
        path,
        "missing-dependency",
        `tesseract.js could not start with ${join(dir, TESSDATA_FILE)} (${(err as Error).message}): reinstall the Debian package tesseract-ocr-chi-sim or point JIXIAO_TESSDATA at a good copy`,
      );
    }
    return new TesseractEngine(scheduler, workers);
  }

  async recognize(lines: GrayImage[]): Promise<Recognition[]> {
    const first = await this.pass(lines);
    const figures = first.map((r, i) => (looksNumeric(r.text) ? i : -1)).filter((i) => i >= 0);
    if (figures.length === 0) return first;
    // What the first pass read besides Latin letters (units such as 万元, 人, 张; punctuation) stays allowed, or it would be read as digits.
    const units = new Set(figures.flatMap((i) => [...first[i]!.text].filter((c) => !/[A-Za-z\s]/.test(c))));
    await this.setAll({ tessedit_char_whitelist: NUMERIC_CHARS + [...units].join("") });
    try {
      const second = await this.pass(figures.map((i) => lines[i]!));
      figures.forEach((i, k) => {
        const again = second[k]!;
        first[i] = { text: normalizeFigure(again.text), confidence: again.confidence };
      });
    } finally {
      await this.setAll({ tessedit_char_whitelist: "" });
    }
    return first;
  }

  private async pass(lines: GrayImage[]): Promise<Recognition[]> {
    return Promise.all(
      lines.map(async (line) => {
        const result = await this.scheduler.addJob("recognize", grayToPgm(line));
        return { text: tidyLine(result.data.text), confidence: Math.max(0, Math.min(1, result.data.confidence / 100)) };
      }),
    );
  }

  private async setAll(params: Partial<Tesseract.WorkerParams>): Promise<void> {
    await Promise.all(this.workers.map((w) => w.setParameters(params)));
  }

  async close(): Promise<void> {
    await this.scheduler.terminate();
  }
}
