// Borderless tables, part one: chunks of text -> cell blocks -> rows. Without rules, a cell is a
// stack of chunks in one column: lines whose gap is a text line's, smaller than the gap between
// rows (which adds the cell padding twice), or lines that other columns show to share a row (a
// value centred across their gap). A block that stands beside two blocks lying one above the
// other spans rows (a merged label).
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

/** Given two chunks, return whether they stand in different columns (no shared width). */
function apart(a: Line, b: Line): boolean {
  return overlap(a.box.x0, a.box.x1, b.box.x0, b.box.x1) <= 0;
}

/**
 * Given a chunk, the chunk below it and all chunks, return what other columns say of the gap
 * between them. "line": a one-line cell of another column lies across the gap (a value centred
 * beside a wrapped name) more often than other columns start a line of their own level with the
 * lower chunk, which a label centred over two rows shows, its neighbours' values on each row. "row":
 * other columns hold lines level with each of the two, none across the gap, and the upper chunk
 * ends short of its column's edge. Else "unknown".
 */
function gapEvidence(above: Line, below: Line, sorted: readonly Line[]): Pair["evidence"] {
  const others = sorted.filter((c) => c !== above && c !== below && apart(c, above) && apart(c, below));
  const across = others.filter((c) => c.box.y0 < above.box.y1 - 0.5 && c.box.y1 > below.box.y0 + 0.5);
  const level = (line: Line, not: Line) =>
    others.filter((d) => !across.includes(d) && levelWith(d, line) && !touchesVertically(d, not));
  const atBelow = level(below, above).filter((d) => across.every((c) => apart(c, d)));
  // A full upper line is a wrap; a short one ends a cell when a column beside shows the row ending there.
  const full = fillsColumn(above, sorted);
  if (!full && splitBeside(above, below, others)) return "row";
  // More columns across the gap than starting a line at the lower chunk: the gap is inside a row.
  if (across.length) return across.length > atBelow.length ? "line" : "unknown";
  // Two wrapped cells side by side also put lines level with each other.
  if (atBelow.length && level(above, below).length && !full) return "row";
  // Nothing beside either line: the top or bottom of a cell taller than the rest of its row, whose
  // other cells stand centred beside its middle lines (a goal text wrapped over 60 lines).
  const beside = others.filter((d) => touchesVertically(d, above) || touchesVertically(d, below));
  return beside.every((d) => full && inParallelCell(d, above, below, beside, sorted)) ? "lone" : "unknown";
}

/**
 * Given two chunks one above the other and the chunks of other columns, return whether another
 * column ends a line just above their gap and starts one just below it, none of its own crossing
 * the gap, both standing off the two chunks' lines: values centred beside two wrapped cells.
 * Writer tables without padding set rows as close as lines, and labels merged over both rows
 * stand across the gap, so only such a column tells where one wrapped cell ends.
 */
function splitBeside(above: Line, below: Line, others: readonly Line[]): boolean {
  const mid = (above.box.y1 + below.box.y0) / 2;
  const off = (d: Line, line: Line) =>
    Math.abs((d.box.y0 + d.box.y1) / 2 - (line.box.y0 + line.box.y1) / 2) > 0.3 * line.size;
  const ups = others.filter((d) => d.box.y1 <= mid && d.box.y1 > above.box.y0 - 0.5 * above.size && off(d, above));
  return ups.some((u) =>
    others.some(
      (d) =>
        d.box.y0 >= mid &&
        d.box.y0 < below.box.y1 + 0.5 * below.size &&
        off(d, below) &&
        !apart(u, d) &&
        !others.some((c) => !apart(c, u) && c.box.y0 < mid && c.box.y1 > mid),
    ),
  );
}

/**
 * Given a chunk beside a pair of stacked chunks, that pair and the chunks beside it, return whether
 * it is a line of another wrapped cell running alongside: full to its column's edge, with a line of
 * its column level with each chunk of the pair (two long texts side by side, both taller than the
 * rest of their row).
 */
