// Borderless tables, part two: rows of blocks -> tables. A table is a run of rows most of which
// hold two or more blocks. Its columns come from whitespace (stream-columns.ts); a block over a
// boundary spans columns.
import type { Cell } from "../../contracts/extraction.js";
import type { PageTable } from "./assign.js";
import { median } from "./geometry.js";
import type { Glyph } from "./glyphs.js";
import { glyphsToLines, linesToText } from "./lines.js";
import { linesToChunks } from "./stream-chunks.js";
import type { StreamSettings, TextSettings } from "./settings.js";
import { blocksToRows, chunksToBlocks, type StreamBlock, type StreamRow } from "./stream-blocks.js";
import { gapsToBoundaries, rowsToGaps, rowsToGutters } from "./stream-columns.js";
import { liftLabelRows, spanOffCentreLabels, widenCentredLabels } from "./stream-header.js";
import { dropRows, placementsToAlignment, spreadRowHeaders, type Placement } from "./stream-spans.js";

/** Given rows, return the runs (first and last index) that read as tables: enough rows of two or more blocks, and mostly such rows. */
export function rowsToRegions(
  rows: readonly StreamRow[],
  settings: StreamSettings,
  headingScale = Infinity,
): [number, number][] {
  const regions: [number, number][] = [];
  // A row set larger than the body text is a heading: the title of the next form on the page.
  const body = median(rows.flatMap((row) => row.blocks.map((b) => b.size)));
  const heading = (row: StreamRow) => row.blocks.every((b) => b.size >= headingScale * body);
  let start = -1;
  let multi = 0;
  const close = (end: number) => {
    let last = end;
    while (last > start && rows[last]!.blocks.length < 2) last--;
    if (last < end && groupLabelAfter(rows, start, last)) last++;
    // Most rows of a table hold two or more cells; a few gaps in running text do not make one
    // (LibreOffice's gap between digits and ideographs, wuhan.lo.pdf p. 5).
    if (multi >= settings.minRows && multi >= settings.minMultiShare * (last - start + 1)) regions.push([start, last]);
  };
  rows.forEach((row, i) => {
    const wide = row.blocks.length >= 2;
    const gap = i > 0 ? row.y0 - rows[i - 1]!.y1 : 0;
    // A wide vertical gap ends a table (a heading or a paragraph break follows), as a heading does.
    if (start >= 0 && (gap > 3 * (row.blocks[0]?.size ?? 10) || heading(row))) {
      close(i - 1);
      start = -1;
    }
    if (heading(row)) return;
    if (start < 0 && wide) {
      start = i;
      multi = 0;
    }
    if (wide) multi++;
  });
  if (start >= 0) close(rows.length - 1);
  return regions;
}

/**
 * Given rows and a table's first and last row, return whether the row after it is the label of a
 * group of rows that continues on the next page ("年度目标4：…" printed as the last line of the page
 * in a Writer table without borders): one block starting at the table's left edge, as close to the
 * table as its rows stand to each other, and nothing close below it.
 */
function groupLabelAfter(rows: readonly StreamRow[], start: number, last: number): boolean {
  const row = rows[last + 1];
  const block = row?.blocks[0];
  if (!row || !block || row.blocks.length !== 1) return false;
  const left = Math.min(...rows.slice(start, last + 1).flatMap((r) => r.blocks.map((b) => b.box.x0)));
  const after = rows[last + 2];
  return (
    Math.abs(block.box.x0 - left) <= block.size &&
    row.y0 - rows[last]!.y1 <= 1.5 * block.size &&
    (!after || after.y0 - row.y1 > 3 * block.size)
  );
}

/** Given a block, return its text (its lines joined as one cell). */
function blockText(block: StreamBlock, settings: TextSettings): string {
  return linesToText(
    [...block.chunks].sort((a, b) => a.base - b.base),
    settings,
  );
}

