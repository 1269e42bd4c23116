// Load stage, reading side: PDFium compiled to WebAssembly (@embedpdf/pdfium, its .wasm inside
// the package, read from disk) gives each page's characters and painted paths. It parses content
// streams and fonts natively and builds nothing for drawing, where pdf.js converts every embedded
// font program to OpenType and copies its results between its two halves: over the fixture PDFs
// its floor (characters, boxes, paths) costs about a quarter of pdf.js's (`npm run bench:pdf`).
// pdf.js stays for what only it serves here: rendering pages (OCR, crops).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { UnreadableFileError } from "../../contracts/errors.js";
import { multiply, type Matrix } from "./geometry.js";
import type { PaintedPath, RawPage, RawTextItem } from "./load.js";

/** PDFium's page object types (fpdf_edit.h); text is read through its text page instead. */
const PATH_OBJECT = 2,
  IMAGE_OBJECT = 3,
  FORM_OBJECT = 5;
/** PDFium's path segment types (fpdf_edit.h). */
const LINE_TO = 0,
  BEZIER_TO = 1,
  MOVE_TO = 2;
/** A character starting this far (in em) from where the previous one ended begins a new run, as a gap pdf.js would fill with a space. */
const RUN_GAP_EM = 0.1;
/** FPDF_GetLastError codes (fpdfview.h) that name the reason a document cannot be opened. */
const PASSWORD_ERROR = 4,
  SECURITY_ERROR = 5;

/** The PDFium functions read here (fpdfview.h, fpdf_text.h, fpdf_edit.h), called as the WebAssembly module exports them. */
const FUNCTIONS = [
  "malloc",
  "free",
  "PDFiumExt_Init",
  "FPDF_LoadMemDocument",
  "FPDF_GetLastError",
  "FPDF_GetPageCount",
  "FPDF_LoadPage",
  "FPDF_ClosePage",
  "FPDF_CloseDocument",
  "FPDFPage_GetMediaBox",
  "FPDFPage_GetCropBox",
  "FPDFPage_GetRotation",
  "FPDFPage_CountObjects",
  "FPDFPage_GetObject",
  "FPDFPageObj_GetType",
  "FPDFPageObj_GetMatrix",
  "FPDFPageObj_GetFillColor",
  "FPDFPageObj_GetStrokeColor",
  "FPDFFormObj_CountObjects",
  "FPDFFormObj_GetObject",
  "FPDFPath_GetDrawMode",
  "FPDFPath_CountSegments",
  "FPDFPath_GetPathSegment",
  "FPDFPathSegment_GetPoint",
  "FPDFPathSegment_GetType",
  "FPDFPathSegment_GetClose",
  "FPDFText_LoadPage",
  "FPDFText_ClosePage",
  "FPDFText_CountChars",
  "FPDFText_IsGenerated",
  "FPDFText_GetUnicode",
  "FPDFText_GetFontSize",
  "FPDFText_GetMatrix",
  "FPDFText_GetCharOrigin",
  "FPDFText_GetLooseCharBox",
  "FPDFText_GetTextObject",
] as const;

/** PDFium's functions (pointers and handles are numbers, booleans 0 or 1) and its memory. */
type Pdfium = Record<(typeof FUNCTIONS)[number], (...args: number[]) => number> & { memory: WebAssembly.Memory };

let engine: Promise<Pdfium> | null = null;

/**
 * Return the thread's PDFium, compiled and initialised on first use. The package's runtime sets
 * the module up; its functions are then called as the WebAssembly instance exports them, without
 * the package's wrappers, which convert and check every argument of every call (they took a
 * third of the reading time, one call per character and path point).
 */
function pdfium(): Promise<Pdfium> {
  engine ??= (async () => {
    const { init } = await import("@embedpdf/pdfium");
    const wasmBinary = readFileSync(createRequire(import.meta.url).resolve("@embedpdf/pdfium/pdfium.wasm"));
    let exports: WebAssembly.Exports | null = null;
    let fail: (err: unknown) => void = () => {};
    const failed = new Promise<never>((_, reject) => (fail = reject));
    const instantiateWasm = (
      imports: WebAssembly.Imports,
      done: (i: WebAssembly.Instance, m: WebAssembly.Module) => void,
    ) => {
      WebAssembly.instantiate(wasmBinary, imports).then(({ instance, module }) => {
        exports = instance.exports;
        done(instance, module);
      }, fail);
      return {};
    };
    await Promise.race([init({ instantiateWasm } as never), failed]);
    const found = exports as WebAssembly.Exports | null;
    const missing = FUNCTIONS.filter((name) => typeof found?.[name] !== "function");
    if (!found || !(found.memory instanceof WebAssembly.Memory) || missing.length)
      throw new Error(`@embedpdf/pdfium changed: its WebAssembly lacks ${missing.join(", ") || "its memory"}`);
    const pdfium = found as unknown as Pdfium;
    pdfium.PDFiumExt_Init();
    return pdfium;
  })();
  return engine;
}

