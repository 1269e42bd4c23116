// Borderless tables, columns: a table's column boundaries from its whitespace. Every gap between
// two neighbouring blocks of a row holds a boundary, and so does every gutter (a stretch of the
// table's width that no text of any row touches); the fewest boundaries that fall in all of them
// (the greedy stabbing of intervals) are the columns.
import type { StreamRow } from "./stream-blocks.js";

/** Given rows of a table, return the gaps between neighbouring blocks of each row. */
export function rowsToGaps(rows: readonly StreamRow[]): [number, number][] {
  return rows.flatMap((row) =>
    row.blocks.slice(1).flatMap((b, i): [number, number][] => {
      const a = row.blocks[i]!;
      return b.box.x0 > a.box.x1 ? [[a.box.x1, b.box.x0]] : [];
    }),
  );
}

/**
 * Given rows of a table and the narrowest column gap in ems, return the gutters: the stretches of
 * its width that no text of any row touches. A column empty in every row of the table but its
 * header (部门名称 over projects of no department) leaves no gap in any row beside both of its
 * neighbours, and only the whole table's whitespace shows it.
 */
export function rowsToGutters(rows: readonly StreamRow[], gapEm: number): [number, number][] {
  const spans = rows
    .flatMap((row) =>
      row.blocks.flatMap((b) => b.chunks.map((c): [number, number, number] => [c.box.x0, c.box.x1, c.size])),
    )
    .sort((a, b) => a[0] - b[0]);
  const gutters: [number, number][] = [];
  let reach = spans[0]?.[1] ?? 0;
  for (const [lo, hi, size] of spans) {
    if (lo - reach >= gapEm * size) gutters.push([reach, lo]);
    reach = Math.max(reach, hi);
  }
  return gutters;
}

/**
 * Given gaps (intervals), return the fewest boundaries such that every gap holds one, each with
 * the range it may lie in (the part common to the gaps it serves) and placed at that range's middle.
 */
export function gapsToBoundaries(gaps: [number, number][]): { x: number; range: [number, number] }[] {
  const sorted = [...gaps].sort((a, b) => a[1] - b[1]);
  const points: number[] = [];
  for (const [lo, hi] of sorted) if (!points.some((p) => p >= lo && p <= hi)) points.push(hi);
  return points
    .map((p) => {
      const served = gaps.filter(([lo, hi]) => p >= lo && p <= hi);
      const range: [number, number] = [Math.max(...served.map((g) => g[0])), Math.min(...served.map((g) => g[1]))];
      return { x: (range[0] + range[1]) / 2, range };
    })
    .sort((a, b) => a.x - b.x);
}
