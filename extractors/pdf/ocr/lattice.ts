// Lattice stage: ruling lines -> tables of cells. Segments that cross or touch form one table;
// their positions, clustered, are the table's row and column boundaries. Between two neighbouring
// positions a boundary is drawn or missing: a missing stretch joins the positions into one
// spanning cell (the same reading of a grid as a merged-cell table in a word processor).
import type { BinaryImage, PixelBox } from "./image.js";
import type { Segment } from "./rules.js";
import { sealBoxShare, sealInkShare } from "./seal-area.js";

/** Where seals lie on a page: their boxes, and their ink with its fringe. */
export interface Seals {
  boxes: PixelBox[];
  ink: BinaryImage | null;
}

const NO_SEALS: Seals = { boxes: [], ink: null };

/** A cell of a table found on the image, in grid positions and pixels. */
export interface LatticeCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  box: PixelBox;
}

export interface LatticeTable {
  xs: number[];
  ys: number[];
  cells: LatticeCell[];
  box: PixelBox;
  /** Positions whose boundaries could not be read as a rectangle: split into single cells. */
  irregular: number;
}

export interface LatticeSettings {
  /** Segment positions closer than this (pixels) are one boundary. */
  snap: number;
  /** Share of a boundary's length that must be drawn for it to count as present. */
  minCoverage: number;
  /** Narrowest row or column kept, in pixels (closer boundaries are one). */
  minCell: number;
  /** Share of each side of the outer frame that must be drawn. */
  minFrame: number;
  /** Smallest table, in pixels each way (strokes of a large title cross like rules, over a smaller area). */
  minSize: number;
}

/** Given segments, return them grouped into tables: segments that cross or touch (within `slack`) belong together. */
export function segmentsToGroups(segments: Segment[], slack: number): Segment[][] {
  const parent = segments.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  segments.forEach((a, i) => {
    segments.forEach((b, j) => {
      if (j <= i || a.horizontal === b.horizontal) return;
      const [h, v] = a.horizontal ? [a, b] : [b, a];
      if (v.at >= h.from - slack && v.at <= h.to + slack && h.at >= v.from - slack && h.at <= v.to + slack)
        parent[find(i)] = find(j);
    });
  });
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), s]));
  return [...groups.values()];
}

/** Given positions, return them clustered: positions within `snap` (and `minCell`) of the previous one join its cluster, whose mean is kept. */
export function clusterPositions(positions: number[], snap: number): number[] {
  const sorted = [...positions].sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const p of sorted) {
    const last = clusters[clusters.length - 1];
    if (last && p - last[last.length - 1]! <= snap) last.push(p);
    else clusters.push([p]);
  }
  return clusters.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

/** Given segments along one line (same direction, near `at`) and a stretch, return the share of the stretch they draw. */
export function coverage(segments: Segment[], at: number, from: number, to: number, snap: number): number {
  const pieces = segments
    .filter((s) => Math.abs(s.at - at) <= snap && s.to > from && s.from < to)
    .map((s) => [Math.max(from, s.from), Math.min(to, s.to)] as const)
    .sort((a, b) => a[0] - b[0]);
  let drawn = 0;
  let reach = from;
  for (const [a, b] of pieces) {
    if (b <= reach) continue;
    drawn += b - Math.max(a, reach);
    reach = b;
  }
  return to > from ? drawn / (to - from) : 0;
}

/** Given grid sizes and the two boundary tests, return for each position the id of the merged region it belongs to. */
function positionsToRegions(
  rows: number,
  cols: number,
  openRight: (r: number, c: number) => boolean,
  openDown: (r: number, c: number) => boolean,
): number[] {
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && openRight(r, c)) parent[find(r * cols + c)] = find(r * cols + c + 1);
      if (r + 1 < rows && openDown(r, c)) parent[find(r * cols + c)] = find((r + 1) * cols + c);
    }
  }
  return parent.map((_, i) => find(i));
}

/**
 * Given the sides' boundary positions and the segments, return them with outer positions that are
 * not framed dropped, worst first: a stray rule beside a table (a text's underline, a stroke of
 * worn print) widens the group by a boundary around which no frame is drawn. Returns null when no
 * framed grid of two cells or more remains.
 */
function trimToFrame(
  xs: number[],
  ys: number[],
  h: Segment[],
  v: Segment[],
  settings: LatticeSettings,
): { xs: number[]; ys: number[] } | null {
  while (xs.length >= 2 && ys.length >= 2 && (xs.length - 1) * (ys.length - 1) >= 2) {
    const [x0, x1, y0, y1] = [xs[0]!, xs[xs.length - 1]!, ys[0]!, ys[ys.length - 1]!];
    if (y1 - y0 < settings.minSize || x1 - x0 < settings.minSize) return null;
    const frame = [
      coverage(h, y0, x0, x1, settings.snap),
      coverage(h, y1, x0, x1, settings.snap),
      coverage(v, x0, y0, y1, settings.snap),
      coverage(v, x1, y0, y1, settings.snap),
    ];
    const worst = frame.indexOf(Math.min(...frame));
    // One side worn or under the seal is still a side when the other three are drawn.
    const short = frame.filter((f) => f < settings.minFrame).length;
    if (short === 0 || (short === 1 && frame[worst]! >= settings.minFrame / 2)) return { xs, ys };
    // A side of one cell's width is all the table has left there: dropping it would not find a frame.
    if (worst < 2 ? ys.length <= 2 : xs.length <= 2) return null;
    if (worst === 0) ys = ys.slice(1);
    else if (worst === 1) ys = ys.slice(0, -1);
    else if (worst === 2) xs = xs.slice(1);
    else xs = xs.slice(0, -1);
  }
  return null;
}

