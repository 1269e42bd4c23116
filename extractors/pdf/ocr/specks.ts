// Specks: ink too small to be part of a glyph and too far from any glyph to be its punctuation.
// A seal's ink is turned to paper (image.ts), but JPEG keeps color at a quarter of the
// resolution, so the ring and legend leave gray crumbs around the text they cover; a worn or
// dusty scan leaves the same crumbs. Lines of text are found from rows with ink (textlines.ts):
// crumbs above and below a line make it as tall as its cell, and crumbs beside it make its chunk
// mostly paper, so the line is not taken for text at all and the cell reads empty. Crumbs are
// told from text by their company: a decimal point, a comma or the dot of "：" sits beside a
// glyph, a crumb sits among crumbs.
import type { BinaryImage, PixelBox } from "./image.js";

export interface SpeckSettings {
  /** Ink at least this tall (pixels), or at least `minWidth` wide, is part of a glyph (or a dash). */
  glyphHeight: number;
  minWidth: number;
  /** Smaller ink this close (pixels) to a glyph belongs to it. */
  reach: number;
}

/** Given a union-find forest, return the root of `a`, halving the path on the way. */
function find(parent: number[], a: number): number {
  while (parent[a] !== a) a = parent[a] = parent[parent[a]!]!;
  return a;
}

/** Given the forest, a label so far (0 for none) and a neighbour's label, return the label both now share. */
function merge(parent: number[], label: number, other: number): number {
  if (!other) return label;
  const b = find(parent, other);
  if (!label || label === b) return b;
  const [lo, hi] = label < b ? [label, b] : [b, label];
  parent[hi] = lo;
  return lo;
}

/** Given a binary image, return its 8-connected components: a label per pixel (0 for paper), each label's box and their count. */
export function binaryToComponents(image: BinaryImage): {
  labels: Int32Array;
  boxes: Int32Array;
  count: number;
  width: number;
  height: number;
} {
  const { width, height, data } = image;
  const labels = new Int32Array(width * height);
  const parent: number[] = [0];
  for (let y = 0; y < height; y++) {
    for (let x = 0, p = y * width; x < width; x++, p++) {
      if (!data[p]) continue;
      // Neighbours already labelled: left, and the three above.
      let label = x > 0 ? merge(parent, 0, labels[p - 1]!) : 0;
      if (y > 0) {
        if (x > 0) label = merge(parent, label, labels[p - width - 1]!);
        label = merge(parent, label, labels[p - width]!);
        if (x + 1 < width) label = merge(parent, label, labels[p - width + 1]!);
      }
      if (!label) {
        label = parent.length;
        parent.push(label);
      }
      labels[p] = label;
    }
  }
  // Resolve to roots, renumbered 1..count, with boxes x0, y0, x1, y1 (exclusive).
  const root = new Int32Array(parent.length);
  let count = 0;
  for (let l = 1; l < parent.length; l++) {
    const r = find(parent, l);
    root[l] = r === l ? ++count : root[r]!;
  }
  const boxes = new Int32Array(4 * (count + 1));
  for (let c = 1; c <= count; c++) boxes.set([width, height, 0, 0], 4 * c);
  for (let p = 0; p < labels.length; p++) {
    if (!labels[p]) continue;
    const c = root[labels[p]!]!;
    labels[p] = c;
    const x = p % width;
    const y = (p - x) / width;
    const b = 4 * c;
    if (x < boxes[b]!) boxes[b] = x;
    if (y < boxes[b + 1]!) boxes[b + 1] = y;
    if (x + 1 > boxes[b + 2]!) boxes[b + 2] = x + 1;
    if (y + 1 > boxes[b + 3]!) boxes[b + 3] = y + 1;
  }
  return { labels, boxes, count, width, height };
}

type Components = ReturnType<typeof binaryToComponents>;

/** Given components and a label, return its box as [x0, y0, x1, y1]. */
function boxOf({ boxes }: Components, c: number): [number, number, number, number] {
  return [boxes[4 * c]!, boxes[4 * c + 1]!, boxes[4 * c + 2]!, boxes[4 * c + 3]!];
}

/**
 * Given components, the boxes of the tables' cells and a half-width (pixels), return which
 * components are what is left of the rules: a worn or skewed rule is not erased whole, and the
 * piece left beside a cell's border reads as "[", "|" or "一". A piece lies within `band` of a
 * border of a cell, along it, and is at least three times longer than thick; a glyph is kept off
 * the border by the cell's margin.
 */
export function ruleRemnants(components: Components, cells: PixelBox[], band: number): Uint8Array {
  const remnant = new Uint8Array(components.count + 1);
  for (let c = 1; c <= components.count; c++) {
    const [x0, y0, x1, y1] = boxOf(components, c);
    const w = x1 - x0;
    const h = y1 - y0;
    const upright = h >= 3 * w;
    const flat = w >= 3 * h;
    if (!upright && !flat) continue;
    for (const cell of cells) {
      const along = upright
        ? y0 >= cell.y0 - band && y1 <= cell.y1 + band && (near(x0, x1, cell.x0, band) || near(x0, x1, cell.x1, band))
        : x0 >= cell.x0 - band && x1 <= cell.x1 + band && (near(y0, y1, cell.y0, band) || near(y0, y1, cell.y1, band));
      if (along) {
        remnant[c] = 1;
        break;
      }
    }
  }
  return remnant;
}

/** Given a stretch and a line, return whether the stretch lies within `band` of the line. */
function near(from: number, to: number, at: number, band: number): boolean {
  return from >= at - band && to <= at + band;
}

/**
 * Given components and which to leave out, return which of the rest are specks: smaller than a
 * glyph (`glyphHeight` high and `minWidth` wide) with no glyph within `reach`.
 */
export function specks(components: Components, left: Uint8Array, settings: SpeckSettings): Uint8Array {
  const { labels, count, width, height } = components;
  const glyph = new Uint8Array(count + 1);
  for (let c = 1; c <= count; c++) {
    const [x0, y0, x1, y1] = boxOf(components, c);
    glyph[c] = !left[c] && (y1 - y0 >= settings.glyphHeight || x1 - x0 >= settings.minWidth) ? 1 : 0;
  }
  const reach = Math.max(1, Math.round(settings.reach));
  const speck = new Uint8Array(count + 1);
  for (let c = 1; c <= count; c++) {
    if (glyph[c] || left[c]) continue;
    const [x0, y0, x1, y1] = boxOf(components, c);
    let company = false;
    for (let y = Math.max(0, y0 - reach); y < Math.min(height, y1 + reach) && !company; y++)
      for (let x = Math.max(0, x0 - reach); x < Math.min(width, x1 + reach) && !company; x++)
        company = glyph[labels[y * width + x]!] === 1;
    speck[c] = company ? 0 : 1;
  }
  return speck;
}

/**
 * Given the ink of text with the tables' rules erased, the tables' cells and the settings, return
 * the ink of text alone: without what is left of the rules beside the cells' borders, and without
 * specks.
 */
export function inkToText(image: BinaryImage, cells: PixelBox[], band: number, settings: SpeckSettings): BinaryImage {
  const components = binaryToComponents(image);
  const remnant = ruleRemnants(components, cells, band);
  const speck = specks(components, remnant, settings);
  const { labels } = components;
  const out = new Uint8Array(labels.length);
  for (let p = 0; p < labels.length; p++) {
    const c = labels[p]!;
    out[p] = c && !remnant[c] && !speck[c] ? 1 : 0;
  }
  return { width: image.width, height: image.height, data: out };
}
