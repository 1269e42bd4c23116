// Reading the cells of scoring-rubric tables (部门整体支出绩效自评表: 一级/二级/三级指标, 指标内容,
// 评价标准, 分值, 得分) as OCR leaves them: several lines per cell, blank lines between what were
// separate cells, weight and score printed in one cell, names echoed or wrapped. Seed 004 (a) shows
// every defect handled here; the functions are pure and know nothing of any one document.
import { cleanText } from "../common/text.js";
import { toHalfWidth } from "../common/values.js";

/** Given a cell's raw text, return its lines (split at <br> and line breaks), trimmed; blank lines kept as "". */
export function cellLines(raw: string): string[] {
  return raw
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trim());
}

/** Given a cell's raw text, return its paragraphs: runs of non-blank lines between blank lines. */
export function cellParagraphs(raw: string): string[][] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of cellLines(raw)) {
    if (line === "") {
      if (current.length) paragraphs.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length) paragraphs.push(current);
  return paragraphs;
}

const NUMBER_TOKEN = /^\d+(?:\.\d+)?$/;

/** Given a line, return its numbers when it holds nothing else ("7", "4 4"), else null. */
export function numberLine(line: string): number[] | null {
  const tokens = toHalfWidth(line).trim().split(/\s+/);
  if (tokens.length === 0 || tokens.some((t) => !NUMBER_TOKEN.test(t))) return null;
  return tokens.map(Number);
}

/** A cell split into its text paragraphs and the figure lines OCR appended to it ("…为止。<br><br>4 4"). */
export interface SplitCell {
  paragraphs: string[][];
  numbers: number[][];
}

/** Given a cell's raw text, return its text paragraphs and its trailing paragraphs made only of figures. */
export function splitCell(raw: string): SplitCell {
  const paragraphs = cellParagraphs(raw);
  const numbers: number[][] = [];
  while (paragraphs.length) {
    const last = paragraphs[paragraphs.length - 1]!;
    const lines = last.map(numberLine);
    if (lines.some((l) => l === null)) break;
    numbers.unshift(...(lines as number[][]));
    paragraphs.pop();
  }
  return { paragraphs, numbers };
}

/** 分值 and 得分 of one indicator, or a lone figure whose meaning the row does not settle. */
export type Figures = { kind: "pair"; weight: number; score: number } | { kind: "single"; value: number };

/**
 * Given a row's figure lines in reading order, return one Figures per indicator: a line of two
 * figures is 分值 then 得分 ("4 4", seed 004 table 3); exactly two figures in all are one pair
 * ("7<br>7": 分值 above 得分, seed 004 README); otherwise each figure stands alone.
 */
export function figuresOf(lines: number[][]): Figures[] {
  const all = lines.flat();
  if (all.length === 0) return [];
  if (lines.every((l) => l.length === 2)) return lines.map(([w, s]) => ({ kind: "pair", weight: w!, score: s! }));
  if (all.length === 2) return [{ kind: "pair", weight: all[0]!, score: all[1]! }];
  return all.map((value) => ({ kind: "single", value }));
}

/** Characters that end an indicator name (…性, …率, …数); a line ending otherwise was wrapped. */
const NAME_END = /[性率数度量额费金况]$|[)）]$/;

/**
 * Given a name cell's lines, return the names it holds. A line repeating the end of the line above
 * is an OCR echo and is dropped ("低保人员月发放人" / "员月发放人" / "数", seed 004); a line that
 * follows one not ending a name is its wrapped continuation ("年内完成资金按时" / "拨付").
 */
export function nameLinesToNames(lines: string[]): string[] {
  const names: string[] = [];
  let previous = "";
  for (const line of lines.filter((l) => l !== "")) {
    if (previous.length > line.length && line.length >= 2 && previous.endsWith(line)) continue;
    const last = names.length - 1;
    if (last >= 0 && (!NAME_END.test(names[last]!) || /^[(（]/.test(line)))
      names[last] = cleanText(`${names[last]}\n${line}`);
    else names.push(cleanText(line));
    previous = line;
  }
  return names;
}

/** Given a text, return its character bigrams, for comparing OCR variants of one name. */
function bigrams(text: string): string[] {
  const grams: string[] = [];
  for (let i = 0; i < text.length - 1; i++) grams.push(text.slice(i, i + 2));
  return grams;
}

/** Given two texts, return their bigram Dice similarity (0..1). */
export function similarity(a: string, b: string): number {
  const ga = bigrams(a),
    gb = bigrams(b);
  if (ga.length + gb.length === 0) return a === b ? 1 : 0;
  const pool = [...gb];
  let shared = 0;
  for (const g of ga) {
    const at = pool.indexOf(g);
    if (at >= 0) {
      shared++;
      pool.splice(at, 1);
    }
  }
  return (2 * shared) / (ga.length + gb.length);
}

/** Names this alike are one name read twice by OCR ("特困供养人员月发放人数" / "困难供养人员月发放人数"). */
const VARIANT_SIMILARITY = 0.75;

/**
 * Given the names of one row and its description, return the one name meant when the names are OCR
 * variants of each other: the one closest to the description. Null when they are distinct names.
 */
export function variantName(names: string[], description: string): string | null {
  if (names.length < 2) return null;
  const first = names[0]!;
  if (!names.every((n) => similarity(n, first) >= VARIANT_SIMILARITY)) return null;
  let best = first;
  for (const name of names) if (similarity(name, description) > similarity(best, description)) best = name;
  return best;
}

/** Given a cell, return whether it reads as an indicator name: short lines without sentence punctuation. */
export function looksLikeName(lines: string[]): boolean {
  const text = lines.filter((l) => l !== "");
  return text.length > 0 && text.every((l) => cleanText(l).length <= 30 && !/[，。；;：:,]/.test(l));
}