/**
 * Given a table's rows and its column boundaries with the whitespace range each may lie in, return
 * each block's place: the columns it covers, cut short of the next block in its row. A block
 * starts right of a boundary when it starts inside or past that boundary's whitespace, and
 * reaches over it only when it ends past the whitespace: a header centred in its column may
 * start a little left of where the values below put the boundary (偏差原因分析及改进措施 in
 * tianjin.borderless.pdf).
 */
export function rowsToPlacements(
  rows: readonly StreamRow[],
  ranges: readonly (readonly [number, number])[],
  settings: TextSettings,
): Placement[] {
  const width = ranges.length - 1;
  const inner = ranges.slice(1, -1);
  return rows.flatMap((row, r) => {
    const spots = row.blocks.map((block) => {
      const c0 = Math.min(width - 1, inner.filter(([lo]) => lo < block.box.x0).length);
      const c1 = Math.max(c0, Math.min(width - 1, inner.filter(([, hi]) => hi < block.box.x1).length));
      return { block, c0, c1 };
    });
    return spots.map(({ block, c0, c1 }, i) => {
      const next = spots[i + 1];
      const end = next && next.c0 > c0 ? Math.min(c1, next.c0 - 1) : c1;
      const rowSpan = Math.min(row.spans.get(block) ?? 1, rows.length - r);
      return {
        row: r,
        col: c0,
        rowSpan,
        colSpan: end - c0 + 1,
        text: blockText(block, settings),
        ...block.box,
        size: block.size,
      };
    });
  });
}

/**
 * Given placements and the column boundaries, widen each one to the columns of the cell above or
 * below it when that cell spans more columns, the text stands centred in them,
 * and nothing else of the row lies under them: a short text centred in a cell two grid columns
 * wide touches only one of them ("0" under the 1328.43 of the row above in
 * liuzhou.borderless.pdf; the header "年度绩效目标" over the goals of tianjin.borderless.pdf).
 */
export function inheritColumnSpans(placements: Placement[], xs: readonly number[]): void {
  const byRow = new Map<number, Placement[]>();
  for (const p of placements) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
  const centredIn = (p: Placement, a: Placement) => {
    const [left, right] = [xs[a.col]!, xs[a.col + a.colSpan]!];
    return Math.abs((p.x0 + p.x1) / 2 - (left + right) / 2) <= 0.15 * (right - left);
  };
  const wideAt = (row: number, p: Placement) =>
    (byRow.get(row) ?? []).find(
      (a) =>
        a.colSpan > p.colSpan &&
        a.text !== "" &&
        a.col <= p.col &&
        p.col + p.colSpan <= a.col + a.colSpan &&
        centredIn(p, a),
    );
  for (const [row, mine] of [...byRow].sort((a, b) => a[0] - b[0])) {
    for (const p of mine) {
      if (p.rowSpan !== 1) continue;
      // The row above may hold a wide cell that others of this row also stand under (a text over
      // the whole table); then the row below may still hold the one this text heads.
      const alone = (wide: Placement) =>
        !mine.some((q) => q !== p && q.col < wide.col + wide.colSpan && q.col + q.colSpan > wide.col);
      const wide = [wideAt(row - 1, p), wideAt(row + 1, p)].find((w) => w !== undefined && alone(w));
      if (!wide) continue;
      p.col = wide.col;
      p.colSpan = wide.colSpan;
    }
  }
}

/**
 * Given placements and the rows' vertical edges, widen merged labels over the empty rows around
 * them while they stay centred: a label sits in the middle of its merged cell, so its text
 * covers only the middle rows ("部门预算安排资金(万元)" over six rows in liuzhou.borderless.pdf
 * covers two). Labels are taken top down; one does not take another's rows. One-line labels
 * stay put: a label on one row may be centred over three rows or head a column of rows below it,
 * and nothing on the page tells which.
 */
