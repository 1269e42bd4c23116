// Headers misread by OCR. A header names a whole column, so one character misread in it loses the
// column: "指标权重" read as "指标权道" left a sheet without weights, "执行率" read as "执行串" a
// project list without rates. A short cell read by OCR that names nothing the vocabulary knows,
// but is one Chinese character away from exactly one header it knows, is read as that header.
// Only cells read by OCR are repaired: a text layer prints what it means.
import { fieldOfHeader, HEADER_VOCABULARIES } from "./headers.js";
import { labelKey } from "./text.js";
import { fundSourceOf, isLevel1Label, isLevel2Label } from "./vocabulary.js";

/** Headers longer than this are sentences, not labels. */
const MAX_LABEL = 12;
const HAN = /^[\u4e00-\u9fff]$/;

/** A header the vocabulary spells out: its text, and whether it must be the whole cell. */
interface Word {
  text: string;
  whole: boolean;
}

/** Given a pattern, return the text it spells when it is plain characters (escapes allowed, anchors at the ends), else null. */
export function patternToWord(pattern: RegExp): Word | null {
  let source = pattern.source;
  const whole = source.startsWith("^") && source.endsWith("$") && !source.endsWith("\\$");
  if (whole) source = source.slice(1, -1);
  let text = "";
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") text += source[++i] ?? "";
    else if ("^$.*+?()[]{}|".includes(c)) return null;
    else text += c;
  }
  return text.length >= 3 ? { text, whole } : null;
}

const WORDS: Word[] = [
  ...new Map(
    HEADER_VOCABULARIES.flat()
      .flatMap((entry) => entry.patterns.map(patternToWord))
      .filter((w): w is Word => w !== null)
      .map((w) => [`${w.whole}:${w.text}`, w]),
  ).values(),
];

/** Given a label key, return whether a header vocabulary knows it. */
function isHeader(key: string): boolean {
  return HEADER_VOCABULARIES.some((v) => fieldOfHeader(key, v) !== null);
}

/** Given a label key, return whether any vocabulary knows it (headers, levels, fund sources). */
function isKnown(key: string): boolean {
  return isHeader(key) || isLevel1Label(key) || isLevel2Label(key) || fundSourceOf(key) !== null;
}

/** Given a key and a word, return the key with the one Chinese character that differs from the word put right, or null. */
function repairedBy(key: string, word: Word): string | null {
  const k = [...key];
  const w = [...word.text];
  // A whole header of three characters shares only two with its misreading: too little to go on.
  if (word.whole && w.length < 4) return null;
  const starts = word.whole
    ? k.length === w.length
      ? [0]
      : []
    : k.map((_, i) => i).filter((i) => i + w.length <= k.length);
  for (const start of starts) {
    const differ = w.flatMap((c, j) => (c === k[start + j] ? [] : [j]));
    if (differ.length !== 1) continue;
    const j = differ[0]!;
    if (!HAN.test(w[j]!) || !HAN.test(k[start + j]!)) continue;
    const fixed = [...k];
    fixed[start + j] = w[j]!;
    return fixed.join("");
  }
  return null;
}

/**
 * Given a cell's text read by OCR and the other cells of its row, return it as the header it was
 * misread from, or null when it is known as read, too long for a label, in a row where no other
 * cell is a header (an indicator's name one character from a header is a name), or not one
 * character from exactly one known header.
 */
export function misreadHeader(text: string, row: string[] = []): string | null {
  const key = labelKey(text);
  if (key === "" || [...key].length > MAX_LABEL || /\d/.test(key) || isKnown(key)) return null;
  if (!row.some((cell) => cell !== text && isHeader(labelKey(cell)))) return null;
  const repairs = new Set(WORDS.flatMap((w) => repairedBy(key, w) ?? []).filter(isKnown));
  return repairs.size === 1 ? [...repairs][0]! : null;
}
