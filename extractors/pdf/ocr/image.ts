// Raster images as plain arrays, and the pixel operations every later stage shares: color to
// gray with the red seal dropped, Otsu's threshold, binarization, cropping and scaling.
// Kept free of any canvas type so the stages stay pure functions over numbers.

/** An RGBA image, 4 bytes per pixel, rows top to bottom (as canvas getImageData returns). */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

/** A gray image, 0 black .. 255 white. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A binary image: 1 for ink, 0 for paper. */
export interface BinaryImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A rectangle in pixels: x0, y0 inclusive, x1, y1 exclusive. */
export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Given a mask and a radius, return the mask grown by that many pixels in every direction (separable square dilation). */
export function dilate(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const across = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    let last = -Infinity;
    for (let x = 0; x < width; x++)
      if (mask[y * width + x]) last = x;
      else if (x - last <= radius) across[y * width + x] = 1;
    last = Infinity;
    for (let x = width - 1; x >= 0; x--)
      if (mask[y * width + x]) {
        last = x;
        across[y * width + x] = 1;
      } else if (last - x <= radius) across[y * width + x] = 1;
  }
  const out = new Uint8Array(mask.length);
  for (let x = 0; x < width; x++) {
    let last = -Infinity;
    for (let y = 0; y < height; y++)
      if (across[y * width + x]) {
        last = y;
        out[y * width + x] = 1;
      } else if (y - last <= radius) out[y * width + x] = 1;
    last = Infinity;
    for (let y = height - 1; y >= 0; y--)
      if (across[y * width + x]) last = y;
      else if (last - y <= radius) out[y * width + x] = 1;
  }
  return out;
}

export interface SealSettings {
  /** Redness (red above the mean of green and blue) from which a pixel is seal ink. */
  redMargin: number;
  /** Red channel from which a pixel is seal ink: darker red pixels are black ink under the seal. */
  minRed: number;
  /** Pixels this close to seal ink are its JPEG fringe unless they are darker than `textLevel`. */
  fringe: number;
  textLevel: number;
}

/**
 * Given an RGBA image, return it in gray with the red seal turned to paper, and where the seal was.
 * A seal is stamped in red ink over the table; left in, its ring becomes ruling lines and its
 * characters become text. Printed text and rules are black or gray, so a pixel redder than
 * `redMargin` is seal ink. Red ink passes red light, so in the red channel the seal is nearly paper
 * and black print under it stays black: seal ink and its surroundings are read by their red
 * channel, scaled by how much lighter the page's paper is than the seal's ink in that channel, so
 * the ink comes out as paper while print under it keeps its strokes (whitening the ink outright cut
 * "≥98" to "≥8" where a stroke crossed the ring). JPEG keeps color at half resolution (4:2:0 chroma
 * subsampling) and rings at sharp edges, so the ink's outline comes out as mid-gray pixels that are
 * barely red: near seal ink, only what is darker than `textLevel` is kept as print at its red
 * level; lighter pixels there are the outline, scaled like the ink, and then whatever of the ink
 * and its outline is lighter than the page's ink (Otsu's threshold) becomes paper.
 */
export function rgbaToGray(image: RgbaImage, settings: SealSettings): { gray: GrayImage; seal: BinaryImage } {
  const { width, height, data } = image;
  const out = new Uint8Array(width * height);
  const seal = new Uint8Array(width * height);
  const sealRed = new Uint32Array(256);
  const pageRed = new Uint32Array(256);
  for (let p = 0, i = 0; p < out.length; p++, i += 4) {
    const red = data[i]!;
    out[p] = red;
    pageRed[red]!++;
    if (red >= settings.minRed && red - (data[i + 1]! + data[i + 2]!) / 2 > settings.redMargin) {
      seal[p] = 1;
      sealRed[red]!++;
    }
  }
  // Most of a page is paper, so the median of its red channel is the paper's.
  const sealed = sealRed.some((n) => n > 0);
  if (!sealed) return { gray: { width, height, data: out }, seal: { width, height, data: seal } };
  const gain = Math.max(1, histogramMedian(pageRed) / Math.max(1, histogramMedian(sealRed)));
  const near = dilate(seal, width, height, settings.fringe);
  for (let p = 0, i = 0; p < out.length; p++, i += 4) {
    if (!near[p]) continue;
    const scaled = Math.min(255, Math.round(data[i]! * gain));
    if (seal[p]) out[p] = scaled;
    else if (Math.round(0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!) > settings.textLevel)
      out[p] = scaled;
  }
  // What the scaling leaves of the ink's outline is lighter than print: on and around the seal,
  // what is not as dark as ink is paper ("20" under the legend read as "海" from the outlines).
  const ink = otsuThreshold({ width, height, data: out });
  for (let p = 0; p < out.length; p++) if (near[p] && out[p]! > ink) out[p] = 255;
  return { gray: { width, height, data: out }, seal: { width, height, data: near } };
}