function inParallelCell(d: Line, above: Line, below: Line, beside: readonly Line[], sorted: readonly Line[]): boolean {
  const column = beside.filter((e) => !apart(e, d));
  return (
    fillsColumn(d, sorted) &&
    column.some((e) => levelWith(e, above)) &&
    column.some((e) => levelWith(e, below)) &&
    column.every((e) => levelWith(e, above) || levelWith(e, below))
  );
}

/** Given two chunks, return whether the first stands on the second's line (sharing half its height). */
function levelWith(d: Line, line: Line): boolean {
  return overlap(d.box.y0, d.box.y1, line.box.y0, line.box.y1) > 0.5 * line.size;
}

/** Given two chunks, return whether their heights overlap at all. */
function touchesVertically(a: Line, b: Line): boolean {
  return overlap(a.box.y0, a.box.y1, b.box.y0, b.box.y1) > 0;
}

/**
 * Given a chunk and all chunks, return whether it reaches the right edge of its column (within an
 * em), as a wrapped line does: the furthest that nearby lines starting where it starts reach. A
 * header centred over two columns (数量指标 over 年度指标内容 and 完成情况) starts elsewhere and
 * tells nothing of this column's edge.
 */
function fillsColumn(chunk: Line, sorted: readonly Line[]): boolean {
  let right = chunk.box.x1;
  for (const c of sorted) {
    const near = Math.abs(c.box.y0 - chunk.box.y0) < 15 * chunk.size;
    if (near && Math.abs(c.box.x0 - chunk.box.x0) <= 0.5 * chunk.size) right = Math.max(right, c.box.x1);
  }
  return chunk.box.x1 >= right - chunk.size;
}

interface Pair {
  above: Line;
  below: Line;
  gap: number;
  /** "lone": nothing stands beside either chunk; joined when the gap is a line gap, but not taken to measure one. */
  evidence: "line" | "row" | "lone" | "unknown";
}

/** Given the vertical pairs of chunks, return the largest gap seen between the wrapped lines of one cell (a little over), or -1 when there are no pairs. */
function lineGapOf(pairs: readonly Pair[]): number {
  const lines = pairs
    .filter((p) => p.evidence === "line")
    .map((p) => p.gap)
    .sort((a, b) => a - b);
  if (lines.length) return lines[Math.floor(lines.length * 0.9)]! + 0.5;
  // No line crossed by another column: the commonest small gap is the line gap.
  const seen = smallestRepeated(pairs.map((p) => p.gap));
  return seen === null ? -1 : seen + 0.5;
}

/** Given gaps, return the smallest that occurs twice or more (to half a point), else the smallest. */
function smallestRepeated(gaps: readonly number[]): number | null {
  const rounded = gaps.map((g) => Math.round(g * 2) / 2).sort((a, b) => a - b);
  return rounded.find((g, i) => rounded[i + 1] === g) ?? rounded[0] ?? null;
}

/**
 * Given the vertical pairs of chunks and the font size, return the largest gap taken for a line
 * gap inside a cell without other evidence, or -1 when gaps cannot tell lines from rows. Rows add
 * the cell padding twice to the line gap (3.6 pt against 9.6 pt in liuzhou.borderless.pdf, 5.2
 * against 7.2 in LibreOffice's rendering of liuzhou.docx without borders); in a table drawn
 * without padding, rows stand as close as wrapped lines and only the pairs with evidence join.
 */
export function lineGapLimit(pairs: readonly Pair[], size: number): number {
  const lines = pairs
    .filter((p) => p.evidence === "line")
    .map((p) => p.gap)
    .sort((a, b) => a - b);
  const line = lines.length
    ? lines[Math.floor(lines.length * 0.9)]!
    : [...pairs.map((p) => p.gap)].sort((a, b) => a - b)[Math.floor(pairs.length * 0.1)];
  if (line === undefined) return -1;
  const margin = Math.max(1.5, 0.15 * size);
  const rowGaps = pairs.filter((p) => p.evidence === "row").map((p) => p.gap);
  const near = rowGaps.filter((g) => g < line + margin).length;
  const rows = smallestRepeated(pairs.map((p) => p.gap).filter((g) => g >= line + margin));
  // Rows seen standing as close as wrapped lines: no padding to tell them apart.
  if (rows === null || near > rowGaps.length - near) return -1;
  return (line + rows) / 2;
}

