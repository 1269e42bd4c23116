// Specks: ink too small to be part of a glyph and too far from any glyph to be its punctuation.
// A seal's ink is turned to paper (image.ts), but JPEG keeps color at a quarter of the
// resolution, so the ring and legend leave gray crumbs around the text they cover; a worn or
// dusty scan leaves the same crumbs. Lines of text are found from rows with ink (textlines.ts):
// crumbs above and below a line make it as tall as its cell, and crumbs beside it make its chunk
// mostly paper, so the line is not taken for text at all and the cell reads empty. Crumbs are
// told from text by their company: a decimal point, a comma or the dot of "：" sits beside a
// glyph, a crumb sits among crumbs.
import { dilate, type BinaryImage, type PixelBox } from "./image.js";

export interface SpeckSettings {
  /** Ink at least this tall (pixels), or at least `minWidth` wide, is part of a glyph (or a dash). */
  glyphHeight: number;
  minWidth: number;
  /** Smaller ink this close (pixels) to a glyph belongs to it. */
  reach: number;
}

/** Given a binary image, return its 8-connected components: a label per pixel (0 for paper) and each label's box. */
export function binaryToComponents(image: BinaryImage): { labels: Int32Array; boxes: Int32Array; count: number } {
  const { width, height, data } = image;
  const labels = new Int32Array(width * height);
  const parent: number[] = [0];
  const find = (a: number): number => {
    while (parent[a] !== a) a = parent[a] = parent[parent[a]!]!;
    return a;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (!data[p]) continue;
      // Neighbours already labelled: left, and the three above.
      let label = 0;
      for (const q of [
        x > 0 ? p - 1 : -1,
        y > 0 && x > 0 ? p - width - 1 : -1,
        y > 0 ? p - width : -1,
        y > 0 && x + 1 < width ? p - width + 1 : -1,
      ]) {
        const l = q >= 0 ? labels[q]! : 0;
        if (!l) continue;
        if (!label) label = find(l);
        else {
          const a = find(l);
          if (a !== label) parent[Math.max(a, label)] = Math.min(a, label);
          label = Math.min(a, label);
        }
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
    const r = find(l);
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
  return { labels, boxes, count };
}

/** Given the ink of text, return it without specks: small ink kept only within `reach` of a glyph. */
export function removeSpecks(image: BinaryImage, settings: SpeckSettings): BinaryImage {
  const { width, height } = image;
  const { labels, boxes, count } = binaryToComponents(image);
  const glyph = new Uint8Array(count + 1);
  for (let c = 1; c <= count; c++) {
    const w = boxes[4 * c + 2]! - boxes[4 * c]!;
    const h = boxes[4 * c + 3]! - boxes[4 * c + 1]!;
    glyph[c] = h >= settings.glyphHeight || w >= settings.minWidth ? 1 : 0;
  }
  const glyphs = new Uint8Array(labels.length);
  for (let p = 0; p < labels.length; p++) glyphs[p] = glyph[labels[p]!]!;
  const near = dilate(glyphs, width, height, Math.max(1, Math.round(settings.reach)));
  // A small component stays when any of its pixels is near a glyph.
  const keep = new Uint8Array(count + 1);
  for (let p = 0; p < labels.length; p++) if (labels[p] && near[p]) keep[labels[p]!] = 1;
  const out = new Uint8Array(labels.length);
  for (let p = 0; p < labels.length; p++) out[p] = labels[p] && (glyph[labels[p]!] || keep[labels[p]!]) ? 1 : 0;
  return { width, height, data: out };
}

/**
 * Given the ink of text (rules erased), the boxes of the tables' cells and a half-width (pixels),
 * return the ink without what is left of the rules: a worn or skewed rule is not erased whole,
 * and the piece left beside a cell's border reads as "[", "|" or "一". A piece lies within
 * `band` of a border of a cell, along it, and is at least three times longer than thick; a
 * glyph is kept off the border by the cell's margin.
 */
export function removeRuleRemnants(image: BinaryImage, cells: PixelBox[], band: number): BinaryImage {
  const { labels, boxes, count } = binaryToComponents(image);
  const remnant = new Uint8Array(count + 1);
  for (let c = 1; c <= count; c++) {
    const [x0, y0, x1, y1] = [boxes[4 * c]!, boxes[4 * c + 1]!, boxes[4 * c + 2]!, boxes[4 * c + 3]!];
    const w = x1 - x0;
    const h = y1 - y0;
    remnant[c] = cells.some(
      (cell) =>
        (h >= 3 * w &&
          y0 >= cell.y0 - band &&
          y1 <= cell.y1 + band &&
          [cell.x0, cell.x1].some((x) => x0 >= x - band && x1 <= x + band)) ||
        (w >= 3 * h &&
          x0 >= cell.x0 - band &&
          x1 <= cell.x1 + band &&
          [cell.y0, cell.y1].some((y) => y0 >= y - band && y1 <= y + band)),
    )
      ? 1
      : 0;
  }
  const out = new Uint8Array(labels.length);
  for (let p = 0; p < labels.length; p++) out[p] = labels[p] && !remnant[labels[p]!] ? 1 : 0;
  return { width: image.width, height: image.height, data: out };
}
