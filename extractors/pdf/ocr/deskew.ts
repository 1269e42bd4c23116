// Deskew stage: a scanned page is turned by up to a few degrees. Text lines and ruling lines are
// horizontal on the page, so the angle at which the ink's row profile is sharpest (the sum of
// squared row counts is largest) is the page's skew; the page is turned back by it before rules
// and text lines are looked for, both of which assume horizontal rows.
import type { BinaryImage, GrayImage } from "./image.js";

export interface DeskewSettings {
  /** Largest skew looked for, in degrees either way. */
  maxDegrees: number;
  /** Step of the coarse search, then of the fine one, in degrees. */
  coarseStep: number;
  fineStep: number;
  /** At most this many ink pixels are sampled (evenly) to score an angle. */
  samples: number;
}

/** Given a binary image and a sampling budget, return the coordinates of an even sample of its ink pixels. */
function inkSample(image: BinaryImage, budget: number): { xs: Float64Array; ys: Float64Array } {
  let count = 0;
  for (const v of image.data) count += v;
  const stride = Math.max(1, Math.floor(count / budget));
  const n = Math.floor(count / stride);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  let seen = 0;
  let k = 0;
  for (let i = 0; i < image.data.length && k < n; i++) {
    if (image.data[i] === 0) continue;
    if (seen++ % stride !== 0) continue;
    xs[k] = i % image.width;
    ys[k] = Math.floor(i / image.width);
    k++;
  }
  return { xs, ys };
}

/** Given sampled ink and an angle in degrees, return how sharp the row profile is when the page is turned by it. */
function profileSharpness(xs: Float64Array, ys: Float64Array, height: number, degrees: number): number {
  const slope = Math.tan((degrees * Math.PI) / 180);
  const margin = Math.ceil(Math.abs(slope) * 20000) + 2;
  const bins = new Float64Array(height + 2 * margin);
  for (let i = 0; i < xs.length; i++) {
    const y = Math.round(ys[i]! - xs[i]! * slope) + margin;
    if (y >= 0 && y < bins.length) bins[y]!++;
  }
  let sum = 0;
  for (const b of bins) sum += b * b;
  return sum;
}

/** Given a binary page, return its skew in degrees: a horizontal line on the page runs along y = y0 + x·tan(skew). */
export function binaryToSkew(image: BinaryImage, settings: DeskewSettings): number {
  const { xs, ys } = inkSample(image, settings.samples);
  if (xs.length < 100) return 0;
  const best = (from: number, to: number, step: number) => {
    let angle = 0;
    let score = -1;
    for (let a = from; a <= to + 1e-9; a += step) {
      const s = profileSharpness(xs, ys, image.height, a);
      if (s > score) [angle, score] = [a, s];
    }
    return angle;
  };
  const coarse = best(-settings.maxDegrees, settings.maxDegrees, settings.coarseStep);
  return best(coarse - settings.coarseStep, coarse + settings.coarseStep, settings.fineStep);
}

/**
 * Given a gray image and its skew, return it turned about its center so that lines of that skew
 * become horizontal (bilinear sampling; paper fills the corners).
 */
export function rotateGray(image: GrayImage, degrees: number): GrayImage {
  if (degrees === 0) return image;
  const { width, height, data } = image;
  const out = new Uint8Array(width * height).fill(255);
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    // Along a row the source point moves by (cos, sin) per pixel.
    let sx = cx - cx * cos - (y - cy) * sin;
    let sy = cy - cx * sin + (y - cy) * cos;
    for (let x = 0, o = y * width; x < width; x++, o++, sx += cos, sy += sin) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
      const bottom = data[i + width]! + (data[i + width + 1]! - data[i + width]!) * fx;
      out[o] = (top + (bottom - top) * fy + 0.5) | 0;
    }
  }
  return { width, height, data: out };
}

/** Given a point of the deskewed image, the image size and the skew, return where it was on the scanned page. */
export function unrotatePoint(x: number, y: number, width: number, height: number, degrees: number): [number, number] {
  const a = (degrees * Math.PI) / 180;
  const cx = width / 2;
  const cy = height / 2;
  return [cx + (x - cx) * Math.cos(a) - (y - cy) * Math.sin(a), cy + (x - cx) * Math.sin(a) + (y - cy) * Math.cos(a)];
}
