// The pipeline: file -> bytes -> extraction (format-specific) -> reports (layout-specific) ->
// a validated Document. Only this module and the store touch files.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { extractDocx } from "../extractors/docx/index.js";
import { normalize, type NormalizeSettings } from "../normalizers/index.js";
import { UnreadableFileError } from "./errors.js";
import type { Extraction } from "./extraction.js";
import { detectFormat } from "./formats.js";
import { SCHEMA_ID, validateDocument, type Document } from "./model.js";

export interface ExtractOptions {
  normalize?: Partial<NormalizeSettings>;
  /** The OCR engine for pages without a text layer ("paddle", the default, or "tesseract"). */
  ocrEngine?: string;
  /** Replace the extractor's tables by these (jixiao extract --tables-from). */
  extraction?: Extraction;
}

export interface Extracted {
  document: Document;
  extraction: Extraction;
  size: number;
}

/** Given a path, return its bytes; throws UnreadableFileError for missing, unreadable or empty files. */
export async function readSource(path: string): Promise<Buffer> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new UnreadableFileError(path, "missing", "no such file");
  }
  if (info.isDirectory()) throw new UnreadableFileError(path, "unsupported-format", "is a directory");
  const bytes = await readFile(path);
  if (bytes.length === 0) throw new UnreadableFileError(path, "empty", "the file is empty");
  return bytes;
}

/** Given a file's bytes, return the extraction of whichever format the bytes are. */
export async function extractBytes(bytes: Uint8Array, path: string, options: Pick<ExtractOptions, "ocrEngine"> = {}): Promise<Extraction> {
  const format = detectFormat(bytes);
  switch (format) {
    case "docx":
      return extractDocx(bytes, path);
    case "pdf": {
      const { extractPdf } = await import("../extractors/pdf/index.js");
      return extractPdf(bytes, path, {}, (pages) => readScannedPages(bytes, path, pages, options.ocrEngine));
    }
    case "ole": {
      const { extractOle } = await import("../extractors/ole/index.js");
      return extractOle(bytes, path);
    }
    case "xlsx": {
      const { extractXlsx } = await import("../extractors/xlsx/index.js");
      return extractXlsx(bytes, path);
    }
    case "html": {
      const { extractHtml } = await import("../extractors/html/index.js");
      return extractHtml(bytes, path);
    }
    default:
      throw new UnreadableFileError(path, "unsupported-format", "neither PDF nor DOCX (unrecognized bytes)");
  }
}

/** Given bytes and the extraction made of them, return the validated canonical Document. */
export function extractionToDocument(bytes: Uint8Array, path: string, extraction: Extraction, options: ExtractOptions = {}): Document {
  const { value: reports, warnings } = normalize(extraction, options.normalize);
  return validateDocument({
    schema: SCHEMA_ID,
    source: {
      path,
      sha256: sha256Of(bytes),
      format: extraction.format,
      textLayer: extraction.textLayer,
      pages: extraction.pages,
    },
    reports,
    warnings: [...extraction.warnings, ...warnings],
  });
}

/** Given a path, return its Document and the extraction it was read from. */
export async function extractFile(path: string, options: ExtractOptions = {}): Promise<Extracted> {
  const bytes = await readSource(path);
  const extraction = options.extraction ?? (await extractBytes(bytes, path, options));
  return { document: extractionToDocument(bytes, path, extraction, options), extraction, size: bytes.length };
}

/** Given a PDF and its pages without a text layer, return those pages read by OCR (loaded only when needed). */
async function readScannedPages(bytes: Uint8Array, path: string, pages: number[], engine: string | undefined) {
  const { ocrPdfPages, ocrEngineNames } = await import("../extractors/ocr/index.js");
  const { ocrPagesToLayouts } = await import("../extractors/ocr/layouts.js");
  if (engine && !(ocrEngineNames as readonly string[]).includes(engine)) {
    throw new UnreadableFileError(path, "missing-dependency", `unknown OCR engine "${engine}" (known: ${ocrEngineNames.join(", ")})`);
  }
  const result = await ocrPdfPages(bytes, path, pages, engine ? { engine: engine as (typeof ocrEngineNames)[number] } : {});
  return { layouts: ocrPagesToLayouts(result.pages), warnings: result.warnings };
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