export function centreMergedLabels(
  candidates: readonly Placement[],
  edges: readonly (readonly [number, number])[],
  placements: readonly Placement[],
): void {
  const claimed = new Set<string>();
  const free = (row: number, p: Placement) =>
    row >= 0 &&
    row < edges.length &&
    !placements.some(
      (q) =>
        q !== p &&
        q.text !== "" &&
        q.row <= row &&
        row < q.row + q.rowSpan &&
        q.col < p.col + p.colSpan &&
        p.col < q.col + q.colSpan,
    ) &&
    ![...Array(p.colSpan).keys()].some((i) => claimed.has(`${row}:${p.col + i}`));
  const offCentre = (from: number, to: number, p: Placement) =>
    Math.abs((edges[from]![0] + edges[to]![1]) / 2 - (p.y0 + p.y1) / 2);
  const grow = (p: Placement) => {
    for (;;) {
      const [up, down] = [free(p.row - 1, p), free(p.row + p.rowSpan, p)];
      const last = p.row + p.rowSpan - 1;
      // Both ways only while it stays centred: a header label over blank body cells below it
      // (部门名称 over projects of no department) grows up to the top of the header alone.
      if (up && down && offCentre(p.row - 1, last + 1, p) <= offCentre(p.row, last, p) + 0.25 * p.size) {
        p.row--;
        p.rowSpan += 2;
      } else if (up && offCentre(p.row - 1, last, p) < offCentre(p.row, last, p)) {
        p.row--;
        p.rowSpan++;
      } else if (down && offCentre(p.row, last + 1, p) < offCentre(p.row, last, p)) p.rowSpan++;
      else break;
    }
    for (let r = p.row; r < p.row + p.rowSpan; r++)
      for (let c = p.col; c < p.col + p.colSpan; c++) claimed.add(`${r}:${c}`);
  };
  candidates
    .filter((q) => q.rowSpan > 1)
    .sort((a, b) => a.row - b.row)
    .forEach(grow);
}

/** Given placements, the column boundaries and the rows' vertical edges, return the dense rows of cells; a block landing on a taken place joins that cell's text. */
export function placementsToCells(
  placements: readonly Placement[],
  xs: number[],
  edges: (readonly [number, number])[],
  page: number,
): (Cell | null)[][] {
  const width = xs.length - 1;
  const owner: (Cell | null)[][] = edges.map(() => Array<Cell | null>(width).fill(null));
  const grid: (Cell | null)[][] = edges.map(() => Array<Cell | null>(width).fill(null));
  const origin = new Map<Cell, Placement>();
  for (const p of placements) {
    const taken = owner[p.row]![p.col];
    if (taken && origin.get(taken)!.row === p.row) {
      taken.text += (taken.text && p.text ? " " : "") + p.text;
      continue;
    }
    // A merged label guessed to reach down into a row that has a cell of its own stops above it.
    if (taken) shortenSpan(taken, origin.get(taken)!, p.row, owner);
    const last = p.row + p.rowSpan - 1;
    const cell: Cell = {
      text: p.text,
      rowSpan: p.rowSpan,
      colSpan: p.colSpan,
      box: { page, x0: xs[p.col]!, x1: xs[p.col + p.colSpan]!, y0: edges[p.row]![0], y1: edges[last]![1] },
    };
    grid[p.row]![p.col] = cell;
    origin.set(cell, p);
    for (let r = p.row; r <= last; r++) for (let c = p.col; c < p.col + p.colSpan; c++) owner[r]![c] ??= cell;
  }
  edges.forEach(([y0, y1], r) => {
    for (let c = 0; c < width; c++) {
      if (!owner[r]![c])
        grid[r]![c] = owner[r]![c] = {
          text: "",
          rowSpan: 1,
          colSpan: 1,
          box: { page, x0: xs[c]!, x1: xs[c + 1]!, y0, y1 },
        };
    }
  });
  return grid;
}

/** Given a cell spanning rows, where it was placed, and a row it must not reach, end its span above that row. */
function shortenSpan(cell: Cell, at: Placement, row: number, owner: (Cell | null)[][]): void {
  for (let r = row; r < at.row + cell.rowSpan; r++) {
    for (let c = at.col; c < at.col + cell.colSpan; c++) if (owner[r]![c] === cell) owner[r]![c] = null;
  }
  cell.rowSpan = row - at.row;
  if (cell.box) cell.box = { ...cell.box, y1: cell.box.y0 + (cell.box.y1 - cell.box.y0) * (cell.rowSpan / at.rowSpan) };
}

