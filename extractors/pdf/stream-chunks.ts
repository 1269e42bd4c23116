// Borderless tables, part zero: lines -> chunks, cut only where the table's whitespace says a
// column ends. A gap in a line as wide as a column gap may still lie inside a cell: LibreOffice
// sets digits apart from ideographs ("大于或等于 95%得满分" wrapped in a criterion cell), and
// a table without padding leaves gutters as narrow as that gap (0.76 em between 三级指标 and
// 指标内容 in a Writer table without borders). The lines around tell them apart: a column gutter
// stays empty on the lines above and below, a gap inside a cell is written over by the cell's
// other lines.
import { glyphsToLine, lineToChunks, type Line } from "./lines.js";

export interface ChunkSettings {
  /** A gap at least this wide (in ems) may separate two cells. */
  gapEm: number;
  /** Gaps wider than this (in ems) always separate cells: no gap inside a line of text is as wide. */
  bridgeEm: number;
  /** How far above and below a line (in ems) the lines that judge its gaps may stand. */
  windowEm: number;
  /** How many of the nearest lines that tell judge a gap. */
  voters: number;
}

/** Given a line's chunks, return the gaps between neighbours, left to right. */
function chunkGaps(chunks: readonly Line[]): [number, number][] {
  return chunks.slice(1).map((c, i) => [chunks[i]!.box.x1, c.box.x0]);
}

/**
 * Given two neighbouring chunks of a line and the chunks of another line, return what that line
 * says of the gap [a, b] between them: "fills" when one of its chunks runs across the whole gap
 * as a line of the same cell would, "empty" when it has
 * text within `reach` on both sides and none in the gap (a gutter), else null (it says nothing:
 * too short, or a longer label reaching into the gap but stopping short of the next column).
 */
function verdict(left: Line, right: Line, chunks: readonly Line[], reach: number): "fills" | "empty" | null {
  const [a, b] = [left.box.x1, right.box.x0];
  const core: [number, number] = [a + 0.1 * (b - a), b - 0.1 * (b - a)];
  const size = left.size;
  // Lines of one cell start at its left edge, or are centred on its middle; a text running on
  // from further left (a cell spanning more columns, a paragraph under the table) is no evidence.
  const sameCell = (c: Line) =>
    Math.abs(c.box.x0 - left.box.x0) <= size ||
    (c.box.x0 <= left.box.x0 &&
      c.box.x1 >= right.box.x1 &&
      Math.abs(c.box.x0 + c.box.x1 - left.box.x0 - right.box.x1) <= 2 * size);
  if (chunks.some((c) => c.box.x0 <= core[0] && c.box.x1 >= core[1] && sameCell(c))) return "fills";
  if (chunks.some((c) => c.box.x1 > core[0] && c.box.x0 < core[1])) return null;
  const before = chunks.some((c) => c.box.x1 <= a + 0.5 && c.box.x1 >= a - reach);
  const after = chunks.some((c) => c.box.x0 >= b - 0.5 && c.box.x0 <= b + reach);
  return before && after ? "empty" : null;
}

/**
 * Given the upright lines of a page, return their chunks: each line cut at its gaps of `gapEm`
 * or more, except a gap narrower than `bridgeEm` that the lines within `windowEm` above and below
 * write over more often than they leave empty.
 */
export function linesToChunks(lines: readonly Line[], settings: ChunkSettings): Line[] {
  const split = lines.map((l) => lineToChunks(l, settings.gapEm));
  const order = lines.map((_, i) => i).sort((i, j) => lines[i]!.base - lines[j]!.base);
  const out: Line[] = [];
  order.forEach((i, at) => {
    const line = lines[i]!;
    const chunks = split[i]!;
    if (chunks.length < 2) {
      out.push(...chunks);
      return;
    }
    const window = settings.windowEm * line.size;
    const near: [number, Line[]][] = [];
    for (let k = at - 1; k >= 0 && line.base - lines[order[k]!]!.base <= window; k--)
      near.push([line.base - lines[order[k]!]!.base, split[order[k]!]!]);
    for (let k = at + 1; k < order.length && lines[order[k]!]!.base - line.base <= window; k++)
      near.push([lines[order[k]!]!.base - line.base, split[order[k]!]!]);
    near.sort((x, y) => x[0] - y[0]);
    let group = [chunks[0]!];
    chunkGaps(chunks).forEach(([a, b], g) => {
      const [left, right] = [joinChunks(group), chunks[g + 1]!];
      const votes: ("fills" | "empty")[] = [];
      // The nearest lines that say something decide: lines further off belong to other rows.
      for (const [, n] of b - a < settings.bridgeEm * line.size ? near : []) {
        const v = verdict(left, right, n, 3 * line.size);
        if (v && votes.push(v) >= settings.voters) break;
      }
      const fills = votes.filter((v) => v === "fills").length;
      if (fills === 0 || fills <= votes.filter((v) => v === "empty").length) {
        out.push(joinChunks(group));
        group = [];
      }
      group.push(chunks[g + 1]!);
    });
    out.push(joinChunks(group));
  });
  return out;
}

/** Given neighbouring chunks of one line, return them as one chunk. */
function joinChunks(chunks: readonly Line[]): Line {
  return chunks.length === 1 ? chunks[0]! : glyphsToLine(chunks.flatMap((c) => c.glyphs));
}
