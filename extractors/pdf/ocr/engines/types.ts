// What a recognition engine is to the rest of the extractor: single-line crops in, text with a
// confidence out. Layout (where the lines are) is found once, outside the engines, so both read
// exactly the same crops and can be compared on them.
import type { GrayImage } from "../image.js";
import type { OcrEngineName } from "../settings.js";

export interface Recognition {
  text: string;
  /** 0..1: the engine's certainty about the whole line (for CTC, the mean of the chosen characters' probabilities). */
  confidence: number;
}

export interface OcrEngine {
  readonly name: OcrEngineName;
  /** Given crops of single lines of text, return what each reads, in the same order. */
  recognize(lines: GrayImage[]): Promise<Recognition[]>;
  close(): Promise<void>;
}

/** Characters a cell of figures is made of (besides the units printed after them). */
export const NUMERIC_CHARS = "0123456789.%-+≥≤><=~/,:()";

/** Fullwidth and lookalike forms an engine may return in figures, with the form the documents print. */
const NUMERIC_FORMS: Record<string, string> = {
  "０": "0",
  "１": "1",
  "２": "2",
  "３": "3",
  "４": "4",
  "５": "5",
  "６": "6",
  "７": "7",
  "８": "8",
  "９": "9",
  "．": ".",
  "％": "%",
  "－": "-",
  "—": "-",
  "＋": "+",
  "，": ",",
  "＞": ">",
  "＜": "<",
  "＝": "=",
  "（": "(",
  "）": ")",
  // A slanted "⩾"/"⩽" (bar parallel to the angle) is read as the double angle bracket.
  "》": "≥",
  "《": "≤",
  O: "0",
  o: "0",
  l: "1",
  I: "1",
};

/** Given a line's text, return whether it is a figure: digits make up most of it, with comparators, units and signs around them. */
export function looksNumeric(text: string): boolean {
  const chars = [...text.replace(/\s+/g, "")];
  const digits = chars.filter((c) => /[0-9０-９]/.test(c)).length;
  const numeric = chars.filter((c) => NUMERIC_CHARS.includes(c) || c in NUMERIC_FORMS).length;
  return digits >= 1 && digits >= 0.3 * chars.length && numeric >= 0.6 * chars.length;
}

/** Given the text of a figure, return it with fullwidth and lookalike characters in the printed form ("１５％" -> "15%"). */
export function normalizeFigure(text: string): string {
  return [...text].map((c) => NUMERIC_FORMS[c] ?? c).join("");
}