/** Scratch memory in PDFium's heap for out-parameters, read through views renewed when the heap grows. */
class Scratch {
  readonly at: number;
  private buffer: ArrayBuffer | null = null;
  private f32s = new Float32Array(0);
  private f64s = new Float64Array(0);
  private u32s = new Uint32Array(0);
  private i32s = new Int32Array(0);
  constructor(private readonly p: Pdfium) {
    this.at = p.malloc(64);
  }
  /** Renew the views if the heap has grown (its old buffer is then detached). */
  private fresh(): void {
    const buffer = this.p.memory.buffer;
    if (buffer === this.buffer) return;
    this.buffer = buffer;
    this.f32s = new Float32Array(buffer);
    this.f64s = new Float64Array(buffer);
    this.u32s = new Uint32Array(buffer);
    this.i32s = new Int32Array(buffer);
  }
  f32(k: number): number {
    this.fresh();
    return this.f32s[(this.at >> 2) + k]!;
  }
  f64(k: number): number {
    this.fresh();
    return this.f64s[(this.at >> 3) + k]!;
  }
  u32(k: number): number {
    this.fresh();
    return this.u32s[(this.at >> 2) + k]!;
  }
  i32(k: number): number {
    this.fresh();
    return this.i32s[(this.at >> 2) + k]!;
  }
  free(): void {
    this.p.free(this.at);
  }
}

/**
 * Given a page's visible box [x0, y0, x1, y1] in user space and its /Rotate, return the transform to
 * the displayed page (origin top-left, y down) and the displayed size, as pdf.js's viewport does.
 */
export function viewTransform(box: readonly number[], rotate: number): { view: Matrix; width: number; height: number } {
  const [x0, y0, x1, y1] = box as [number, number, number, number];
  const cx = (x0 + x1) / 2,
    cy = (y0 + y1) / 2;
  const turn = ((rotate % 360) + 360) % 360;
  const [a, b, c, d] =
    turn === 90 ? [0, 1, 1, 0] : turn === 180 ? [-1, 0, 0, 1] : turn === 270 ? [0, -1, -1, 0] : [1, 0, 0, -1];
  const sideways = a === 0;
  const ox = sideways ? Math.abs(cy - y0) : Math.abs(cx - x0);
  const oy = sideways ? Math.abs(cx - x0) : Math.abs(cy - y0);
  return {
    view: [a, b, c, d, ox - a * cx - c * cy, oy - b * cx - d * cy],
    width: sideways ? y1 - y0 : x1 - x0,
    height: sideways ? x1 - x0 : y1 - y0,
  };
}

