// Layout stage: a rendered page -> the deskewed gray page, its ruling lines, its lattice tables
// and the ink of its text (rules erased). Runs the pixel stages in order: seal removal and gray
// (image.ts), skew (deskew.ts), rules (rules.ts), lattice (lattice.ts).
import { binaryToSkew, rotateGray } from "./deskew.js";
import { grayToBinary, otsuThreshold, type BinaryImage, type GrayImage, type PixelBox } from "./image.js";
import { segmentsToTables, type LatticeTable } from "./lattice.js";
import { binaryToSegments, eraseSegments, type Segment } from "./rules.js";
import { sealToBoxes } from "./seal-area.js";
import { inkToText } from "./specks.js";
import { splitAtBlankBoundaries } from "./blank-boundaries.js";
import type { OcrSettings } from "./settings.js";

export interface PageLayout {
  /** The page in gray, seal removed, turned upright. */
  gray: GrayImage;
  /** Ink of text (rules erased), upright. */
  text: BinaryImage;
  /** Degrees the scan was turned by. */
  skew: number;
  segments: Segment[];
  tables: LatticeTable[];
  /** Pixels per point. */
  scale: number;
  /** Where the seal's ink (with its fringe) was, upright. */
  seal: BinaryImage;
}

/** Given a binary mask and a skew, return the mask turned upright like the page. */
function rotateMask(mask: BinaryImage, degrees: number): BinaryImage {
  if (!mask.data.includes(1)) return mask; // no seal: nothing to turn
  const asGray = { width: mask.width, height: mask.height, data: mask.data.map((v) => (v ? 0 : 255)) };
  return grayToBinary(rotateGray(asGray, degrees), 127);
}

/** Given a page's pixels (seal removed) and its seal mask, return its layout. */
export function grayToLayout(scanned: GrayImage, seal: BinaryImage, scale: number, settings: OcrSettings): PageLayout {
  const px = (pt: number) => Math.max(1, Math.round(pt * scale));
  const skew = binaryToSkew(grayToBinary(scanned, otsuThreshold(scanned)), {
    maxDegrees: settings.maxSkew,
    coarseStep: 0.2,
    fineStep: 0.02,
    samples: 60_000,
  });
  const gray = rotateGray(scanned, skew);
  const threshold = otsuThreshold(gray);
  const ink = grayToBinary(gray, threshold);
  // Rules printed at a scanner's resolution are thin and light, and worn toner or a light scan
  // prints them fainter still: they are looked for more leniently than text, down to a fixed
  // contrast against the paper (its noise cannot form the long runs a rule needs).
  const r = settings.rules;
  const lenient = grayToBinary(
    gray,
    Math.max(threshold + (255 - threshold) * r.lenience, paperLevel(gray, threshold) - r.paperContrast),
  );
  const upright = rotateMask(seal, skew);
  // Under and around the seal only print as dark as text is a rule: the ink's outline, lighter, is not.
  for (let p = 0; p < lenient.data.length; p++) if (upright.data[p] && gray.data[p]! > threshold) lenient.data[p] = 0;
  const segments = binaryToSegments(
    lenient,
    {
      minRun: px(r.minRun),
      runGap: 2,
      joinGap: px(r.joinGap),
      sealGap: px(r.sealGap),
      maxThickness: px(r.maxThickness),
      endSlack: px(r.slack),
      longRule: px(r.longRule),
    },
    upright,
  );
  const l = settings.lattice;
  const seals = sealToBoxes(upright, px(3), px(40));
  const tables = segmentsToTables(
    segments,
    {
      snap: px(l.snap),
      minCoverage: l.minCoverage,
      minCell: px(l.minCell),
      minFrame: l.minFrame,
      minSize: px(l.minSize),
    },
    { boxes: seals, ink: upright },
  );
  // Only rules that belong to a table are erased: a lone underline stays with its text.
  const inTables = segments.filter((s) => tables.some((t) => within(s, t)));
  const t = settings.text;
  // What is left of a rule lies along a line of the grid, drawn there or lost, beside one position
  // of the grid or all along a cell spanning several (the border of a header merged down two rows).
  const text = inkToText(
    eraseSegments(ink, inTables),
    tables.flatMap((table) => [
      ...gridBoxes(table),
      ...table.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).map((c) => c.box),
    ]),
    px(r.maxThickness) / 2 + px(r.slack) / 2,
    {
      glyphHeight: t.glyphHeight * scale,
      minWidth: t.minWidth * scale,
      reach: t.reach * scale,
    },
  );
  const inset = Math.max(2, Math.round(0.8 * scale));
  const split = tables.map((table) => splitAtBlankBoundaries(table, text, px(l.lostGap), inset, seals));
  return { gray, text, skew, segments: inTables, tables: split, scale, seal: upright };
}

/** Given a table, return the box of every position of its grid (a cell spanning several is each of them). */
function gridBoxes(table: LatticeTable): PixelBox[] {
  return table.ys
    .slice(1)
    .flatMap((y1, r) => table.xs.slice(1).map((x1, c) => ({ x0: table.xs[c]!, y0: table.ys[r]!, x1, y1 })));
}

/** Given a gray page and its ink threshold, return the gray level of its paper: the median of the pixels lighter than the threshold. */
export function paperLevel(gray: GrayImage, threshold: number): number {
  const hist = new Float64Array(256);
  for (const v of gray.data) hist[v]!++;
  let total = 0;
  for (let t = threshold + 1; t < 256; t++) total += hist[t]!;
  let seen = 0;
  for (let t = threshold + 1; t < 256; t++) {
    seen += hist[t]!;
    if (seen >= total / 2) return t;
  }
  return 255;
}

/** Given a segment and a table, return whether the segment lies on the table's area. */
function within(s: Segment, t: LatticeTable): boolean {
  const slack = 4;
  const [x0, x1, y0, y1] = s.horizontal ? [s.from, s.to, s.at, s.at] : [s.at, s.at, s.from, s.to];
  return x0 >= t.box.x0 - slack && x1 <= t.box.x1 + slack && y0 >= t.box.y0 - slack && y1 <= t.box.y1 + slack;
}
