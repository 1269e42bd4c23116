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
export async function extractBytes(bytes: Uint8Array, path: string): Promise<Extraction> {
  const format = detectFormat(bytes);
  switch (format) {
    case "docx":
      return extractDocx(bytes, path);
    case "pdf": {
      const { extractPdf } = await import("../extractors/pdf/index.js");
      return extractPdf(bytes, path);
    }
    case "ole":
      throw new UnreadableFileError(path, "unsupported-format", "a legacy Office file (.doc/.xls/.wps); convert it to DOCX/XLSX first");
    case "xlsx":
      throw new UnreadableFileError(path, "unsupported-format", "an XLSX workbook, which this version does not read");
    case "html":
      throw new UnreadableFileError(path, "unsupported-format", "an HTML page, which this version does not read");
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
  const extraction = options.extraction ?? (await extractBytes(bytes, path));
  return { document: extractionToDocument(bytes, path, extraction, options), extraction, size: bytes.length };
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
