// Column alignment of two page tables: whether a table on the next page has the same column
// structure, and the rows of a table re-expressed on a finer set of column boundaries.
import type { Cell } from "../../contracts/extraction.js";

export interface Alignment {
  /** The boundaries both tables are laid on. */
  xs: number[];
  /** For each boundary of the first table, its index in xs; likewise for the second. */
  mapA: number[];
  mapB: number[];
}

/** Given a boundary list and a value, return the index of the nearest boundary. */
function nearestIndex(bounds: readonly number[], x: number): number {
  let best = 0;
  bounds.forEach((b, i) => {
    if (Math.abs(b - x) < Math.abs(bounds[best]! - x)) best = i;
  });
  return best;
}

/** Given two sorted boundary lists, return the finer list when it holds every boundary of the other within the tolerance, else null. */
export function alignRuled(a: readonly number[], b: readonly number[], tolerance: number): Alignment | null {
  const [fine, coarse] = a.length >= b.length ? [a, b] : [b, a];
  if (Math.abs(fine[0]! - coarse[0]!) > tolerance || Math.abs(fine.at(-1)! - coarse.at(-1)!) > tolerance) return null;
  if (coarse.some((x) => !fine.some((y) => Math.abs(x - y) <= tolerance))) return null;
  const xs = [...fine];
  const toFine = (list: readonly number[]) => list.map((x) => nearestIndex(xs, x));
  return { xs, mapA: toFine(a), mapB: toFine(b) };
}

/**
 * Given the boundaries of a table and of its continuation on a page printed or scanned at another
 * scale or with other margins (scans: each sheet lies differently on the glass), return their
 * alignment in the first table's frame: the second's boundaries mapped linearly so that the outer
 * edges meet, when the scales differ by at most `maxZoom`; else null.
 */
export function alignScaled(
  a: readonly number[],
  b: readonly number[],
  tolerance: number,
  maxZoom: number,
): Alignment | null {
  const widthA = a.at(-1)! - a[0]!;
  const widthB = b.at(-1)! - b[0]!;
  if (widthA <= 0 || widthB <= 0 || Math.abs(widthA / widthB - 1) > maxZoom) return null;
  const mapped = b.map((x) => a[0]! + ((x - b[0]!) * widthA) / widthB);
  const aligned = alignRuled(a, mapped, tolerance);
  return aligned;
}

/** Column boundaries of a borderless table, each with the whitespace range it may lie in. */
export interface StreamColumns {
  xs: number[];
  ranges: [number, number][];
}

/**
 * Given the columns of a borderless table and of its continuation, return the first table's
 * boundaries when each inner boundary of the continuation can lie where one of them can (their
 * whitespace ranges meet) and its outer edges lie within the first table. Outer edges of a
 * borderless table are where its text ends, so a page whose first or last column is empty is
 * narrower (liuzhou.borderless.pdf p. 2).
 */
export function alignStream(a: StreamColumns, b: StreamColumns, slack: number): Alignment | null {
  // Outer edges are where text happens to end: they may stick out by a few points.
  const xs = [Math.min(a.xs[0]!, b.xs[0]!), ...a.xs.slice(1, -1), Math.max(a.xs.at(-1)!, b.xs.at(-1)!)];
  if (xs[0]! < a.xs[0]! - 4 * slack || xs.at(-1)! > a.xs.at(-1)! + 4 * slack) return null;
  const meets = (j: number, range: [number, number]) =>
    range[0] <= a.ranges[j]![1] + slack && range[1] >= a.ranges[j]![0] - slack;
  const mapB = b.xs.map((x, i) => {
    if (i === 0)
      return Math.max(
        0,
        xs.findIndex((_, j) => j < xs.length - 1 && x < xs[j + 1]! - slack),
      );
    if (i === b.xs.length - 1) return xs.findIndex((y, j) => j > 0 && y >= x - slack);
    const j = xs.findIndex((_, k) => k > 0 && k < xs.length - 1 && meets(k, b.ranges[i]!));
    return j;
  });
  if (mapB.some((m, i) => m < 0 || (i > 0 && m <= mapB[i - 1]!))) return null;
  return { xs: [...xs], mapA: xs.map((_, i) => i), mapB };
}

/** Given two tables' boundary ranges and how the second maps onto the first, return the first's ranges narrowed where both agree. */
export function narrowRanges(
  a: [number, number][],
  b: [number, number][],
  mapB: readonly number[],
): [number, number][] {
  const out = a.map((r) => [...r] as [number, number]);
  mapB.forEach((j, i) => {
    if (i === 0 || i === mapB.length - 1 || j === 0 || j === a.length - 1) return;
    const lo = Math.max(out[j]![0], b[i]![0]);
    const hi = Math.min(out[j]![1], b[i]![1]);
    if (lo <= hi) out[j] = [lo, hi];
  });
  return out;
}

/** Given dense rows and the index of each of their boundaries among `width + 1` target boundaries, return the rows laid on the target (spans widened). */
export function rowsOnBoundaries(rows: (Cell | null)[][], map: readonly number[], width: number): (Cell | null)[][] {
  if (map.every((m, i) => m === i) && map.length === width + 1) return rows;
  const out: (Cell | null)[][] = rows.map(() => Array<Cell | null>(width).fill(null));
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell) return;
      const c0 = map[c]!;
      const c1 = map[c + cell.colSpan]!;
      out[r]![c0] = { ...cell, colSpan: Math.max(1, c1 - c0) };
    });
  });
  // Positions no cell reaches (a column the page left empty) get empty cells.
  const covered = out.map((row) => row.map(() => false));
  out.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell)
        for (let i = r; i < r + cell.rowSpan && i < out.length; i++)
          for (let j = c; j < c + cell.colSpan; j++) covered[i]![j] = true;
    }),
  );
  out.forEach((row, r) =>
    row.forEach((_, c) => {
      if (!covered[r]![c]) row[c] = { text: "", rowSpan: 1, colSpan: 1, box: null };
    }),
  );
  return out;
}