/**
 * Given chunks sorted top to bottom, return each chunk with the nearest chunk below in its column,
 * when that has it as its nearest above: of two chunks side by side above one, the one sharing
 * more of its width (a chunk joins one block only, or its text would be read twice).
 */
function verticalPairs(sorted: readonly Line[]): Pair[] {
  const pairs = candidatePairs(sorted);
  const shared = (p: Pair) => overlap(p.above.box.x0, p.above.box.x1, p.below.box.x0, p.below.box.x1);
  const best = new Map<Line, Pair>();
  for (const p of pairs) {
    const held = best.get(p.below);
    if (!held || shared(p) > shared(held)) best.set(p.below, p);
  }
  return pairs.filter((p) => best.get(p.below) === p);
}

/** Given chunks sorted top to bottom, return each chunk with the nearest chunk below in its column. */
function candidatePairs(sorted: readonly Line[]): Pair[] {
  const pairs: Pair[] = [];
  sorted.forEach((chunk, i) => {
    const below = chunkBelow(chunk, sorted, i);
    if (!below || below.box.y0 < chunk.box.y1 - 0.5 || Math.abs(below.size - chunk.size) > 0.15 * chunk.size) return;
    const between = sorted.some(
      (c) =>
        c !== chunk && !apart(c, below) && c.box.y1 <= below.box.y0 + 0.5 * below.size && c.box.y1 > chunk.box.y1 + 0.5,
    );
    if (!between)
      pairs.push({
        above: chunk,
        below,
        gap: Math.max(0, below.box.y0 - chunk.box.y1),
        evidence: gapEvidence(chunk, below, sorted),
      });
  });
  return pairs;
}

/** Given chunks on a page, return them stacked into cell blocks (wrapped lines of one cell joined). */
export function chunksToBlocks(chunks: readonly Line[]): StreamBlock[] {
  const sorted = [...chunks].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
  const pairs = verticalPairs(sorted);
  const limit = lineGapLimit(pairs, median(chunks.map((c) => c.size)));
  const lineGap = lineGapOf(pairs);
  const next = new Map(
    pairs
      .filter((p) => p.evidence === "line" || p.gap <= limit || (p.evidence === "lone" && p.gap <= lineGap))
      .map((p) => [p.above, p.below]),
  );
  const taken = new Set(next.values());
  const blocks: StreamBlock[] = [];
  for (const chunk of sorted) {
    if (taken.has(chunk)) continue;
    const block: StreamBlock = { chunks: [chunk], box: { ...chunk.box }, size: chunk.size };
    for (let below = next.get(chunk); below; below = next.get(below)) {
      block.chunks.push(below);
      block.box = {
        x0: Math.min(block.box.x0, below.box.x0),
        y0: block.box.y0,
        x1: Math.max(block.box.x1, below.box.x1),
        y1: below.box.y1,
      };
    }
    blocks.push(block);
  }
  return blocks;
}

/** Given a block and all blocks, return whether it stands beside two blocks that lie one above the other (it spans rows). */
export function spansRows(block: StreamBlock, blocks: readonly StreamBlock[]): boolean {
  const beside = blocks.filter(
    (b) =>
      b !== block &&
      overlap(b.box.y0, b.box.y1, block.box.y0, block.box.y1) > 0.5 &&
      overlap(b.box.x0, b.box.x1, block.box.x0, block.box.x1) <= 0,
  );
  return beside.some((a) =>
    beside.some((b) => b.box.y0 > a.box.y1 + 0.5 && a.box.x1 > b.box.x0 && b.box.x1 > a.box.x0),
  );
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
