// Text block stage: glyphs outside tables -> headings and paragraphs in reading order. A line
// split by a wide gap ("填报单位：…        单位：万元") gives separate chunks; chunks stacked
// closely with overlapping extents form one paragraph; a larger or centred short line is a heading.
import type { Rect } from "./geometry.js";
import { median, overlap, union } from "./geometry.js";
import type { Glyph } from "./glyphs.js";
import { glyphsToLines, lineToChunks, linesToText, type Line } from "./lines.js";
import type { TextSettings } from "./settings.js";

/** A heading or paragraph; only its text and box are kept, so a page's glyphs are freed once it is read. */
export interface TextBlock {
  text: string;
  role: "heading" | "paragraph";
  box: Rect;
}

interface OpenBlock {
  lines: Line[];
  box: Rect;
  size: number;
  orient: number;
}

/** Given a paragraph so far, the next chunk and the right edge of full lines on the page, return whether the chunk continues the paragraph. */
export function continuesBlock(block: OpenBlock, chunk: Line, rightEdge: number, settings: TextSettings): boolean {
  if (chunk.orient !== block.orient || chunk.orient !== 0) return false;
  const size = Math.max(block.size, chunk.size);
  if (Math.abs(chunk.size - block.size) > 0.15 * size) return false;
  const last = block.lines[block.lines.length - 1]!;
  const gap = chunk.box.y0 - last.box.y1;
  if (gap > settings.paragraphGapEm * size || gap < -0.5 * size) return false;
  if (overlap(block.box.x0, block.box.x1, chunk.box.x0, chunk.box.x1) <= 0) return false;
  // A short last line ends a paragraph; an indented line starts the next (Chinese first-line indent).
  const lastShort = last.box.x1 < Math.max(block.box.x1, chunk.box.x1, rightEdge) - 3 * size;
  const indented = chunk.box.x0 > block.box.x0 + 1.5 * size;
  return !lastShort && !indented;
}

/** Given chunks of lines on a page, return the right edge of its full-width lines (where a paragraph's lines end). */
export function rightEdgeOf(chunks: readonly Line[], pageWidth: number): number {
  const wide = chunks.filter((c) => c.orient === 0 && c.box.x1 - c.box.x0 > pageWidth * 0.5);
  return wide.length ? median(wide.map((c) => c.box.x1)) : 0;
}

/** Given chunks of lines outside tables, return them grouped into paragraphs, top to bottom. */
export function chunksToParagraphs(chunks: Line[], rightEdge: number, settings: TextSettings): Line[][] {
  const sorted = [...chunks].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
  const open: OpenBlock[] = [];
  const done: OpenBlock[] = [];
  for (const chunk of sorted) {
    // Paragraphs whose bottom lies well above this chunk can take nothing more.
    for (let i = open.length - 1; i >= 0; i--) {
      if (chunk.box.y0 - open[i]!.box.y1 > 2 * chunk.size) done.push(...open.splice(i, 1));
    }
    const target = open.find((b) => continuesBlock(b, chunk, rightEdge, settings));
    if (target) {
      target.lines.push(chunk);
      target.box = union(target.box, chunk.box);
    } else open.push({ lines: [chunk], box: chunk.box, size: chunk.size, orient: chunk.orient });
  }
  return [...done, ...open].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0).map((b) => b.lines);
}

/** Given a paragraph's lines, the page width and the body font size, return whether it reads as a heading. */
export function isHeading(lines: Line[], pageWidth: number, bodySize: number, settings: TextSettings): boolean {
  const size = Math.max(...lines.map((l) => l.size));
  if (bodySize > 0 && size >= settings.headingScale * bodySize) return true;
  if (lines.length !== 1) return false;
  const line = lines[0]!;
  const centre = (line.box.x0 + line.box.x1) / 2;
  const short = line.box.x1 - line.box.x0 < pageWidth * 0.6;
  return short && Math.abs(centre - pageWidth / 2) < pageWidth * 0.05 && line.box.x0 > pageWidth * 0.2;
}

/** Given glyphs outside tables and the page width, return the page's text blocks in reading order. */
export function glyphsToTextBlocks(glyphs: readonly Glyph[], pageWidth: number, settings: TextSettings): TextBlock[] {
  const lines = glyphsToLines(glyphs, settings);
  const chunks = lines.flatMap((l) => (l.orient === 0 ? lineToChunks(l, settings.chunkEm) : [l]));
  const bodySize = median(chunks.map((c) => c.size));
  return chunksToParagraphs(chunks, rightEdgeOf(chunks, pageWidth), settings).flatMap((paragraph) => {
    const text = linesToText(paragraph, settings);
    if (!text) return [];
    const box = paragraph.map((l) => l.box).reduce(union);
    const role: TextBlock["role"] = isHeading(paragraph, pageWidth, bodySize, settings) ? "heading" : "paragraph";
    return [{ text, role, box }];
  });
}
