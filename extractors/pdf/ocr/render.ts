// Render stage: the only part of the OCR extractor that talks to pdf.js and the canvas. A page is
// painted at the resolution chosen for recognition into an @napi-rs/canvas surface (its Skia
// binary ships inside the npm package, nothing is fetched). A scanned page is one embedded image,
// so painting it is decoding that image and resampling it to the chosen resolution.
import { createCanvas } from "@napi-rs/canvas";
import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { RgbaImage } from "./image.js";

/** One rendered page: its pixels and its size in PDF points (as displayed, /Rotate applied). */
export interface PageRaster {
  number: number;
  image: RgbaImage;
  widthPt: number;
  heightPt: number;
  /** Pixels per PDF point. */
  scale: number;
}

/** Given an open document, a 1-based page number and a resolution in dpi, return the page painted on white. */
export async function documentToRaster(doc: PDFDocumentProxy, number: number, dpi: number): Promise<PageRaster> {
  const page = await doc.getPage(number);
  try {
    const base = page.getViewport({ scale: 1 });
    // Very large pages are painted at a lower resolution so one page never needs gigabytes.
    const scale = Math.min(dpi / 72, Math.sqrt(40e6 / (base.width * base.height)));
    const viewport = page.getViewport({ scale });
    const width = Math.max(1, Math.round(viewport.width));
    const height = Math.max(1, Math.round(viewport.height));
    const canvas = createCanvas(width, height);
    const context = canvas.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, width, height);
    // pdf.js types its parameters with the DOM's canvas; @napi-rs/canvas implements the same API.
    await page.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      canvasContext: context as unknown as CanvasRenderingContext2D,
      viewport,
    }).promise;
    const pixels = context.getImageData(0, 0, width, height);
    return { number, image: { width, height, data: pixels.data }, widthPt: base.width, heightPt: base.height, scale };
  } finally {
    page.cleanup();
  }
}
