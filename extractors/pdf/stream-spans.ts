// Borderless tables, part three: row headers merged down their rows. Without rules a merged label
// is printed once, centred over the rows it covers (or at the top of its part of the page when the
// merged cell runs on to the next page), and the other rows are blank in its column. Row headers
// stand left of a table's dense columns and tile their rows: every row belongs to one label, as
// with 一级/二级指标 (level-1/level-2 indicator) columns. For such a column the tiling that centres
// each label best, found by dynamic programming over the rows, gives the labels their row spans.
// Only tables whose cells are centred vertically are read this way: in a top-aligned table a
// label heads its rows, and the blank rows below it already say what it covers.
import { overlap } from "./geometry.js";

/** Where one block goes in the grid, and where its text stands on the page. */
export interface Placement {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  /** The block's text on the page, and its font size. */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  size: number;
}

/** A row's vertical extent, taken from its cells other than row headers. */
interface Band {
  top: number;
  bottom: number;
  /** The row holds only row headers: a label standing between two rows, not a row of the table. */
  labelsOnly: boolean;
}

/** A label to place, with the rows its text stands on. */
interface Label {
  p: Placement;
  first: number;
  last: number;
}

export interface SpanSettings {
  /** How far, in ems, a label may stand from the middle of the rows it is given. */
  centreEm: number;
}

const BLANK_RUN_COST = 0.3; // a run of blank rows under no label (a cell continued from the page before, or blank)
const TOP_COST = 0.1; // a label at the top of its rows rather than centred: only for a cell continued on the next page

const centre = (p: Placement) => (p.y0 + p.y1) / 2;

/** Given placements, return how cells stand in their rows: "top" when cells of different heights in a row start level, "middle" when their middles are level, null when no row tells. */
export function placementsToAlignment(placements: readonly Placement[]): "top" | "middle" | null {
  let top = 0;
  let middle = 0;
  for (const row of groupByRow(placements.filter((p) => p.rowSpan === 1 && p.text !== "")).values()) {
    row.forEach((a, i) =>
      row.slice(i + 1).forEach((b) => {
        const size = Math.min(a.size, b.size);
        if (Math.abs(a.y1 - a.y0 - (b.y1 - b.y0)) < 0.8 * size) return;
        if (Math.abs(a.y0 - b.y0) <= 0.25 * size) top++;
        else if (Math.abs(centre(a) - centre(b)) <= 0.25 * size) middle++;
      }),
    );
  }
  return top === 0 && middle === 0 ? null : top > middle ? "top" : "middle";
}

function groupByRow(placements: readonly Placement[]): Map<number, Placement[]> {
  const rows = new Map<number, Placement[]>();
  for (const p of placements) rows.set(p.row, [...(rows.get(p.row) ?? []), p]);
  return rows;
}

