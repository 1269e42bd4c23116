// Borderless tables, part one: chunks of text -> cell blocks -> rows. Without rules, a cell is a
// stack of chunks in one column whose line gap is a text line's, smaller than the gap between
// rows (which adds the cell padding twice: 3.6 pt against 9.6 pt in liuzhou.borderless.pdf).
// A block that stands beside two blocks lying one above the other spans rows (a merged label).
import { median, overlap, type Rect } from "./geometry.js";
import type { Line } from "./lines.js";

export interface StreamBlock {
  chunks: Line[];
  box: Rect;
  size: number;
}

export interface StreamRow {
  /** Blocks that start in this row, left to right. */
  blocks: StreamBlock[];
  /** For spanning blocks: how many rows they cover. */
  spans: Map<StreamBlock, number>;
  y0: number;
  y1: number;
}

/** Given a chunk, return the nearest chunk below it that shares some of its width, or null. */
function chunkBelow(chunk: Line, sorted: readonly Line[], from: number): Line | null {
  for (let i = from + 1; i < sorted.length; i++) {
    const other = sorted[i]!;
    if (other.box.y0 <= chunk.box.y0 + 0.5 * chunk.size) continue;
    if (overlap(chunk.box.x0, chunk.box.x1, other.box.x0, other.box.x1) > 0) return other;
  }
  return null;
}

/** Given a chunk, the chunk below it and all chunks, return whether a chunk of another column lies across the gap between them. */
function straddled(above: Line, below: Line, sorted: readonly Line[]): boolean {
  return sorted.some((c) => c !== above && c !== below && c.box.y0 < above.box.y1 - 0.5 && c.box.y1 > below.box.y0 + 0.5 &&
    overlap(c.box.x0, c.box.x1, above.box.x0, above.box.x1) <= 0 && overlap(c.box.x0, c.box.x1, below.box.x0, below.box.x1) <= 0);
}

/**
 * Given chunks, return the largest vertical gap that still separates two lines of one cell. A
 * one-line cell centred beside two lines shows that they share a row, so their gap is a line gap
 * (LibreOffice: 5.2 pt against 7.2 pt between rows, liuzhou.docx without borders); lacking
 * such a witness, the smallest gaps are taken for line gaps when the row gaps stand well apart.
 */
export function cellLineGap(chunks: readonly Line[]): number {
  const sorted = [...chunks].sort((a, b) => a.box.y0 - b.box.y0);
  const size = median(chunks.map((c) => c.size));
  const pairs = sorted.flatMap((c, i) => {
    const below = chunkBelow(c, sorted, i);
    return below && below.box.y0 >= c.box.y1 ? [{ gap: below.box.y0 - c.box.y1, witnessed: straddled(c, below, sorted) }] : [];
  });
  const witnessed = pairs.filter((p) => p.witnessed).map((p) => p.gap).sort((a, b) => a - b);
  if (witnessed.length) return witnessed[Math.floor(witnessed.length * 0.9)]! + 0.1 * size;
  const gaps = pairs.map((p) => p.gap).sort((a, b) => a - b);
  const smallest = gaps[Math.floor(gaps.length * 0.1)] ?? 0;
  // Line spacing inside a cell stays under ~1.6 lines; the padding a row adds is some 0.35 em at least.
  return Math.min(smallest + 0.35 * size, 0.6 * size);
}

/** Given chunks on a page, return them stacked into cell blocks (wrapped lines of one cell joined). */
export function chunksToBlocks(chunks: readonly Line[]): StreamBlock[] {
  const sorted = [...chunks].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
  const limit = cellLineGap(sorted);
  const blockOf = new Map<Line, StreamBlock>();
  const blocks: StreamBlock[] = [];
  sorted.forEach((chunk, i) => {
    let block = blockOf.get(chunk);
    if (!block) {
      block = { chunks: [chunk], box: { ...chunk.box }, size: chunk.size };
      blocks.push(block);
      blockOf.set(chunk, block);
    }
    const below = chunkBelow(chunk, sorted, i);
    if (!below || blockOf.has(below) || below.box.y0 - chunk.box.y1 > limit) return;
    if (Math.abs(below.size - chunk.size) > 0.15 * chunk.size) return;
    // The chunk below must have this chunk as its nearest one above, or it belongs to a neighbour.
    const above = sorted.filter((c) => c.box.y1 <= below.box.y0 + 0.5 * below.size && overlap(c.box.x0, c.box.x1, below.box.x0, below.box.x1) > 0);
    if (above.some((c) => c !== chunk && c.box.y1 > chunk.box.y1 + 0.5)) return;
    block.chunks.push(below);
    block.box = { x0: Math.min(block.box.x0, below.box.x0), y0: block.box.y0, x1: Math.max(block.box.x1, below.box.x1), y1: below.box.y1 };
    blockOf.set(below, block);
  });
  return blocks;
}

/** Given a block and all blocks, return whether it stands beside two blocks that lie one above the other (it spans rows). */
export function spansRows(block: StreamBlock, blocks: readonly StreamBlock[]): boolean {
  const beside = blocks.filter((b) => b !== block && overlap(b.box.y0, b.box.y1, block.box.y0, block.box.y1) > 0.5 && overlap(b.box.x0, b.box.x1, block.box.x0, block.box.x1) <= 0);
  return beside.some((a) => beside.some((b) => b.box.y0 > a.box.y1 + 0.5 && a.box.x1 > b.box.x0 && b.box.x1 > a.box.x0));
}

/** Given blocks, return rows: blocks that overlap vertically share a row; spanning blocks join the rows they cover. */
export function blocksToRows(blocks: readonly StreamBlock[]): StreamRow[] {
  const spanning = new Set(blocks.filter((b) => spansRows(b, blocks)));
  const rows: StreamRow[] = [];
  for (const block of [...blocks].filter((b) => !spanning.has(b)).sort((a, b) => a.box.y0 - b.box.y0)) {
    const row = rows[rows.length - 1];
    if (row && block.box.y0 < row.y1 - 0.5) {
      row.blocks.push(block);
      row.y1 = Math.max(row.y1, block.box.y1);
    } else rows.push({ blocks: [block], spans: new Map(), y0: block.box.y0, y1: block.box.y1 });
  }
  for (const block of spanning) {
    const covered = rows.filter((r) => overlap(r.y0, r.y1, block.box.y0, block.box.y1) > 0.5);
    const first = covered[0] ?? insertRow(rows, block);
    first.blocks.push(block);
    first.spans.set(block, Math.max(1, covered.length));
  }
  for (const row of rows) row.blocks.sort((a, b) => a.box.x0 - b.box.x0);
  return rows;
}

/** Given rows and a block that overlaps none of them, return a new row for it, kept in order. */
function insertRow(rows: StreamRow[], block: StreamBlock): StreamRow {
  const row: StreamRow = { blocks: [], spans: new Map(), y0: block.box.y0, y1: block.box.y1 };
  const at = rows.findIndex((r) => r.y0 > block.box.y0);
  rows.splice(at < 0 ? rows.length : at, 0, row);
  return row;
}
