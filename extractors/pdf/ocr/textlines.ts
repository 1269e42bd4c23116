// Text-line stage: where the text is, found from the ink alone (rules already erased), so both
// engines are handed the same single-line crops. Rows with ink form bands (lines of text); the
// columns with ink inside a band form chunks, split where the gap is wide compared with the line
// height (a column gap, or the space between a label and its value). Specks of scanner noise are
// too small to pass for text and are dropped.
import type { BinaryImage, PixelBox } from "./image.js";

export interface TextLineSettings {
  /** Shortest band (pixels) kept as text unless it is wide (a dash, a rule-like "—"). */
  minHeight: number;
  /** Narrowest ink (pixels) kept as text when the band is short. */
  minWidth: number;
  /** Blank rows (pixels) allowed inside one line. */
  rowGap: number;
  /** A gap wider than this many line heights splits a line into chunks. */
  chunkGap: number;
  /** Lines taller than this many median heights are split at their thinnest row. */
  maxHeightRatio: number;
}

/** Given a binary image and a box, return the ink count of each row inside the box. */
function rowProfile(image: BinaryImage, box: PixelBox): Uint32Array {
  const out = new Uint32Array(Math.max(0, box.y1 - box.y0));
  for (let y = box.y0; y < box.y1; y++) {
    let n = 0;
    const row = y * image.width;
    for (let x = box.x0; x < box.x1; x++) n += image.data[row + x]!;
    out[y - box.y0] = n;
  }
  return out;
}

/** Given a binary image and a box, return the box shrunk to the ink inside it, or null without ink. */
export function inkBox(image: BinaryImage, box: PixelBox): PixelBox | null {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -1,
    y1 = -1;
  for (let y = box.y0; y < box.y1; y++) {
    const row = y * image.width;
    for (let x = box.x0; x < box.x1; x++) {
      if (!image.data[row + x]) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      y1 = y;
    }
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

/** Given a binary image and a box clipped to it, return the boxes of its lines of text, top to bottom. */
export function regionToLines(image: BinaryImage, region: PixelBox, settings: TextLineSettings): PixelBox[] {
  const box = clip(region, image);
  const profile = rowProfile(image, box);
  const bands: [number, number][] = [];
  let start = -1;
  let last = -1;
  for (let i = 0; i <= profile.length; i++) {
    const on = i < profile.length && profile[i]! > 0;
    if (on) {
      if (start < 0) start = i;
      last = i;
    } else if (start >= 0 && (i === profile.length || i - last > settings.rowGap)) {
      bands.push([start, last + 1]);
      start = -1;
    }
  }
  const lines: PixelBox[] = [];
  for (const [a, b] of bands) {
    // A line's box is the union of its chunks that can be text, so specks beside it do not widen it.
    const band = { x0: box.x0, x1: box.x1, y0: box.y0 + a, y1: box.y0 + b };
    const chunks = lineToChunks(image, band, settings);
    if (chunks.length > 0)
      lines.push(
        chunks.reduce((u, c) => ({
          x0: Math.min(u.x0, c.x0),
          y0: Math.min(u.y0, c.y0),
          x1: Math.max(u.x1, c.x1),
          y1: Math.max(u.y1, c.y1),
        })),
      );
  }
  return splitTallLines(image, lines, settings);
}

/** Given ink, return whether it can be text: tall enough, or a dash ("—", "——": short, dash-sized and solid, unlike a few specks of noise in a row or what is left of a rule or of the seal's ring). */
export function isText(image: BinaryImage, ink: PixelBox, settings: TextLineSettings): boolean {
  const width = ink.x1 - ink.x0;
  const height = ink.y1 - ink.y0;
  // Printed characters cover a good share of their box; a few specks spread over one do not.
  if (height >= settings.minHeight) return inkCount(image, ink) >= 0.08 * width * height;
  if (width < settings.minWidth || width > 6 * settings.minHeight || height < 2) return false;
  let columns = 0;
  for (let x = ink.x0; x < ink.x1; x++) {
    let on = false;
    for (let y = ink.y0; y < ink.y1 && !on; y++) on = image.data[y * image.width + x] === 1;
    if (on) columns++;
  }
  return columns >= 0.9 * width;
}

function inkCount(image: BinaryImage, box: PixelBox): number {
  let n = 0;
  for (let y = box.y0; y < box.y1; y++) for (let x = box.x0; x < box.x1; x++) n += image.data[y * image.width + x]!;
  return n;
}

/** Given lines, return them with any far taller than the median (two lines touching) split at the thinnest row near the middle. */
function splitTallLines(image: BinaryImage, lines: PixelBox[], settings: TextLineSettings): PixelBox[] {
  const heights = lines.map((l) => l.y1 - l.y0).sort((a, b) => a - b);
  const median = heights[Math.floor(heights.length / 2)] ?? 0;
  if (median === 0 || lines.length < 3) return lines; // too few lines to know the usual height
  return lines.flatMap((line) => {
    const h = line.y1 - line.y0;
    if (h < settings.maxHeightRatio * median) return [line];
    const parts = Math.round(h / median);
    const profile = rowProfile(image, line);
    const cuts: number[] = [];
    for (let k = 1; k < parts; k++) {
      const centre = Math.round((k * h) / parts);
      let best = centre;
      for (
        let y = Math.max(1, centre - Math.floor(median / 3));
        y < Math.min(h - 1, centre + Math.floor(median / 3));
        y++
      )
        if (profile[y]! < profile[best]!) best = y;
      cuts.push(best);
    }
    const edges = [0, ...cuts, h];
    return edges.slice(1).flatMap((e, i) => {
      const ink = inkBox(image, { ...line, y0: line.y0 + edges[i]!, y1: line.y0 + e });
      return ink ? [ink] : [];
    });
  });
}

/** Given a binary image and a line, return its chunks: runs of ink columns separated by gaps wider than `chunkGap` line heights. */
export function lineToChunks(image: BinaryImage, line: PixelBox, settings: TextLineSettings): PixelBox[] {
  const height = line.y1 - line.y0;
  const gap = Math.max(4, settings.chunkGap * height);
  const columns: boolean[] = [];
  for (let x = line.x0; x < line.x1; x++) {
    let on = false;
    for (let y = line.y0; y < line.y1 && !on; y++) on = image.data[y * image.width + x] === 1;
    columns.push(on);
  }
  const chunks: PixelBox[] = [];
  let start = -1;
  let last = -1;
  for (let i = 0; i <= columns.length; i++) {
    if (i < columns.length && columns[i]) {
      if (start < 0) start = i;
      last = i;
    } else if (start >= 0 && (i === columns.length || i - last > gap)) {
      const ink = inkBox(image, { x0: line.x0 + start, x1: line.x0 + last + 1, y0: line.y0, y1: line.y1 });
      if (ink && isText(image, ink, settings)) chunks.push(ink);
      start = -1;
    }
  }
  return chunks;
}

/** Given a box and an image, return the box clipped to the image, in whole pixels. */
export function clip(box: PixelBox, image: { width: number; height: number }): PixelBox {
  return {
    x0: Math.max(0, Math.floor(box.x0)),
    y0: Math.max(0, Math.floor(box.y0)),
    x1: Math.min(image.width, Math.ceil(box.x1)),
    y1: Math.min(image.height, Math.ceil(box.y1)),
  };
}
