// Cell stage: a lattice -> the table's grid and its cells. The grid's columns and rows are every
// distinct rule position, so the grid is the table as printed; two neighbouring grid cells form
// one (spanning) cell where the rule between them is missing (HTML's rowspan/colspan reading of a
// ruled table). A table without outer borders gets them from the ends of its inner rules.
import type { Rect } from "./geometry.js";
import type { Lattice, Rule } from "./lattice.js";
import type { LatticeSettings } from "./settings.js";

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  box: Rect;
}

export interface Grid {
  /** Column boundaries, left to right (columns + 1 values). */
  xs: number[];
  /** Row boundaries, top to bottom (rows + 1 values). */
  ys: number[];
  cells: GridCell[];
  box: Rect;
}

/** Given rule positions and the box edges, return sorted boundaries with those closer than the minimum cell size folded together. */
export function positionsToBoundaries(positions: number[], lo: number, hi: number, minCell: number): number[] {
  const sorted = [lo, ...positions, hi].sort((a, b) => a - b);
  const out: number[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last === undefined || p - last >= minCell) out.push(p);
    else if (p === hi) out[out.length - 1] = hi;
  }
  return out;
}

/** Given rules and boundaries, return for each boundary the rules lying on it. */
function rulesByBoundary(rules: Rule[], bounds: number[], tolerance: number): Rule[][] {
  const out: Rule[][] = bounds.map(() => []);
  for (const r of rules) {
    let best = -1;
    let dist = tolerance;
    bounds.forEach((b, i) => {
      const d = Math.abs(b - r.at);
      if (d <= dist) [best, dist] = [i, d];
    });
    if (best >= 0) out[best]!.push(r);
  }
  return out;
}

/** Given the rules on one boundary and a stretch along it, return the part of the stretch they cover (0..1). */
export function coverage(rules: Rule[], from: number, to: number): number {
  if (to <= from) return 1;
  let covered = 0;
  for (const r of rules) covered += Math.max(0, Math.min(r.to, to) - Math.max(r.from, from));
  return Math.min(1, covered / (to - from));
}

/** Given the grid size and which grid cells join, return each grid cell's group id, every group made rectangular. */
function joinsToGroups(
  rows: number,
  cols: number,
  joinRight: (r: number, c: number) => boolean,
  joinDown: (r: number, c: number) => boolean,
): number[] {
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const unite = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && joinRight(r, c)) unite(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && joinDown(r, c)) unite(r * cols + c, (r + 1) * cols + c);
    }
  }
  // A group that is not a rectangle (an L of missing rules) takes in its whole bounding rectangle.
  for (let changed = true; changed;) {
    changed = false;
    const bounds = new Map<number, [number, number, number, number]>();
    for (let i = 0; i < rows * cols; i++) {
      const g = find(i);
      const r = Math.floor(i / cols);
      const c = i % cols;
      const b = bounds.get(g);
      bounds.set(g, b ? [Math.min(b[0], r), Math.min(b[1], c), Math.max(b[2], r), Math.max(b[3], c)] : [r, c, r, c]);
    }
    for (const [g, [r0, c0, r1, c1]] of bounds) {
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          if (find(r * cols + c) === find(g)) continue;
          unite(r * cols + c, g);
          changed = true;
        }
      }
    }
  }
  return parent.map((_, i) => find(i));
}

/** Given a lattice, return its grid: boundaries from every rule, cells spanning where inner rules are missing. */
export function latticeToGrid(lattice: Lattice, settings: LatticeSettings): Grid {
  const { box } = lattice;
  const xs = positionsToBoundaries(
    lattice.verticals.map((v) => v.at),
    box.x0,
    box.x1,
    settings.minCellSize,
  );
  const ys = positionsToBoundaries(
    lattice.horizontals.map((h) => h.at),
    box.y0,
    box.y1,
    settings.minCellSize,
  );
  const tolerance = settings.snap + settings.minCellSize;
  const onX = rulesByBoundary(lattice.verticals, xs, tolerance);
  const onY = rulesByBoundary(lattice.horizontals, ys, tolerance);
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const joinRight = (r: number, c: number) => coverage(onX[c + 1]!, ys[r]!, ys[r + 1]!) < settings.edgeCoverage;
  const joinDown = (r: number, c: number) => coverage(onY[r + 1]!, xs[c]!, xs[c + 1]!) < settings.edgeCoverage;
  const groups = joinsToGroups(rows, cols, joinRight, joinDown);
  const spans = new Map<number, [number, number, number, number]>();
  groups.forEach((g, i) => {
    const r = Math.floor(i / cols);
    const c = i % cols;
    const s = spans.get(g);
    spans.set(g, s ? [s[0], s[1], Math.max(s[2], r), Math.max(s[3], c)] : [r, c, r, c]);
  });
  const cells: GridCell[] = [...spans.values()].map(([r0, c0, r1, c1]) => ({
    row: r0,
    col: c0,
    rowSpan: r1 - r0 + 1,
    colSpan: c1 - c0 + 1,
    box: { x0: xs[c0]!, y0: ys[r0]!, x1: xs[c1 + 1]!, y1: ys[r1 + 1]! },
  }));
  return { xs, ys, cells, box: { x0: xs[0]!, y0: ys[0]!, x1: xs[cols]!, y1: ys[rows]! } };
}
