// A glyph alone in its cell: a comparator in a column of its own (指标性质: ≥, ≤, =), a unit
// (计量单位: 户, 个, %, 元), a mark (/); or alone on a line of its cell, a header's last character
// wrapped (执行 / 率). The recognizer reads lines, and one glyph alone gives it too little to go
// on: a "≥" that it reads in "≥3500" comes out as nothing, "=" or "V" when cropped alone, "/" as
// "1" (a figure invented), "≤" as "人", the wrapped "率" as "串". Read beside a line it belongs
// with, the glyph is read as it is in a line of text, and that line's own reading, known, is then
// taken off: a wrapped glyph after the line it continues; a glyph alone in its cell beside a
// figure of the same page, on both sides (a comparator is read before a figure, a unit after it),
// the surer reading kept and, where the sides read two different glyphs, kept in doubt.
import type { GrayImage } from "./image.js";
import { DOUBT } from "./figures.js";
import type { OcrEngine, Recognition } from "./engines/types.js";

/** A lone glyph's reading below this confidence is read again in context. */
export const LONE_GLYPH_DOUBT = 0.95;

/** Given a line's box width and height, return whether it is one glyph: no wider than a square character. */
export function isLoneGlyph(width: number, height: number): boolean {
  return width <= 1.3 * height;
}

/** Given two crops, return them side by side on paper, each centred in the taller one's height. */
export function cropsSideBySide(a: GrayImage, b: GrayImage): GrayImage {
  const height = Math.max(a.height, b.height);
  const width = a.width + b.width;
  const data = new Uint8Array(width * height).fill(255);
  for (const [image, x0] of [
    [a, 0],
    [b, a.width],
  ] as const) {
    const y0 = Math.floor((height - image.height) / 2);
    for (let y = 0; y < image.height; y++)
      data.set(image.data.subarray(y * image.width, (y + 1) * image.width), (y0 + y) * width + x0);
  }
  return { width, height, data };
}

/**
 * Given a reading of the glyph beside the figure (before it when `before`) and the figure's own
 * reading, return what was read of the glyph, or null when the figure was not read back whole.
 */
export function glyphOfReading(text: string, figure: string, before: boolean): string | null {
  const t = text.replace(/\s+/g, "");
  if (before ? !t.endsWith(figure) : !t.startsWith(figure)) return null;
  const glyph = before ? t.slice(0, t.length - figure.length) : t.slice(figure.length);
  return glyph === "" ? null : glyph;
}

/** A line read beside a glyph, with its own reading. */
export interface Context {
  crop: GrayImage;
  text: string;
  confidence: number;
}

/** A lone glyph: its crop, its first reading, what it is read beside and on which sides (true: the glyph first). */
export interface LoneGlyph {
  crop: GrayImage;
  reading: Recognition;
  context: Context;
  sides: boolean[];
}

/**
 * Given lone glyphs and the engine, return each glyph's reading: read beside its context on each
 * of its sides, the surer reading whose context was read back whole; the first reading where none was.
 */
export async function readLoneGlyphs(glyphs: LoneGlyph[], engine: OcrEngine): Promise<Recognition[]> {
  const jobs = glyphs.flatMap((g, k) => g.sides.map((before) => ({ k, before })));
  if (jobs.length === 0) return glyphs.map((g) => g.reading);
  const contexts = [...new Set(glyphs.map((g) => g.context))];
  // Read in batches of one context and side only: a batch pads each crop to its widest, and
  // padding beside a glyph at a crop's end changes what it is read as; glyphs beside the same
  // figure make crops of nearly one width.
  const read: Recognition[] = new Array(jobs.length);
  const batches = new Map<string, number[]>();
  jobs.forEach(({ k, before }, j) => {
    const key = `${contexts.indexOf(glyphs[k]!.context)}:${before}`;
    batches.set(key, [...(batches.get(key) ?? []), j]);
  });
  for (const batch of batches.values()) {
    const crops = batch.map((j) => {
      const { k, before } = jobs[j]!;
      const g = glyphs[k]!;
      return before ? cropsSideBySide(g.crop, g.context.crop) : cropsSideBySide(g.context.crop, g.crop);
    });
    const results = await engine.recognize(crops);
    batch.forEach((j, i) => (read[j] = results[i]!));
  }
  return glyphs.map((g, k) => {
    const candidates = jobs.flatMap((job, j) => {
      if (job.k !== k) return [];
      const text = glyphOfReading(read[j]!.text, g.context.text, job.before);
      // One glyph reads as one character: more is the seam between the crops read as a stroke.
      return text === null || [...text].length !== 1
        ? []
        : [{ text, confidence: glyphConfidence(read[j]!, g.context) }];
    });
    const best = candidates.sort((a, b) => b.confidence - a.confidence)[0];
    if (!best) return g.reading;
    // Read as two different glyphs on the two sides (">" and "≥"), the glyph stays in doubt.
    const agreed = candidates.every((c) => c.text === best.text);
    return agreed ? best : { text: best.text, confidence: Math.min(best.confidence, DOUBT) };
  });
}

/**
 * Given the reading beside the context and the context, return the glyph's confidence: the
 * reading's confidence is the mean over its characters, the context's count as read as surely as alone.
 */
function glyphConfidence(reading: Recognition, figure: Context): number {
  const all = [...reading.text.replace(/\s+/g, "")].length;
  const own = [...figure.text].length;
  const estimate = (all * reading.confidence - own * figure.confidence) / Math.max(1, all - own);
  return Math.round(Math.min(1, Math.max(0, estimate), reading.confidence) * 1000) / 1000;
}
