// A worksheet's cells placed on its grid: one placed cell per merged range and per cell no merge covers.
import { clip, overlaps, PLAIN_STYLE, placedToUsedRange, type Placed, type Range } from "../grids/placed.js";
import type { SheetCell, SheetContent } from "./sheet.js";

/**
 * Given a sheet's cells and merges and the range holding its text, return one placed cell per merge
 * and per cell no merge covers, within the range (a merge reaching beyond it is cut to it).
 */
export function contentToPlaced(content: SheetContent, range: Range): Placed[] {
  const byPosition = new Map<string, SheetCell>(content.cells.map((c) => [`${c.row},${c.col}`, c]));
  const covered = new Set<string>();
  const placed: Placed[] = [];
  for (const merge of content.merges) {
    if (!overlaps(merge, range)) continue;
    const m = clip(merge, range);
    const positions: string[] = [];
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) positions.push(`${r},${c}`);
    if (positions.some((key) => covered.has(key))) continue; // overlapping merges are invalid: the first wins
    for (const key of positions) covered.add(key);
    // Only the top-left cell's value is shown; covered cells keep theirs hidden (§18.3.1.55).
    const origin = byPosition.get(`${merge.top},${merge.left}`);
    placed.push({ ...m, text: origin?.text ?? "", style: origin?.style ?? PLAIN_STYLE });
  }
  for (const c of content.cells) {
    if (
      c.row < range.top ||
      c.row > range.bottom ||
      c.col < range.left ||
      c.col > range.right ||
      covered.has(`${c.row},${c.col}`)
    )
      continue;
    placed.push({ top: c.row, left: c.col, bottom: c.row, right: c.col, text: c.text, style: c.style });
  }
  return placed;
}

/** Given a sheet's cells, return the smallest range holding all their text, or null for an empty sheet. */
export function cellsToUsedRange(cells: readonly SheetCell[]): Range | null {
  return placedToUsedRange(
    cells.map((c) => ({ top: c.row, left: c.col, bottom: c.row, right: c.col, text: c.text, style: c.style })),
  );
}