/** Given red, green and blue of 0–255, return the colour as pdf.js names it ("#rrggbb"). */
function hex(r: number, g: number, b: number): string {
  return "#" + [r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("");
}

/** An open document, read one page at a time. */
export class PdfiumDocument {
  readonly numPages: number;
  private readonly scratch: Scratch;
  private constructor(
    private readonly m: Pdfium,
    private readonly doc: number,
    private readonly data: number,
  ) {
    this.numPages = m.FPDF_GetPageCount(doc);
    this.scratch = new Scratch(m);
  }

  /** Given the bytes of a PDF, return it open; throws UnreadableFileError when PDFium cannot open it. */
  static async open(bytes: Uint8Array, path: string): Promise<PdfiumDocument> {
    if (bytes.length === 0) throw new UnreadableFileError(path, "empty", "the file is empty");
    const m = await pdfium();
    const data = m.malloc(bytes.length);
    if (!data) throw new UnreadableFileError(path, "corrupt", "PDFium has no memory for the file");
    new Uint8Array(m.memory.buffer, data, bytes.length).set(bytes);
    const doc = m.FPDF_LoadMemDocument(data, bytes.length, 0);
    if (!doc) {
      const code = m.FPDF_GetLastError();
      m.free(data);
      if (code === PASSWORD_ERROR || code === SECURITY_ERROR)
        throw new UnreadableFileError(path, "encrypted", "the PDF needs a password");
      throw new UnreadableFileError(path, "corrupt", `not a readable PDF (PDFium error ${code})`);
    }
    return new PdfiumDocument(m, doc, data);
  }

  /** Given a 1-based page number, return the page's characters as text items and its painted paths. */
  rawPage(number: number): RawPage {
    const { m, scratch: s } = this;
    const page = m.FPDF_LoadPage(this.doc, number - 1);
    if (!page) throw new Error("PDFium could not load the page");
    try {
      const at = s.at;
      m.FPDFPage_GetMediaBox(page, at, at + 4, at + 8, at + 12);
      const media = [s.f32(0), s.f32(1), s.f32(2), s.f32(3)];
      let box = media;
      if (m.FPDFPage_GetCropBox(page, at, at + 4, at + 8, at + 12)) {
        const crop = [s.f32(0), s.f32(1), s.f32(2), s.f32(3)];
        const meet = [
          Math.max(Math.min(crop[0]!, crop[2]!), Math.min(media[0]!, media[2]!)),
          Math.max(Math.min(crop[1]!, crop[3]!), Math.min(media[1]!, media[3]!)),
          Math.min(Math.max(crop[0]!, crop[2]!), Math.max(media[0]!, media[2]!)),
          Math.min(Math.max(crop[1]!, crop[3]!), Math.max(media[1]!, media[3]!)),
        ];
        if (meet[2]! > meet[0]! && meet[3]! > meet[1]!) box = meet;
      }
      const { view, width, height } = viewTransform(box, m.FPDFPage_GetRotation(page) * 90);
      const paths: PaintedPath[] = [];
      let images = 0;
      const walk = (object: number, parent: Matrix | null) => {
        const type = m.FPDFPageObj_GetType(object);
        if (type === PATH_OBJECT) {
          const path = this.pathOf(object, parent);
          if (path) paths.push(path);
        } else if (type === IMAGE_OBJECT) images++;
        else if (type === FORM_OBJECT) {
          const own = this.matrixOf(object);
          const matrix = parent ? multiply(own, parent) : own;
          const count = m.FPDFFormObj_CountObjects(object);
          for (let k = 0; k < count; k++) walk(m.FPDFFormObj_GetObject(object, k), matrix);
        }
      };
      const count = m.FPDFPage_CountObjects(page);
      for (let k = 0; k < count; k++) walk(m.FPDFPage_GetObject(page, k), null);
      return {
        number,
        width,
        height,
        view,
        items: this.itemsOf(page, box),
        paths,
        paints: images > 0 || paths.length > 2000,
      };
    } finally {
      m.FPDF_ClosePage(page);
    }
  }

  /** Given a page object, return its matrix. */
  private matrixOf(object: number): Matrix {
    const { m, scratch: s } = this;
    if (!m.FPDFPageObj_GetMatrix(object, s.at)) return [1, 0, 0, 1, 0, 0];
    return [s.f32(0), s.f32(1), s.f32(2), s.f32(3), s.f32(4), s.f32(5)];
  }

  /** Given a path object and the matrix of the form holding it, return it as drawing codes with how it is painted; null when unpainted. */
  private pathOf(object: number, parent: Matrix | null): PaintedPath | null {
    const { m, scratch: s } = this;
    const at = s.at;
    if (!m.FPDFPath_GetDrawMode(object, at, at + 4)) return null;
    const fillMode = s.i32(0),
      stroked = s.i32(1) !== 0;
    let fill: string | null = null,
      stroke: string | null = null;
    if (fillMode !== 0 && m.FPDFPageObj_GetFillColor(object, at, at + 4, at + 8, at + 12))
      fill = hex(s.u32(0), s.u32(1), s.u32(2));
    if (stroked && m.FPDFPageObj_GetStrokeColor(object, at, at + 4, at + 8, at + 12))
      stroke = hex(s.u32(0), s.u32(1), s.u32(2));
    if (fillMode !== 0 && fill == null) fill = "#000000";
    if (stroked && stroke == null) stroke = "#000000";
    if (fill == null && stroke == null) return null;
    const own = this.matrixOf(object);
    const codes: number[] = [];
    const curve: number[] = [];
    const n = m.FPDFPath_CountSegments(object);
    for (let k = 0; k < n; k++) {
      const segment = m.FPDFPath_GetPathSegment(object, k);
      if (!segment || !m.FPDFPathSegment_GetPoint(segment, at, at + 4)) continue;
      const x = s.f32(0),
        y = s.f32(1);
      const type = m.FPDFPathSegment_GetType(segment);
      if (type === MOVE_TO) codes.push(0, x, y);
      else if (type === LINE_TO) codes.push(1, x, y);
      else if (type === BEZIER_TO) {
        curve.push(x, y);
        if (curve.length === 6) codes.push(2, ...curve.splice(0));
      }
      if (m.FPDFPathSegment_GetClose(segment)) codes.push(4);
    }
    return { codes, matrix: parent ? multiply(own, parent) : own, fill, stroke };
  }

  /**
   * Given a loaded page, return its text as items: runs of characters of one text object set
   * one after another on one baseline, each with its characters' own advances. PDFium's
   * generated spaces and line ends are left out; the line stage judges gaps itself. Characters
   * set outside the visible box [x0, y0, x1, y1] are not printed and are left out too.
   */
  private itemsOf(page: number, box: readonly number[]): RawTextItem[] {
    const { m, scratch: s } = this;
    const at = s.at;
    const text = m.FPDFText_LoadPage(page);
    if (!text) return [];
    const items: RawTextItem[] = [];
    let run: (RawTextItem & { object: number; end: number }) | null = null;
    try {
      const n = m.FPDFText_CountChars(text);
      for (let k = 0; k < n; k++) {
        if (m.FPDFText_IsGenerated(text, k) === 1) {
          if (run) this.endRunAt(text, k, run);
          continue;
        }
        const code = m.FPDFText_GetUnicode(text, k) >>> 0;
        if (code === 0 || code === 0x0d || code === 0x0a || code === 0xfffe || code > 0x10ffff) continue;
        const size = m.FPDFText_GetFontSize(text, k);
        if (!m.FPDFText_GetMatrix(text, k, at)) continue;
        const [a, b, c, d] = [s.f32(0) * size, s.f32(1) * size, s.f32(2) * size, s.f32(3) * size];
        if (!m.FPDFText_GetCharOrigin(text, k, at, at + 8)) continue;
        const [x, y] = [s.f64(0), s.f64(1)];
        const em = Math.hypot(a, b);
        if (em < 1e-6) continue;
        const [ux, uy] = [a / em, b / em];
        // The loose box spans the advance along the baseline (and the font's ascent and descent across it).
        let advance = 0;
        if (m.FPDFText_GetLooseCharBox(text, k, at)) {
          const [left, top, right, bottom] = [s.f32(0), s.f32(1), s.f32(2), s.f32(3)];
          advance = Math.abs(right - left) * Math.abs(ux) + Math.abs(top - bottom) * Math.abs(uy);
        }
        if (x + advance * ux < box[0]! || x > box[2]! || y < box[1]! || y > box[3]!) continue;
        const object = m.FPDFText_GetTextObject(text, k);
        const along = x * ux + y * uy;
        const t = run?.transform;
        const follows =
          run != null &&
          t != null &&
          run.object === object &&
          Math.abs(t[0]! - a) + Math.abs(t[1]! - b) + Math.abs(t[2]! - c) + Math.abs(t[3]! - d) < 1e-3 * em &&
          Math.abs((x - t[4]!) * -uy + (y - t[5]!) * ux) < 0.01 * em &&
          Math.abs(along - run.end) <= RUN_GAP_EM * em;
        const ch = String.fromCodePoint(code);
        if (run && follows) {
          run.advances![run.advances!.length - 1]! += along - run.end;
          run.str += ch;
          run.advances!.push(advance);
          run.end = along + advance;
          run.width = run.end - (t![4]! * ux + t![5]! * uy);
        } else {
          run = {
            str: ch,
            transform: [a, b, c, d, x, y],
            width: advance,
            vertical: false,
            advances: [advance],
            object,
            end: along + advance,
          };
          items.push(run);
        }
      }
    } finally {
      m.FPDFText_ClosePage(text);
    }
    return items.map(({ str, transform, width, vertical, advances }) => ({
      str,
      transform,
      width,
      vertical,
      advances,
    }));
  }

  /**
   * Given a run and a character PDFium generated after it, end the run where that character
   * starts: PDFium places it where the last glyph's advance ends, while the last glyph's loose
   * box can reach further (its outline's bounds).
   */
  private endRunAt(text: number, k: number, run: RawTextItem & { end: number }): void {
    const { m, scratch: s } = this;
    if (!m.FPDFText_GetCharOrigin(text, k, s.at, s.at + 8)) return;
    const t = run.transform;
    const em = Math.hypot(t[0]!, t[1]!);
    const [ux, uy] = [t[0]! / em, t[1]! / em];
    const [x, y] = [s.f64(0), s.f64(1)];
    if (Math.abs((x - t[4]!) * -uy + (y - t[5]!) * ux) > 0.01 * em) return;
    const along = x * ux + y * uy;
    const advances = run.advances!;
    const last = advances[advances.length - 1]!;
    const start = run.end - last;
    if (along <= start || along >= run.end) return;
    advances[advances.length - 1] = along - start;
    run.end = along;
    run.width = run.end - (t[4]! * ux + t[5]! * uy);
  }

  /** Close the document and free its memory. */
  destroy(): void {
    this.scratch.free();
    this.m.FPDF_CloseDocument(this.doc);
    this.m.free(this.data);
  }
}
