// Borderless tables, part two: rows of blocks -> tables. A table is a run of rows most of which
// hold two or more blocks. Its columns come from whitespace: every gap between two neighbouring
// blocks of a row holds a column boundary, and the fewest boundaries that fall in every gap
// (the greedy stabbing of intervals) are the columns; a block over a boundary spans columns.
import type { Cell } from "../../src/extraction.js";
import type { PageTable } from "./assign.js";
import { lastAtOrBelow } from "./geometry.js";
import type { Glyph } from "./glyphs.js";
import { glyphsToLines, lineToChunks, linesToText } from "./lines.js";
import type { StreamSettings, TextSettings } from "./settings.js";
import { blocksToRows, chunksToBlocks, type StreamBlock, type StreamRow } from "./stream-blocks.js";

/** Given rows, return the runs (first and last index) that read as tables: enough rows of two or more blocks, and mostly such rows. */
export function rowsToRegions(rows: readonly StreamRow[], settings: StreamSettings): [number, number][] {
  const regions: [number, number][] = [];
  let start = -1;
  let multi = 0;
  const close = (end: number) => {
    let last = end;
    while (last > start && rows[last]!.blocks.length < 2) last--;
    // Most rows of a table hold two or more cells; a few gaps in running text do not make one
    // (LibreOffice's gap between digits and ideographs, wuhan.lo.pdf p. 5).
    if (multi >= settings.minRows && multi >= settings.minMultiShare * (last - start + 1)) regions.push([start, last]);
  };
  rows.forEach((row, i) => {
    const wide = row.blocks.length >= 2;
    const gap = i > 0 ? row.y0 - rows[i - 1]!.y1 : 0;
    const size = row.blocks[0]?.size ?? 10;
    if (start >= 0 && gap > 3 * size) (close(i - 1), (start = -1));
    if (start < 0 && wide) (start = i), (multi = 0);
    if (wide) multi++;
  });
  if (start >= 0) close(rows.length - 1);
  return regions;
}

/** Given rows of a table, return the gaps between neighbouring blocks of each row. */
function rowsToGaps(rows: readonly StreamRow[]): [number, number][] {
  return rows.flatMap((row) => row.blocks.slice(1).flatMap((b, i): [number, number][] => {
    const a = row.blocks[i]!;
    return b.box.x0 > a.box.x1 ? [[a.box.x1, b.box.x0]] : [];
  }));
}

/**
 * Given gaps (intervals), return the fewest boundaries such that every gap holds one, each with
 * the range it may lie in (the part common to the gaps it serves) and placed at that range's middle.
 */
export function gapsToBoundaries(gaps: [number, number][]): { x: number; range: [number, number] }[] {
  const sorted = [...gaps].sort((a, b) => a[1] - b[1]);
  const points: number[] = [];
  for (const [lo, hi] of sorted) if (!points.some((p) => p >= lo && p <= hi)) points.push(hi);
  return points.map((p) => {
    const served = gaps.filter(([lo, hi]) => p >= lo && p <= hi);
    const range: [number, number] = [Math.max(...served.map((g) => g[0])), Math.min(...served.map((g) => g[1]))];
    return { x: (range[0] + range[1]) / 2, range };
  }).sort((a, b) => a.x - b.x);
}

/** Given a block, return its text (its lines joined as one cell). */
function blockText(block: StreamBlock, settings: TextSettings): string {
  return linesToText([...block.chunks].sort((a, b) => a.base - b.base), settings);
}

/** Given a table's rows and its column boundaries, return the dense rows of cells. */
export function streamRowsToCells(rows: readonly StreamRow[], xs: number[], page: number, settings: TextSettings): (Cell | null)[][] {
  const width = xs.length - 1;
  const grid: (Cell | null)[][] = rows.map(() => Array<Cell | null>(width).fill(null));
  const taken = rows.map(() => Array<boolean>(width).fill(false));
  const edges = rows.map((r, i) => [i === 0 ? r.y0 : (rows[i - 1]!.y1 + r.y0) / 2, i === rows.length - 1 ? r.y1 : (r.y1 + rows[i + 1]!.y0) / 2] as const);
  rows.forEach((row, r) => {
    for (const block of row.blocks) {
      const c0 = Math.max(0, lastAtOrBelow(xs, block.box.x0));
      const c1 = Math.max(c0, Math.min(width - 1, lastAtOrBelow(xs, block.box.x1)));
      const rowSpan = Math.min(row.spans.get(block) ?? 1, rows.length - r);
      const text = blockText(block, settings);
      const existing = grid[r]![c0];
      if (existing) {
        existing.text += " " + text;
        continue;
      }
      if (taken[r]![c0]) continue;
      grid[r]![c0] = { text, rowSpan, colSpan: c1 - c0 + 1, box: { page, x0: xs[c0]!, x1: xs[c1 + 1]!, y0: edges[r]![0], y1: edges[r + rowSpan - 1]![1] } };
      for (let i = r; i < r + rowSpan; i++) for (let c = c0; c <= c1; c++) taken[i]![c] = true;
    }
  });
  rows.forEach((_, r) => {
    for (let c = 0; c < width; c++) {
      if (!taken[r]![c]) grid[r]![c] = { text: "", rowSpan: 1, colSpan: 1, box: { page, x0: xs[c]!, x1: xs[c + 1]!, y0: edges[r]![0], y1: edges[r]![1] } };
    }
  });
  return grid;
}

/** Given the rows of one table region, return the page table read from them. */
export function regionToTable(rows: StreamRow[], page: number, settings: TextSettings): PageTable {
  const blocks = rows.flatMap((r) => r.blocks);
  const x0 = Math.min(...blocks.map((b) => b.box.x0));
  const x1 = Math.max(...blocks.map((b) => b.box.x1));
  const inner = gapsToBoundaries(rowsToGaps(rows)).filter((b) => b.x > x0 && b.x < x1);
  const xs = [x0, ...inner.map((b) => b.x), x1];
  const cells = streamRowsToCells(rows, xs, page, settings);
  return {
    page, rows: cells, xs, method: "stream", ranges: [[x0, x0], ...inner.map((b) => b.range), [x1, x1]],
    rowTops: rows.map((r) => r.y0), rowBottoms: rows.map((r) => r.y1),
    box: { x0, x1, y0: rows[0]!.y0, y1: rows[rows.length - 1]!.y1 },
  };
}

/** Given the glyphs of a page without ruled tables, return the borderless tables found and the glyphs outside them. */
export function glyphsToStreamTables(glyphs: readonly Glyph[], page: number, stream: StreamSettings, text: TextSettings): { tables: PageTable[]; rest: Glyph[] } {
  const upright = glyphs.filter((g) => g.orient === 0);
  const chunks = glyphsToLines(upright, text).flatMap((l) => lineToChunks(l, stream.columnGapEm));
  const rows = blocksToRows(chunksToBlocks(chunks));
  const tables: PageTable[] = [];
  const used = new Set<Glyph>();
  for (const [first, last] of rowsToRegions(rows, stream)) {
    const table = regionToTable(rows.slice(first, last + 1), page, text);
    if (table.xs.length - 1 < stream.minColumns) continue;
    tables.push(table);
    for (const row of rows.slice(first, last + 1)) for (const b of row.blocks) for (const c of b.chunks) for (const g of c.glyphs) used.add(g);
  }
  return { tables, rest: glyphs.filter((g) => !used.has(g)) };
}
