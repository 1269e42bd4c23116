// Reading frame of a page. Text on a displayed page may run sideways: content drawn rotated
// without a compensating /Rotate, or a /Rotate without rotated content (PDF 32000 §7.7.3.3).
// Every stage works in the frame where most of the page's text reads left to right, top to
// bottom; boxes go back to the displayed page's coordinates at the end.
import { applyToPoint, multiply, type Matrix, type Rect } from "./geometry.js";
import { itemToFrame, type Orientation } from "./glyphs.js";
import type { RawTextItem } from "./load.js";

export interface ReadingFrame {
  orient: Orientation;
  /** Displayed page -> reading frame. */
  toReading: Matrix;
  /** Reading frame -> displayed page. */
  toDisplay: Matrix;
  /** Page size in the reading frame. */
  width: number;
  height: number;
}

/** Given a page's text items and display transform, return the orientation most of its characters read in. */
export function dominantOrientation(items: readonly RawTextItem[], view: Matrix): Orientation {
  const weight = [0, 0, 0, 0];
  for (const item of items) {
    const frame = item.str.trim() ? itemToFrame(item, view) : null;
    if (frame) weight[frame.orient]! += item.str.length;
  }
  const best = weight.indexOf(Math.max(...weight));
  return weight[best]! > weight[0]! ? (best as Orientation) : 0;
}

/** Given a reading orientation and the displayed page's size, return the reading frame (a quarter turn at a time). */
export function readingFrame(orient: Orientation, width: number, height: number): ReadingFrame {
  // x' = a x + c y + e, y' = b x + d y + f, chosen so that text of that orientation reads rightward.
  const toReading: Matrix =
    orient === 1
      ? [0, -1, 1, 0, 0, width]
      : orient === 2
        ? [-1, 0, 0, -1, width, height]
        : orient === 3
          ? [0, 1, -1, 0, height, 0]
          : [1, 0, 0, 1, 0, 0];
  const toDisplay: Matrix =
    orient === 1
      ? [0, 1, -1, 0, width, 0]
      : orient === 2
        ? [-1, 0, 0, -1, width, height]
        : orient === 3
          ? [0, -1, 1, 0, 0, height]
          : [1, 0, 0, 1, 0, 0];
  const sideways = orient === 1 || orient === 3;
  return { orient, toReading, toDisplay, width: sideways ? height : width, height: sideways ? width : height };
}

/** Given a page's display transform and its reading frame, return the transform from user space to the reading frame. */
export function viewInFrame(view: Matrix, frame: ReadingFrame): Matrix {
  return multiply(view, frame.toReading);
}

/** Given a box in the reading frame and the frame, return the box on the displayed page. */
export function boxToDisplay(box: Rect, frame: ReadingFrame): Rect {
  if (frame.orient === 0) return box;
  const [ax, ay] = applyToPoint(frame.toDisplay, box.x0, box.y0);
  const [bx, by] = applyToPoint(frame.toDisplay, box.x1, box.y1);
  return { x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) };
}
