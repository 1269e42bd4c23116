// A glyph alone in its cell: a comparator in a column of its own (指标性质: ≥, ≤, =), a unit
// (计量单位: 户, 个, %, 元), a mark (/). The recognizer reads lines, and one glyph alone gives it
// too little to go on: a "≥" that it reads in "≥3500" comes out as nothing, "=" or "V" when
// cropped alone, "/" as "1" (a figure invented), "≤" as "人". Read beside a figure from the same
// page, the glyph is read as it is in a line of text; the figure's own reading, known, is then
// taken off. Both sides are tried (a comparator is read before a figure, a unit after it) and the
// surer reading is kept; where the sides read two different glyphs, it is kept in doubt.
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

/**
 * Given lone glyphs' crops and their first readings, a figure's crop from the same page with its
 * reading, and the engine, return each glyph's reading: read beside the figure on both sides,
 * the surer reading whose figure was read back whole; the first reading where neither was.
 */
export async function readLoneGlyphs(
  glyphs: { crop: GrayImage; reading: Recognition }[],
  figure: { crop: GrayImage; text: string; confidence: number },
  engine: OcrEngine,
): Promise<Recognition[]> {
  if (glyphs.length === 0) return [];
  const crops = glyphs.flatMap((g) => [cropsSideBySide(g.crop, figure.crop), cropsSideBySide(figure.crop, g.crop)]);
  const read = await engine.recognize(crops);
  return glyphs.map((g, k) => {
    const candidates = [true, false].flatMap((before, side) => {
      const r = read[2 * k + side]!;
      const text = glyphOfReading(r.text, figure.text, before);
      return text === null ? [] : [{ text, confidence: glyphConfidence(r, figure) }];
    });
    const best = candidates.sort((a, b) => b.confidence - a.confidence)[0];
    if (!best) return g.reading;
    // Read as two different glyphs on the two sides (">" and "≥"), the glyph stays in doubt.
    const agreed = candidates.every((c) => c.text === best.text);
    return agreed ? best : { text: best.text, confidence: Math.min(best.confidence, DOUBT) };
  });
}

/**
 * Given the reading beside the figure and the figure with its own
 * confidence, return the glyph's confidence: the reading's confidence is the mean over its
 * characters, the figure's characters count as read as surely as alone.
 */
function glyphConfidence(reading: Recognition, figure: { text: string; confidence: number }): number {
  const all = [...reading.text.replace(/\s+/g, "")].length;
  const own = [...figure.text].length;
  const estimate = (all * reading.confidence - own * figure.confidence) / Math.max(1, all - own);
  return Math.round(Math.min(1, Math.max(0, estimate), reading.confidence) * 1000) / 1000;
}
