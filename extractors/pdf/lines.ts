// Line stage: glyphs -> text lines -> text. Glyphs share a line when their baselines are close;
// a line reads along its orientation; lines of one cell or paragraph join with nothing between
// Chinese characters and a space between Latin words (cjk.ts).
import { lineJoiner, tidySpaces } from "./cjk.js";
import type { Rect } from "./geometry.js";
import type { Glyph, Orientation } from "./glyphs.js";
import type { TextSettings } from "./settings.js";

export interface Line {
  glyphs: Glyph[];
  orient: Orientation;
  /** Baseline across the reading direction. */
  base: number;
  /** Extent along the reading direction. */
  a0: number;
  a1: number;
  size: number;
  box: Rect;
}

/** Given glyphs, return their bounding box. */
export function glyphsToBox(glyphs: readonly Glyph[]): Rect {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const g of glyphs) {
    x0 = Math.min(x0, g.x0);
    y0 = Math.min(y0, g.y0);
    x1 = Math.max(x1, g.x1);
    y1 = Math.max(y1, g.y1);
  }
  return { x0, y0, x1, y1 };
}

/** Given glyphs of one line, return the line with its extent and box (from visible glyphs when there are any). */
export function glyphsToLine(glyphs: Glyph[]): Line {
  const sorted = glyphs.length > 1 ? [...glyphs].sort((a, b) => a.a0 - b.a0) : glyphs;
  const visible = sorted.filter((g) => g.ch.trim());
  const sized = visible.length ? visible : sorted;
  let base = 0,
    a0 = Infinity,
    a1 = -Infinity,
    size = 0;
  for (const g of sized) {
    base += g.base;
    a0 = Math.min(a0, g.a0);
    a1 = Math.max(a1, g.a1);
    size = Math.max(size, g.size);
  }
  return {
    glyphs: sorted,
    orient: sorted[0]!.orient,
    base: base / sized.length,
    a0,
    a1,
    size,
    box: glyphsToBox(sized),
  };
}

/** Given glyphs, return their lines in reading order (top to bottom for upright text), blank lines dropped. */
export function glyphsToLines(glyphs: readonly Glyph[], settings: TextSettings): Line[] {
  const lines: Line[] = [];
  const byOrient = new Map<Orientation, Glyph[]>();
  for (const g of glyphs) {
    const list = byOrient.get(g.orient);
    if (list) list.push(g);
    else byOrient.set(g.orient, [g]);
  }
  for (const list of byOrient.values()) {
    const sorted = [...list].sort((a, b) => a.base - b.base);
    let group: Glyph[] = [];
    for (const g of sorted) {
      const head = group[0];
      if (head && g.base - head.base > settings.lineEm * Math.min(head.size, g.size)) {
        lines.push(glyphsToLine(group));
        group = [];
      }
      group.push(g);
    }
    if (group.length) lines.push(glyphsToLine(group));
  }
  return lines
    .filter((l) => l.glyphs.some((g) => g.ch.trim()))
    .sort((a, b) => a.orient - b.orient || a.base - b.base || a.a0 - b.a0);
}

/** Given one line, return its text: glyphs in reading order, a space where two runs leave a word gap. */
export function lineToText(line: Line, settings: TextSettings): string {
  let out = "";
  let prev: Glyph | null = null;
  for (const g of line.glyphs) {
    if (prev && prev.run !== g.run && prev.ch !== " " && g.ch !== " " && g.a0 - prev.a1 > settings.spaceEm * g.size)
      out += " ";
    out += g.ch;
    prev = g;
  }
  return tidySpaces(out);
}

/** Given lines in reading order, return their text joined as one cell or paragraph. */
export function linesToText(lines: readonly Line[], settings: TextSettings): string {
  let out = "";
  for (const line of lines) {
    const text = lineToText(line, settings);
    if (!text) continue;
    out += lineJoiner(out, text) + text;
  }
  return out;
}

/** Given one line, return its chunks: pieces separated by a gap wider than `gapEm` font sizes. */
export function lineToChunks(line: Line, gapEm: number): Line[] {
  const chunks: Glyph[][] = [];
  let current: Glyph[] = [];
  let lastEnd = -Infinity;
  for (const g of line.glyphs) {
    // Spaces ride along with their chunk; only visible glyphs measure the gap. An ideographic
    // space (U+3000) is text the author typed, so it bridges the gap it fills.
    if (!g.ch.trim() && g.ch !== "\u3000") {
      if (current.length) current.push(g);
      continue;
    }
    if (current.length && g.a0 - lastEnd > gapEm * g.size) {
      chunks.push(current);
      current = [];
    }
    current.push(g);
    lastEnd = Math.max(lastEnd, g.a1);
  }
  if (current.length) chunks.push(current);
  return chunks.map(glyphsToLine);
}