/** Given a histogram, return its median level. */
function histogramMedian(hist: Uint32Array): number {
  let total = 0;
  for (const n of hist) total += n;
  let seen = 0;
  for (let v = 0; v < hist.length; v++) if ((seen += hist[v]!) * 2 >= total) return v;
  return hist.length - 1;
}

/** Given a gray image, return Otsu's threshold (the level that best separates ink from paper). */
export function otsuThreshold(image: GrayImage): number {
  const hist = new Float64Array(256);
  for (const v of image.data) hist[v]!++;
  const total = image.data.length;
  let sumAll = 0;
  for (let t = 0; t < 256; t++) sumAll += t * hist[t]!;
  let sumBelow = 0;
  let countBelow = 0;
  let best = 128;
  let bestVariance = -1;
  for (let t = 0; t < 256; t++) {
    countBelow += hist[t]!;
    if (countBelow === 0) continue;
    const countAbove = total - countBelow;
    if (countAbove === 0) break;
    sumBelow += t * hist[t]!;
    const meanBelow = sumBelow / countBelow;
    const meanAbove = (sumAll - sumBelow) / countAbove;
    const variance = countBelow * countAbove * (meanBelow - meanAbove) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = t;
    }
  }
  return best;
}

/** Given a gray image and a threshold, return the binary image of pixels at or below it. */
export function grayToBinary(image: GrayImage, threshold: number): BinaryImage {
  const out = new Uint8Array(image.data.length);
  for (let i = 0; i < out.length; i++) out[i] = image.data[i]! <= threshold ? 1 : 0;
  return { width: image.width, height: image.height, data: out };
}

/** Given a gray image and a box, return the pixels inside the box (clipped to the image). */
export function cropGray(image: GrayImage, box: PixelBox): GrayImage {
  const x0 = Math.max(0, Math.floor(box.x0));
  const y0 = Math.max(0, Math.floor(box.y0));
  const x1 = Math.min(image.width, Math.ceil(box.x1));
  const y1 = Math.min(image.height, Math.ceil(box.y1));
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    out.set(image.data.subarray((y0 + y) * image.width + x0, (y0 + y) * image.width + x0 + width), y * width);
  return { width, height, data: out };
}

/** Given a gray image and a target size, return it resampled bilinearly. */
export function resizeGray(image: GrayImage, width: number, height: number): GrayImage {
  const out = new Uint8Array(width * height);
  const sx = image.width / width;
  const sy = image.height / height;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(image.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(image.height - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(image.width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(image.width - 1, x0 + 1);
      const wx = fx - x0;
      const top = image.data[y0 * image.width + x0]! * (1 - wx) + image.data[y0 * image.width + x1]! * wx;
      const bottom = image.data[y1 * image.width + x0]! * (1 - wx) + image.data[y1 * image.width + x1]! * wx;
      out[y * width + x] = Math.round(top * (1 - wy) + bottom * wy);
    }
  }
  return { width, height, data: out };
}

/** Given a binary image and a box, return the number of ink pixels inside it. */
export function inkIn(image: BinaryImage, box: PixelBox): number {
  let n = 0;
  for (let y = Math.max(0, box.y0); y < Math.min(image.height, box.y1); y++) {
    const row = y * image.width;
    for (let x = Math.max(0, box.x0); x < Math.min(image.width, box.x1); x++) n += image.data[row + x]!;
  }
  return n;
}
