// Hidden rows and columns are not shown, so not read: a form's helper columns (codes, formulas)
// hidden by its author would otherwise become columns no printed copy has. The sheet is closed up
// over them; a merge keeps the part of it that shows, its text included.
import type { Range } from "../grids/placed.js";
import type { SheetContent } from "./sheet.js";

/** Given ascending hidden indexes, return a map from an index to its index once they are removed (-1 for hidden). */
function closeUp(hidden: readonly number[]): (i: number) => number {
  const sorted = [...new Set(hidden)].sort((a, b) => a - b);
  const set = new Set(sorted);
  return (i) => {
    if (set.has(i)) return -1;
    let lo = 0; // binary search: how many hidden indexes lie before i
    for (let hi = sorted.length; lo < hi;) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < i) lo = mid + 1;
      else hi = mid;
    }
    return i - lo;
  };
}

/** Given a range and the index maps, return the shown part of it closed up, or null when none of it shows. */
function rangeShown(range: Range, row: (i: number) => number, col: (i: number) => number): Range | null {
  const rows = shownBounds(range.top, range.bottom, row);
  const cols = shownBounds(range.left, range.right, col);
  return rows && cols ? { top: rows[0], bottom: rows[1], left: cols[0], right: cols[1] } : null;
}

function shownBounds(from: number, to: number, map: (i: number) => number): [number, number] | null {
  let first = -1;
  let last = -1;
  for (let i = from; i <= to; i++) {
    const m = map(i);
    if (m < 0) continue;
    if (first < 0) first = m;
    last = m;
  }
  return first < 0 ? null : [first, last];
}

/** Given a sheet's content, return it without its hidden rows and columns, and how many of those held text. */
export function contentWithoutHidden(content: SheetContent): { content: SheetContent; rows: number; cols: number } {
  if (content.hiddenRows.length === 0 && content.hiddenCols.length === 0) return { content, rows: 0, cols: 0 };
  const row = closeUp(content.hiddenRows);
  const col = closeUp(content.hiddenCols);
  const merged = new Map<string, Range>(); // a merge's origin -> its shown part, where the origin itself is hidden
  const merges = content.merges.flatMap((m) => {
    const shown = rangeShown(m, row, col);
    if (shown && (row(m.top) < 0 || col(m.left) < 0)) merged.set(`${m.top},${m.left}`, shown);
    return shown && (shown.bottom > shown.top || shown.right > shown.left) ? [shown] : [];
  });
  const targets = new Set([...merged.values()].map((m) => `${m.top},${m.left}`));
  const cells = content.cells.flatMap((c) => {
    const moved = merged.get(`${c.row},${c.col}`);
    if (moved) return [{ ...c, row: moved.top, col: moved.left }]; // a merge shows its origin's value wherever it shows
    const r = row(c.row);
    const k = col(c.col);
    return r < 0 || k < 0 || targets.has(`${r},${k}`) ? [] : [{ ...c, row: r, col: k }];
  });
  const filled = content.cells.filter((c) => c.text.trim() !== "");
  const withText = (hidden: readonly number[], at: Set<number>) => new Set(hidden.filter((h) => at.has(h))).size;
  return {
    content: { ...content, cells, merges, hiddenRows: [], hiddenCols: [] },
    rows: withText(content.hiddenRows, new Set(filled.map((c) => c.row))),
    cols: withText(content.hiddenCols, new Set(filled.map((c) => c.col))),
  };
}