/** Given rows, return each row's vertical edges: halfway to its neighbours, its own text at the table's ends. */
function rowsToEdges(rows: readonly StreamRow[]): (readonly [number, number])[] {
  return rows.map(
    (r, i) =>
      [
        i === 0 ? r.y0 : (rows[i - 1]!.y1 + r.y0) / 2,
        i === rows.length - 1 ? r.y1 : (r.y1 + rows[i + 1]!.y0) / 2,
      ] as const,
  );
}

/** Given the rows of one table region, return the page table read from them. */
export function regionToTable(
  rows: StreamRow[],
  page: number,
  settings: TextSettings,
  stream: StreamSettings,
): PageTable {
  const blocks = rows.flatMap((r) => r.blocks);
  const x0 = Math.min(...blocks.map((b) => b.box.x0));
  const x1 = Math.max(...blocks.map((b) => b.box.x1));
  const inner = gapsToBoundaries([...rowsToGaps(rows), ...rowsToGutters(rows, stream.columnGapEm)]).filter(
    (b) => b.x > x0 && b.x < x1,
  );
  const xs = [x0, ...inner.map((b) => b.x), x1];
  const ranges: [number, number][] = [[x0, x0], ...inner.map((b) => b.range), [x1, x1]];
  const placements = rowsToPlacements(rows, ranges, settings);
  inheritColumnSpans(placements, xs);
  // Widened before row headers are tiled, so a total row's label centred across them (总分 over
  // the label and name columns) ends their runs; again at the end, over the spans tiled since.
  widenCentredLabels(placements, xs, true);
  const lifted = liftLabelRows(placements, rows.length);
  dropRows(placements, lifted);
  const unlifted = rows.filter((_, i) => !lifted.has(i));
  const { tiled, drop } = spreadRowHeaders(placements, xs.length - 1, unlifted.length, {
    centreEm: stream.labelCentreEm,
  });
  dropRows(placements, drop);
  const kept = unlifted.filter((_, i) => !drop.has(i));
  const edges = rowsToEdges(kept);
  if (placementsToAlignment(placements) !== "top") spanOffCentreLabels(placements, kept);
  centreMergedLabels(
    placements.filter((p) => !tiled.has(p)),
    edges,
    placements,
  );
  widenCentredLabels(placements, xs);
  return {
    page,
    rows: placementsToCells(placements, xs, edges, page),
    xs,
    method: "stream",
    ranges,
    rowTops: kept.map((r) => r.y0),
    rowBottoms: kept.map((r) => r.y1),
    box: { x0, x1, y0: rows[0]!.y0, y1: rows[rows.length - 1]!.y1 },
  };
}

/** Given the glyphs of a page without ruled tables, return the borderless tables found and the glyphs outside them. */
export function glyphsToStreamTables(
  glyphs: readonly Glyph[],
  page: number,
  stream: StreamSettings,
  text: TextSettings,
): { tables: PageTable[]; rest: Glyph[] } {
  const upright = glyphs.filter((g) => g.orient === 0);
  const chunks = linesToChunks(glyphsToLines(upright, text), {
    gapEm: stream.columnGapEm,
    bridgeEm: stream.bridgeEm,
    windowEm: stream.bridgeWindowEm,
    voters: stream.bridgeVoters,
  });
  const rows = blocksToRows(chunksToBlocks(chunks));
  const tables: PageTable[] = [];
  const used = new Set<Glyph>();
  for (const [first, last] of rowsToRegions(rows, stream, text.headingScale)) {
    const table = regionToTable(rows.slice(first, last + 1), page, text, stream);
    if (table.xs.length - 1 < stream.minColumns) continue;
    tables.push(table);
    for (const row of rows.slice(first, last + 1))
      for (const b of row.blocks) for (const c of b.chunks) for (const g of c.glyphs) used.add(g);
  }
  return { tables, rest: glyphs.filter((g) => !used.has(g)) };
}
