// Load stage: the only part of the PDF extractor that talks to pdf.js. Opens the document with
// everything local (CMaps for Chinese fonts, standard fonts, wasm decoders: nothing is fetched)
// and reads one page at a time, releasing it afterwards so memory stays bounded on long files.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { PDFDocumentProxy } from "./pdfjs.js";
import { UnreadableFileError } from "../../contracts/errors.js";
import { limits } from "../../contracts/limits.js";
import type { Matrix } from "./geometry.js";

/** One text item of pdf.js getTextContent, reduced to what the glyph stage reads. */
export interface RawTextItem {
  str: string;
  /** [a, b, c, d, e, f] in PDF user space (origin bottom-left). */
  transform: number[];
  /** Advance of the whole item in user space units. */
  width: number;
  vertical: boolean;
  /** Each character's advance, when the reader knows them (PDFium); else they are estimated from the width. */
  advances?: number[];
}

/** One painted path: drawing codes as pdf.js gives them (moveTo 0 x y, lineTo 1 x y, curveTo 2 and six numbers, closePath 4). */
export interface PaintedPath {
  codes: ArrayLike<number>;
  /** Maps the codes' coordinates to PDF user space. */
  matrix: Matrix;
  /** The fill's and the stroke's colours ("#rrggbb"), null when not filled or not stroked. */
  fill: string | null;
  stroke: string | null;
}

/** What one page yields: its size as displayed, the user-space-to-display transform, text items and painted paths. */
export interface RawPage {
  number: number;
  width: number;
  height: number;
  /** Maps PDF user space to the displayed page (origin top-left, /Rotate applied). */
  view: Matrix;
  items: RawTextItem[];
  paths: PaintedPath[];
  /** Whether the page paints images or more paths than a page of ruled tables would: with no text, a scan or outlined text, worth OCR. */
  paints: boolean;
}

const packageDir = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));

/** Given a folder of the pdfjs-dist package, return it as a filesystem path with the trailing slash pdf.js expects. */
function packagePath(folder: string): string {
  return join(packageDir, folder) + "/";
}

/**
 * What the document is opened for. To "draw" (render pages: OCR, crops), pdf.js must turn every
 * glyph it shows into an outline, since Node has no font loading. To "read" (text and operators
 * only), nothing is drawn: glyph outlines are not built and fonts are not loaded on this side,
 * which saved about a fifth of pdf.js's time on the fixtures with the same text and operators.
 */
export type DocumentUse = "read" | "draw";

/** Given the bytes of a PDF and what it is opened for, return the open pdf.js document; throws UnreadableFileError when unusable. */
export async function bytesToDocument(
  bytes: Uint8Array,
  path: string,
  use: DocumentUse = "draw",
): Promise<PDFDocumentProxy> {
  if (bytes.length === 0) throw new UnreadableFileError(path, "empty", "the file is empty");
  const { getDocument } = await import("./pdfjs.js");
  const task = getDocument({
    // pdf.js transfers the buffer it is given; a copy keeps the caller's bytes intact.
    data: new Uint8Array(bytes),
    cMapUrl: packagePath("cmaps"),
    cMapPacked: true,
    standardFontDataUrl: packagePath("standard_fonts"),
    wasmUrl: packagePath("wasm"),
    iccUrl: packagePath("iccs"),
    isEvalSupported: false,
    useSystemFonts: false,
    // With font faces enabled, pdf.js's worker builds no glyph outlines; the display side would
    // then install each font as a CSS font face, which Node cannot do, so its loader is idled below.
    disableFontFace: use === "draw",
    stopAtErrors: false,
    verbosity: 0,
    // Checked against the image's declared size before it is decoded (prescan.ts warns of it).
    maxImageSize: limits().maxImagePixels,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw loadErrorToUnreadable(err, path);
  }
  if (use === "read") idleFontLoader(doc);
  return doc;
}

/**
 * Given a document opened to read, make its font loader accept every font without installing it.
 * Left as it is, the loader fails on Node and asks the worker for a fallback font, which would
 * change the text's metrics; so a pdf.js whose loader is not where expected is an error.
 */
function idleFontLoader(doc: PDFDocumentProxy): void {
  const loader = (doc as unknown as { _transport?: { fontLoader?: { bind?: unknown } } })._transport?.fontLoader;
  if (typeof loader?.bind !== "function")
    throw new Error(
      'pdfjs-dist changed: the document\'s font loader (_transport.fontLoader.bind) is gone; open it to "draw"',
    );
  loader.bind = async () => {};
}

/** Given an error from pdf.js's getDocument, return the UnreadableFileError that names its reason. */
export function loadErrorToUnreadable(err: unknown, path: string): UnreadableFileError {
  const name = (err as { name?: string } | null)?.name ?? "";
  const message = (err as Error | null)?.message ?? String(err);
  if (name === "PasswordException")
    return new UnreadableFileError(path, "encrypted", `the PDF needs a password (${message})`);
  return new UnreadableFileError(path, "corrupt", `not a readable PDF (${message})`);
}

/** Given an open document and a 1-based page number, return the page's raw text items and operators. */
export async function documentToRawPage(doc: PDFDocumentProxy, number: number): Promise<RawPage> {
  const { operatorListToPaths, operatorsPaint } = await import("./operators.js");
  const page = await doc.getPage(number);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const operators = await page.getOperatorList();
    const items: RawTextItem[] = [];
    for (const item of content.items) {
      if (!("str" in item)) continue;
      const style = content.styles[item.fontName];
      items.push({
        str: item.str,
        transform: item.transform as number[],
        width: item.width,
        vertical: style?.vertical === true,
      });
    }
    return {
      number,
      width: viewport.width,
      height: viewport.height,
      view: viewport.transform as unknown as Matrix,
      items,
      paths: operatorListToPaths(operators.fnArray, operators.argsArray as unknown[][]),
      paints: operatorsPaint(operators.fnArray),
    };
  } finally {
    page.cleanup();
  }
}

/** Which library reads a PDF's text and paths: PDFium by default, pdf.js to compare or where PDFium cannot open the file. */
export type PdfEngine = "pdfium" | "pdfjs";

/** An open PDF, read one page at a time. */
export interface PageSource {
  engine: PdfEngine;
  numPages: number;
  rawPage(number: number): Promise<RawPage>;
  destroy(): Promise<void>;
}

/** Given a document opened by pdf.js to read, return it as a page source. */
function pdfjsSource(doc: PDFDocumentProxy): PageSource {
  return {
    engine: "pdfjs",
    numPages: doc.numPages,
    rawPage: (n) => documentToRawPage(doc, n),
    destroy: () => doc.destroy(),
  };
}

/**
 * Given the bytes of a PDF and the engine to read it with, return its pages; throws
 * UnreadableFileError when unusable. A file PDFium finds corrupt is tried with pdf.js, whose
 * repairs differ; an encrypted one is not.
 */
export async function bytesToPageSource(
  bytes: Uint8Array,
  path: string,
  engine: PdfEngine = "pdfium",
): Promise<PageSource> {
  if (engine === "pdfium") {
    const { PdfiumDocument } = await import("./pdfium.js");
    try {
      const doc = await PdfiumDocument.open(bytes, path);
      return {
        engine,
        numPages: doc.numPages,
        rawPage: async (n) => doc.rawPage(n),
        destroy: async () => doc.destroy(),
      };
    } catch (err) {
      if (!(err instanceof UnreadableFileError) || err.reason !== "corrupt") throw err;
    }
  }
  return pdfjsSource(await bytesToDocument(bytes, path, "read"));
}