/** Given placements, a column and the row count, return the runs of rows where no placement from a column to its left covers it. */
function columnRuns(placements: readonly Placement[], col: number, rowCount: number): [number, number][] {
  const covered = new Array<boolean>(rowCount).fill(false);
  for (const p of placements) {
    if (p.col < col && p.col + p.colSpan > col)
      for (let r = p.row; r < Math.min(rowCount, p.row + p.rowSpan); r++) covered[r] = true;
  }
  const runs: [number, number][] = [];
  covered.forEach((c, r) => {
    if (c) return;
    const last = runs[runs.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else runs.push([r, r]);
  });
  return runs;
}

/**
 * Given placements, a column and a run of rows, return whether the column stands among the row
 * headers there: no column to its left holds text on half of those rows or more (three rows at
 * least). Row headers come before the columns filled on every row; a column of sparse notes
 * right of the indicator names (偏差原因 deviation notes) does not.
 */
function amongRowHeaders(placements: readonly Placement[], col: number, [a, b]: [number, number]): boolean {
  for (let c = 0; c < col; c++) {
    const texts = new Set(
      placements.filter((p) => p.col === c && p.text !== "" && p.row >= a && p.row <= b).map((p) => p.row),
    ).size;
    if (texts >= 3 && texts >= 0.5 * (b - a + 1)) return false;
  }
  return true;
}

/** Given placements, one of them and its column's run, return whether a row next to it in the run is blank in its column (it may be merged over that row). */
function besideBlank(placements: readonly Placement[], p: Placement, [a, b]: [number, number]): boolean {
  const filled = (row: number) =>
    placements.some((q) => q.col === p.col && q.text !== "" && q.row <= row && row < q.row + q.rowSpan);
  const below = p.row + p.rowSpan;
  return (p.row > a && !filled(p.row - 1)) || (below <= b && !filled(below));
}

/** Given placements, the row headers that may be merged over other rows and the row count, return each row's band from its other cells (from all of them when it has no other). */
function rowsToBands(placements: readonly Placement[], headers: ReadonlySet<Placement>, rowCount: number): Band[] {
  const byRow = groupByRow(placements);
  return Array.from({ length: rowCount }, (_, r) => {
    const all = byRow.get(r) ?? [];
    const mine = all.filter((p) => !headers.has(p) && p.rowSpan === 1);
    const from = mine.length ? mine : all;
    return {
      top: Math.min(...from.map((p) => p.y0)),
      bottom: Math.max(...from.map((p) => p.y1)),
      labelsOnly: mine.length === 0,
    };
  });
}

/** Given a label, the bands and a run, return the rows of the run its text stands on (its own row when it stands between rows). */
function labelRows(p: Placement, bands: readonly Band[], [a, b]: [number, number]): [number, number] {
  const on: number[] = [];
  for (let r = a; r <= b; r++) if (overlap(bands[r]!.top, bands[r]!.bottom, p.y0, p.y1) >= 0.3 * p.size) on.push(r);
  return on.length ? [on[0]!, on[on.length - 1]!] : [p.row, p.row];
}

/** What the other columns say of a run's rows: where a group may start (a row header's groups nest in those of the column to its right), and which rows hold text left of the column. */
export interface Neighbours {
  opens: readonly boolean[];
  headed: readonly boolean[];
}

/** Given a label, the bands, its rows [from, to], the run's last row and the neighbours, return the cost in ems of giving it those rows, Infinity past the tolerance. */
function spanCost(
  label: Label,
  bands: readonly Band[],
  [from, to]: [number, number],
  end: number,
  around: Neighbours,
  settings: SpanSettings,
): number {
  const { p } = label;
  // A row of labels alone is no row of the table: rows of the table bound a merged cell.
  if ((bands[from]!.labelsOnly || bands[to]!.labelsOnly) && from !== to) return Infinity;
  let cost = Math.abs(centre(p) - (bands[from]!.top + bands[to]!.bottom) / 2) / p.size;
  // A merged cell cut by the page end is filled from the top of its part on this page; the rows
  // it runs on over start no new row of a column to its left.
  const continued = to === end && from === label.first && !around.headed.slice(from + 1, to + 1).some(Boolean);
  if (continued) cost = Math.min(cost, Math.abs(p.y0 - bands[from]!.top) / p.size + TOP_COST);
  return cost <= settings.centreEm ? cost : Infinity;
}

/** A column's tiling of one run: each label's rows, the runs of rows under no label, and the rows where a group of rows starts. */
interface Tiling {
  spans: [number, number][];
  blanks: [number, number][];
  starts: number[];
}

/**
 * Given the labels of a run in order, the bands, the run and what the other columns say of its
 * rows, return the tiling of least cost,
 * or null when none fits: labels in order, each over rows that hold its text and centred on them,
 * and runs of rows under no label at a cost each, so that a label centred over blank rows takes them.
 */
export function tileRun(
  labels: readonly Label[],
  bands: readonly Band[],
  [a, b]: [number, number],
  around: Neighbours,
  settings: SpanSettings,
): Tiling | null {
  const k = labels.length;
  const opensAt = (p: number) => p === a || around.opens[p] !== false;
  // best[i][p - a]: least cost of covering rows p..b with labels i..; choice: the group's last row, and whether a label takes it.
  const best = Array.from({ length: k + 1 }, () => new Array<number>(b - a + 2).fill(Infinity));
  const choice = Array.from({ length: k + 1 }, () => new Array<[number, boolean]>(b - a + 2));
  best[k]![b + 1 - a] = 0;
  for (let p = b; p >= a; p--) {
    for (let i = k; i >= 0; i--) {
      let cost = Infinity;
      let pick: [number, boolean] = [-1, false];
      const blankEnd = i < k ? labels[i]!.first - 1 : b;
      // Rows of labels alone may stay blank in this column for free: they are dropped.
      for (let q = p, loose = true; q <= blankEnd; q++) {
        loose &&= bands[q]!.labelsOnly;
        const c = loose ? best[i]![q + 1 - a]! : opensAt(p) ? BLANK_RUN_COST + best[i]![q + 1 - a]! : Infinity;
        if (c < cost) [cost, pick] = [c, [q, false]];
      }
      if (i < k && p <= labels[i]!.first && opensAt(p)) {
        const last = i + 1 < k ? labels[i + 1]!.first - 1 : b;
        for (let q = labels[i]!.last; q <= last; q++) {
          const c = spanCost(labels[i]!, bands, [p, q], b, around, settings) + best[i + 1]![q + 1 - a]!;
          if (c < cost) [cost, pick] = [c, [q, true]];
        }
      }
      best[i]![p - a] = cost;
      choice[i]![p - a] = pick;
    }
  }
  if (!Number.isFinite(best[0]![0]!)) return null;
  const tiling: Tiling = { spans: [], blanks: [], starts: [] };
  for (let i = 0, p = a; p <= b;) {
    const [q, labelled] = choice[i]![p - a]!;
    const loose = !labelled && bands.slice(p, q + 1).every((band) => band.labelsOnly);
    if (labelled) {
      tiling.spans.push([p, q]);
      i++;
    } else if (!loose) tiling.blanks.push([p, q]);
    if (!loose) tiling.starts.push(p);
    p = q + 1;
  }
  return tiling;
}

/** Given placements, a column and the row count, return the runs of rows where that column stands among the row headers. */
function rowHeaderRuns(placements: readonly Placement[], col: number, rowCount: number): [number, number][] {
  return columnRuns(placements, col, rowCount).filter((run) => amongRowHeaders(placements, col, run));
}

/** Given placements, a column, one of its runs and the bands, return its labels in order with the rows they stand on, or null when two stand on one row. */
function runToLabels(
  placements: readonly Placement[],
  col: number,
  run: [number, number],
  bands: readonly Band[],
): Label[] | null {
  const labels = placements
    .filter((p) => p.col === col && p.text !== "" && p.row >= run[0] && p.row <= run[1])
    .sort((x, y) => centre(x) - centre(y))
    .map((p): Label => {
      const [first, last] = labelRows(p, bands, run);
      return { p, first, last };
    });
  return labels.some((l, i) => i > 0 && l.first <= labels[i - 1]!.last) ? null : labels;
}

/** Given placements, a column's tiling of one run and the bands, apply it (in place) and return the placements it places, blank runs as empty cells among them. */
function applyTiling(
  placements: Placement[],
  col: number,
  labels: readonly Label[],
  tiling: Tiling,
  bands: readonly Band[],
): Placement[] {
  tiling.spans.forEach(([from, to], i) => {
    labels[i]!.p.row = from;
    labels[i]!.p.rowSpan = to - from + 1;
  });
  // A blank run is one cell too (the part of a merged cell continued from the page before).
  const blanks = tiling.blanks
    .filter(([from, to]) => to > from)
    .map(([from, to]): Placement => ({
      row: from,
      col,
      rowSpan: to - from + 1,
      colSpan: 1,
      text: "",
      x0: NaN,
      x1: NaN,
      y0: bands[from]!.top,
      y1: bands[to]!.bottom,
      size: labels[0]!.p.size,
    }));
  placements.push(...blanks);
  return [...labels.map((l) => l.p), ...blanks];
}

/**
 * Given placements, the column count and the row count, give row headers centred over blank rows
 * the rows they cover (in place), and return the placements so tiled and the rows left holding
 * nothing of their own (a label stood alone between two rows), to drop.
 */
export function spreadRowHeaders(
  placements: Placement[],
  width: number,
  rowCount: number,
  settings: SpanSettings,
): { tiled: Set<Placement>; drop: Set<number> } {
  if (placements.length === 0 || placementsToAlignment(placements) === "top")
    return { tiled: new Set(), drop: new Set() };
  const merged = new Set<Placement>();
  for (let col = 0; col < width; col++) {
    for (const run of rowHeaderRuns(placements, col, rowCount)) {
      for (const p of placements)
        if (p.col === col && p.row >= run[0] && p.row <= run[1] && besideBlank(placements, p, run)) merged.add(p);
    }
  }
  const bands = rowsToBands(placements, merged, rowCount);
  const tiled = new Set<Placement>();
  // Right to left: each column's groups must start where a group of the column to its right does.
  let opens: boolean[] = [];
  for (let col = width - 1; col >= 0; col--) {
    const next: boolean[] = [];
    const headed = new Array<boolean>(rowCount).fill(false);
    for (const p of placements) if (p.col < col && p.text !== "") headed[p.row] = true;
    for (const run of rowHeaderRuns(placements, col, rowCount)) {
      const labels = runToLabels(placements, col, run, bands);
      const tiling = labels?.length ? tileRun(labels, bands, run, { opens, headed }, settings) : null;
      if (!labels || !tiling) continue;
      for (const p of applyTiling(placements, col, labels, tiling, bands)) tiled.add(p);
      for (let r = run[0]; r <= run[1]; r++) next[r] = false;
      for (const r of tiling.starts) next[r] = true;
      // Rows left blank after the column's last label hold no merged cell (one continued on the
      // next page stands with its label on this one): groups of the column to the left may start
      // on any of them (a note row under the indicators, 偏差原因 | 无).
      for (let r = (tiling.spans.at(-1)?.[1] ?? run[1]) + 1; r <= run[1]; r++) next[r] = true;
    }
    opens = next;
  }
  const origins = new Set(placements.map((p) => p.row));
  return { tiled, drop: new Set(Array.from({ length: rowCount }, (_, r) => r).filter((r) => !origins.has(r))) };
}

/** Given placements and rows to drop, renumber the placements' rows and spans without them (in place). */
export function dropRows(placements: Placement[], drop: ReadonlySet<number>): void {
  if (drop.size === 0) return;
  const before = (row: number) => [...drop].filter((r) => r < row).length;
  for (const p of placements) {
    const inside = [...drop].filter((r) => r >= p.row && r < p.row + p.rowSpan).length;
    p.row -= before(p.row);
    p.rowSpan = Math.max(1, p.rowSpan - inside);
  }
}
