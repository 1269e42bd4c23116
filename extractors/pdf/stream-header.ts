// Borderless tables, part four: labels merged over several rows or columns of a header, where
// cells stand centred in their merged cell. A table without padding sets header rows as close as
// lines, so a label centred over three header rows (项目名称 beside 项目年度预算金额 / 其中 /
// 一般公共预算) lands on a baseline of its own between two rows, and a label centred over four
// columns (项目年度预算金额 over 合计 and 其中's three) covers only the middle two with its text.
// Each label is given the rows and columns it stands centred over, where nothing else stands.
import type { Placement } from "./stream-spans.js";

/** A row's vertical extent on the page. */
export interface RowBand {
  y0: number;
  y1: number;
}

const centre = (a: number, b: number) => (a + b) / 2;

/** Given placements, one of them, a row and a column range, return whether no other placement with text covers any of those columns on that row. */
function freeAt(placements: readonly Placement[], p: Placement, row: number, from: number, to: number): boolean {
  return !placements.some(
    (q) =>
      q !== p && q.text !== "" && q.row <= row && row < q.row + q.rowSpan && q.col <= to && from < q.col + q.colSpan,
  );
}

/**
 * Given placements and the row count, return the rows that hold only labels standing between their
 * neighbours (each label's columns empty on the row above and the row below), after giving each of
 * those labels the row above and the row below (in place). Such a row is no row of the table.
 */
export function liftLabelRows(placements: Placement[], rowCount: number): Set<number> {
  const drop = new Set<number>();
  for (let r = 1; r < rowCount - 1; r++) {
    if (drop.has(r - 1)) continue;
    const mine = placements.filter((p) => p.row === r && p.text !== "");
    if (mine.length === 0 || placements.some((p) => p.row === r && p.text === "" && p.rowSpan > 1)) continue;
    const between = mine.every(
      (p) =>
        p.rowSpan === 1 &&
        freeAt(placements, p, r - 1, p.col, p.col + p.colSpan - 1) &&
        freeAt(placements, p, r + 1, p.col, p.col + p.colSpan - 1),
    );
    if (!between) continue;
    for (const p of mine) {
      p.row = r - 1;
      p.rowSpan = 3;
    }
    drop.add(r);
  }
  return drop;
}

/**
 * Given placements and the rows' bands, give a one-line label that stands off the middle of its
 * row but centred over it and the row above or below (where its columns are free there) that
 * pair of rows: 合计 centred over the 其中 row and the row of fund sources under it.
 */
export function spanOffCentreLabels(placements: readonly Placement[], bands: readonly RowBand[]): void {
  for (const p of placements) {
    if (p.rowSpan !== 1 || p.text === "" || p.y1 - p.y0 > 1.5 * p.size) continue;
    const band = bands[p.row]!;
    const mid = centre(p.y0, p.y1);
    if (Math.abs(mid - centre(band.y0, band.y1)) <= 0.5 * p.size) continue;
    const last = p.col + p.colSpan - 1;
    for (const from of [p.row - 1, p.row]) {
      const to = from + 1;
      if (from < 0 || to >= bands.length) continue;
      const other = from === p.row ? to : from;
      if (!freeAt(placements, p, other, p.col, last)) continue;
      if (Math.abs(mid - centre(bands[from]!.y0, bands[to]!.y1)) > 0.25 * p.size) continue;
      p.row = from;
      p.rowSpan = 2;
      break;
    }
  }
}

/**
 * Given placements and the column boundaries, widen each label to the most columns it stands
 * centred over (within an em), or when `fromEdge` only to spans from the table's left edge over most
 * of its columns (a total row's label, before row headers are tiled), when they are free on its rows and the cells of the row under it
 * end where the wider span ends (a merged header is the parent of whole cells below it): 其中 is
 * centred over its middle fund source as over all three. Rows are taken bottom up, so a label
 * widens over its children's widened spans.
 */
export function widenCentredLabels(placements: readonly Placement[], xs: readonly number[], fromEdge = false): void {
  const width = xs.length - 1;
  const bottomUp = [...placements].filter((p) => p.text !== "").sort((a, b) => b.row - a.row);
  for (const p of bottomUp) {
    const onRow = (row: number) => placements.filter((q) => q.text !== "" && q.row <= row && row < q.row + q.rowSpan);
    const [under, over] = [onRow(p.row + p.rowSpan), onRow(p.row - 1)];
    const cutIn = (cells: readonly Placement[], x: number) =>
      cells.some((q) => xs[q.col]! < x - 0.5 && x + 0.5 < xs[q.col + q.colSpan]!);
    // Whole cells of the row under it (a header over its children), else of the row over it (合计
    // centred under the columns of the rows above it).
    const fits = (cells: readonly Placement[], a: number, b: number) =>
      !cutIn(cells, xs[a]!) && !cutIn(cells, xs[b + 1]!) && cells.some((q) => q.col >= a && q.col + q.colSpan - 1 <= b);
    const free = (from: number, to: number) =>
      Array.from({ length: p.rowSpan }, (_, i) => p.row + i).every((row) => freeAt(placements, p, row, from, to));
    const mid = centre(p.x0, p.x1);
    const offBy = (a: number, b: number) => Math.abs(mid - centre(xs[a]!, xs[b + 1]!));
    let best: [number, number] | null = null;
    const [c0, c1] = [p.col, p.col + p.colSpan - 1];
    for (let a = c0; a >= 0 && free(a, c0); a--) {
      for (let b = c1; b < width && free(c1, b); b++) {
        if (
          (a === c0 && b === c1) ||
          (fromEdge && (a > 0 || 2 * (b - a + 1) <= width)) ||
          !(fits(under, a, b) || fits(over, a, b))
        )
          continue;
        if (offBy(a, b) > p.size) continue;
        const wider = best && b - a - (best[1] - best[0]);
        if (!best || wider! > 0 || (wider === 0 && offBy(a, b) < offBy(best[0], best[1]))) best = [a, b];
      }
    }
    if (!best) continue;
    p.col = best[0];
    p.colSpan = best[1] - best[0] + 1;
  }
}
