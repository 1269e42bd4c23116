// Repair of rows that an extractor shifted by whole columns (seed 000: an extra leading empty cell;
// seed 001: rows missing their first cells, a name landing in the 二级 column). Each mapped field
// expects a kind of content; the shift under which the row's cells best fit their columns wins,
// and an unshifted row wins ties. Only empty leading cells are ever removed, so no text is lost.
import type { Row } from "./rows.js";
import { isNullMarker, parseNumber, parsePoints } from "./values.js";
import { isLevel1Label, isLevel2Label } from "./vocabulary.js";

export type Expect = "number" | "points" | "level1" | "level2" | "name" | "any";

export interface RealignSettings {
  /** Largest shift tried in each direction, in columns. */
  maxShift: number;
}

export const defaultRealignSettings: RealignSettings = { maxShift: 4 };

/** Given a cell and what its column expects, return how well it fits (+ fits, − contradicts). */
function fitOf(text: string, expect: Expect): number {
  // "—" or "/" says "no value" in any column: in a number column it fits no worse than a blank.
  if (text === "" || isNullMarker(text)) return expect === "name" ? -1 : 0;
  const isNumber = parseNumber(text) != null;
  switch (expect) {
    case "number":
      return isNumber ? 2 : -2;
    case "points":
      // A weight or score may print its 分 or, out of 100, its % ("10分", "10%").
      return isNumber || parsePoints(text) != null ? 2 : -2;
    case "level1":
    case "level2":
      // A label outside the vocabulary (前期准备工作, 管理类指标) may still be a level: only a figure contradicts.
      return isLevel1Label(text) || isLevel2Label(text) ? 1 : isNumber ? -1 : 0;
    case "name":
      // A level label is no name: a row holding only "成本指标" under its level column is not shifted.
      return isNumber || isLevel1Label(text) || isLevel2Label(text) ? -1 : 1;
    case "any":
      return 0.25;
  }
}

/** Given cells, return them shifted right by `shift` (negative: left), or null when text would be lost. */
export function shiftCells(cells: string[], shift: number): string[] | null {
  if (shift === 0) return cells;
  if (shift > 0) return [...Array<string>(shift).fill(""), ...cells];
  const drop = -shift;
  if (cells.slice(0, drop).some((c) => c !== "")) return null;
  return cells.slice(drop);
}

/** Given a row and the expected kind of each mapped column, return the best-fitting shift (0 on ties). */
export function bestShift(cells: string[], expects: Map<number, Expect>, settings = defaultRealignSettings): number {
  const score = (candidate: string[]) => [...expects].reduce((s, [col, e]) => s + fitOf(candidate[col] ?? "", e), 0);
  let best = 0;
  let bestScore = score(cells);
  for (let magnitude = 1; magnitude <= settings.maxShift; magnitude++) {
    for (const shift of [magnitude, -magnitude]) {
      const shifted = shiftCells(cells, shift);
      if (!shifted) continue;
      const s = score(shifted);
      if (s > bestScore + 1e-9) [best, bestScore] = [shift, s];
    }
  }
  return best;
}

/** Given a row and the expectations of its columns, return the row realigned (the same row when it fits). */
export function realignRow(row: Row, expects: Map<number, Expect>, settings = defaultRealignSettings): Row {
  const shift = bestShift(row.cells, expects, settings);
  if (shift === 0) return row;
  return { ...row, cells: shiftCells(row.cells, shift)!, raw: shiftCells(row.raw, shift) ?? row.raw };
}
