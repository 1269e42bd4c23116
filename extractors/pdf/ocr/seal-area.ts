// Where a seal lies: the boxes of its blobs of red ink (ring, legend and star, joined), and how
// much of a line its ink covers. Under the seal's ink a thin rule is lost with the ink removed over
// it (image.ts), and between its strokes what is left of a worn rule is too short to be found, so
// a boundary of the grid missing under a seal is decided by the same line beside the seal
// (lattice.ts).
import { dilate, type BinaryImage, type PixelBox } from "./image.js";

/** Given the seal mask, the gap (pixels) that joins its strokes and the smallest seal (pixels), return the box of each seal. */
export function sealToBoxes(seal: BinaryImage, join: number, minSize: number): PixelBox[] {
  const { width, height } = seal;
  const grown = dilate(seal.data, width, height, join);
  const seen = new Uint8Array(width * height);
  const boxes: PixelBox[] = [];
  const stack: number[] = [];
  for (let start = 0; start < grown.length; start++) {
    if (!grown[start] || seen[start]) continue;
    const box = { x0: width, y0: height, x1: 0, y1: 0 };
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const p = stack.pop()!;
      const x = p % width;
      const y = (p - x) / width;
      box.x0 = Math.min(box.x0, x);
      box.x1 = Math.max(box.x1, x + 1);
      box.y0 = Math.min(box.y0, y);
      box.y1 = Math.max(box.y1, y + 1);
      for (const q of [x > 0 ? p - 1 : -1, x + 1 < width ? p + 1 : -1, p - width, p + width]) {
        if (q >= 0 && q < grown.length && grown[q] && !seen[q]) {
          seen[q] = 1;
          stack.push(q);
        }
      }
    }
    if (box.x1 - box.x0 >= minSize && box.y1 - box.y0 >= minSize) boxes.push(box);
  }
  return boxes;
}

/** Given seal boxes and a stretch of a horizontal or vertical line, return the share of the stretch under a seal. */
export function sealBoxShare(boxes: PixelBox[], horizontal: boolean, at: number, from: number, to: number): number {
  if (to <= from) return 0;
  let hidden = 0;
  for (const b of boxes) {
    const [lo, hi, across0, across1] = horizontal ? [b.x0, b.x1, b.y0, b.y1] : [b.y0, b.y1, b.x0, b.x1];
    if (at < across0 || at > across1) continue;
    hidden += Math.max(0, Math.min(to, hi) - Math.max(from, lo));
  }
  return Math.min(1, hidden / (to - from));
}

/**
 * Given the seal mask (its ink and the fringe around it), a stretch of a horizontal or vertical
 * line and a reach across it (pixels), return the share of the stretch that seal ink lies on or
 * beside: where a rule could have been lost with the ink (inside the seal's ring but off its ink,
 * print stays).
 */
export function sealInkShare(
  seal: BinaryImage | null,
  horizontal: boolean,
  at: number,
  from: number,
  to: number,
  reach: number,
): number {
  if (!seal || to <= from) return 0;
  const { width, height, data } = seal;
  const line = Math.round(at);
  const [lo, hi] = [Math.max(0, line - reach), Math.min((horizontal ? height : width) - 1, line + reach)];
  const [start, end] = [Math.max(0, Math.floor(from)), Math.min(horizontal ? width : height, Math.ceil(to))];
  let hidden = 0;
  for (let p = start; p < end; p++) {
    for (let q = lo; q <= hi; q++) {
      if (horizontal ? data[q * width + p] : data[p * width + q]) {
        hidden++;
        break;
      }
    }
  }
  return Math.min(1, hidden / (to - from));
}
