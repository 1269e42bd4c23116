// Crops of the printed page for the evidence report: the region of a record's row, rendered from
// the PDF at report time, with the row outlined. Pages are painted once per document and reused.
import { createCanvas, type Canvas } from "@napi-rs/canvas";
import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { bytesToDocument } from "../../extractors/pdf/load.js";

export interface CropSettings {
  /** Pixels per PDF point of the rendered page. */
  scale: number;
  /** Points of page shown around the row's box, above and below. */
  marginY: number;
  /** Points of page shown left and right of the box. */
  marginX: number;
}

export const defaultCropSettings: CropSettings = { scale: 2, marginY: 28, marginX: 12 };

export interface PointBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Given a canvas, return it encoded as PNG, holding the canvas until the encoding ends. The
 * encoding runs on the thread pool, and @napi-rs/canvas frees a canvas that is garbage collected
 * meanwhile under it (a use-after-free fixed upstream in its 1.x line, Brooooooklyn/canvas#1314):
 * `jixiao report` crashed with SIGSEGV about one run in four when two ran at once.
 */
async function pngOf(canvas: Canvas): Promise<Buffer> {
  const bytes = await canvas.encode("png");
  held.add(canvas);
  held.delete(canvas);
  return bytes;
}

/** What `pngOf` touches after the encoding, so the canvas stays reachable until then. */
const held = new Set<Canvas>();

/** Renders crops of one PDF; call close() when done. */
export class PdfCropper {
  private readonly pages = new Map<number, Canvas>();

  private constructor(
    private readonly doc: PDFDocumentProxy,
    private readonly settings: CropSettings,
  ) {}

  static async open(
    bytes: Uint8Array,
    path: string,
    settings: CropSettings = defaultCropSettings,
  ): Promise<PdfCropper> {
    return new PdfCropper(await bytesToDocument(bytes, path), settings);
  }

  get pageCount(): number {
    return this.doc.numPages;
  }

  /** Given a page and a box in points (origin top-left), return a PNG of the region with the box outlined. */
  async crop(pageNumber: number, box: PointBox): Promise<Buffer> {
    const page = await this.paint(pageNumber);
    const { scale, marginX, marginY } = this.settings;
    const x = Math.max(0, Math.floor((box.x0 - marginX) * scale));
    const y = Math.max(0, Math.floor((box.y0 - marginY) * scale));
    const w = Math.min(page.width - x, Math.ceil((box.x1 - box.x0 + 2 * marginX) * scale));
    const h = Math.min(page.height - y, Math.ceil((box.y1 - box.y0 + 2 * marginY) * scale));
    const out = createCanvas(Math.max(1, w), Math.max(1, h));
    const ctx = out.getContext("2d");
    ctx.drawImage(page, x, y, w, h, 0, 0, w, h);
    ctx.strokeStyle = "#d0021b";
    ctx.lineWidth = 3;
    ctx.strokeRect(
      box.x0 * scale - x - 2,
      box.y0 * scale - y - 2,
      (box.x1 - box.x0) * scale + 4,
      (box.y1 - box.y0) * scale + 4,
    );
    return pngOf(out);
  }

  /** Given a page number, return a PNG of the whole page at a small scale (for records without a box). */
  async thumbnail(pageNumber: number, width = 600): Promise<Buffer> {
    const page = await this.paint(pageNumber);
    const out = createCanvas(width, Math.round((page.height * width) / page.width));
    out.getContext("2d").drawImage(page, 0, 0, out.width, out.height);
    return pngOf(out);
  }

  async close(): Promise<void> {
    this.pages.clear();
    await this.doc.destroy();
  }

  private async paint(pageNumber: number): Promise<Canvas> {
    const cached = this.pages.get(pageNumber);
    if (cached) return cached;
    const page = await this.doc.getPage(pageNumber);
    try {
      const viewport = page.getViewport({ scale: this.settings.scale });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const context = canvas.getContext("2d");
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      // pdf.js types its parameters with the DOM's canvas; @napi-rs/canvas implements the same API.
      await page.render({
        canvas: canvas as unknown as HTMLCanvasElement,
        canvasContext: context as unknown as CanvasRenderingContext2D,
        viewport,
      }).promise;
      this.pages.set(pageNumber, canvas);
      return canvas;
    } finally {
      page.cleanup();
    }
  }
}