/**
 * Given the segments of one direction, a line of the grid (at), the positions along it, the
 * settings and the seals, return for each stretch between positions whether a boundary is drawn
 * there. Drawn is covered by rules, counting as covered what the seal's ink lies on (image.ts
 * removes print under it). A stretch under a seal not drawn so is decided by the same line beside
 * the seal: drawn when the nearest stretches outside it, on either side where the line goes on,
 * are drawn (a rule worn and crossed by the seal, whose pieces between its strokes are too short
 * to be found), and open otherwise (a seal over a cell that spans the line).
 */
function boundaryLine(
  segments: Segment[],
  horizontal: boolean,
  at: number,
  positions: number[],
  settings: LatticeSettings,
  seals: Seals,
): boolean[] {
  const stretches = positions.slice(1).map((to, k) => [positions[k]!, to] as const);
  const seen = stretches.map(
    ([from, to]) =>
      coverage(segments, at, from, to, settings.snap) +
        sealInkShare(seals.ink, horizontal, at, from, to, settings.snap) >=
      settings.minCoverage,
  );
  const under = stretches.map(
    ([from, to], k) => !seen[k] && sealBoxShare(seals.boxes, horizontal, at, from, to) >= 0.5,
  );
  return seen.map((drawn, k) => {
    if (drawn || !under[k]) return drawn;
    const beside = [-1, 1].flatMap((step) => {
      let j = k + step;
      while (j >= 0 && j < stretches.length && under[j]) j += step;
      return j >= 0 && j < stretches.length ? [seen[j]!] : [];
    });
    return beside.length > 0 && beside.every(Boolean);
  });
}

/** Given one table's segments, return its grid with spans, or null when it has fewer than two cells. */
export function groupToTable(
  group: Segment[],
  settings: LatticeSettings,
  seals: Seals = NO_SEALS,
): LatticeTable | null {
  const h = group.filter((s) => s.horizontal);
  const v = group.filter((s) => !s.horizontal);
  const framed = trimToFrame(
    clusterPositions(
      v.map((s) => s.at),
      Math.max(settings.snap, settings.minCell),
    ),
    clusterPositions(
      h.map((s) => s.at),
      Math.max(settings.snap, settings.minCell),
    ),
    h,
    v,
    settings,
  );
  // Strokes of large characters cross like rules, but never close into a frame around the whole group.
  if (!framed) return null;
  const { xs, ys } = framed;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  // Vertical boundaries line by line (the line at xs[c + 1], one stretch per row), then horizontal.
  const right = xs.slice(1, -1).map((x) => boundaryLine(v, false, x, ys, settings, seals));
  const down = ys.slice(1, -1).map((y) => boundaryLine(h, true, y, xs, settings, seals));
  const openRight = (r: number, c: number) => !right[c]![r];
  const openDown = (r: number, c: number) => !down[r]![c];
  const region = positionsToRegions(rows, cols, openRight, openDown);
  const members = new Map<number, [number, number][]>();
  region.forEach((id, i) => members.set(id, [...(members.get(id) ?? []), [Math.floor(i / cols), i % cols]]));
  const cells: LatticeCell[] = [];
  let irregular = 0;
  for (const positions of members.values()) {
    const r0 = Math.min(...positions.map((p) => p[0]));
    const r1 = Math.max(...positions.map((p) => p[0]));
    const c0 = Math.min(...positions.map((p) => p[1]));
    const c1 = Math.max(...positions.map((p) => p[1]));
    const rectangular = positions.length === (r1 - r0 + 1) * (c1 - c0 + 1);
    const spans = rectangular ? [[r0, c0, r1, c1]] : regionToRectangles(positions);
    if (!rectangular) irregular += positions.length;
    for (const [a, b, c, d] of spans as [number, number, number, number][]) {
      cells.push({
        row: a,
        col: b,
        rowSpan: c - a + 1,
        colSpan: d - b + 1,
        box: { x0: xs[b]!, y0: ys[a]!, x1: xs[d + 1]!, y1: ys[c + 1]! },
      });
    }
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { xs, ys, cells, irregular, box: { x0: xs[0]!, y0: ys[0]!, x1: xs[cols]!, y1: ys[rows]! } };
}

/**
 * Given the grid positions of a region that is not a rectangle (a rule lost at one end of a
 * boundary joins a cell to its neighbour's), return it as rectangles [row0, col0, row1, col1]: its
 * runs along rows or along columns, whichever are fewer. A heading row that a worn rule joins to
 * one cell below stays one cell (and the cell below another), where cutting it into its grid
 * positions cut its sentence into pieces.
 */
export function regionToRectangles(positions: [number, number][]): [number, number, number, number][] {
  const runs = (across: boolean): [number, number, number, number][] => {
    const key = (p: [number, number]) => (across ? p : ([p[1], p[0]] as [number, number]));
    const sorted = positions.map(key).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const out: [number, number, number, number][] = [];
    for (const [line, at] of sorted) {
      const last = out[out.length - 1];
      if (last && last[0] === line && last[3] === at - 1) last[3] = at;
      else out.push([line, at, line, at]);
    }
    return across ? out : out.map(([c, r0, , r1]) => [r0, c, r1, c]);
  };
  const byRows = runs(true);
  const byColumns = runs(false);
  return byColumns.length < byRows.length ? byColumns : byRows;
}

/** Given a page's rules and where seals lie, return its tables, top to bottom. */
export function segmentsToTables(
  segments: Segment[],
  settings: LatticeSettings,
  seals: Seals = NO_SEALS,
): LatticeTable[] {
  return segmentsToGroups(segments, settings.snap)
    .map((g) => groupToTable(g, settings, seals))
    .filter((t): t is LatticeTable => t != null)
    .sort((a, b) => a.box.y0 - b.box.y0);
}
