// The pipeline: file -> bytes -> extraction (the registry's extractor for the bytes) -> reports
// (the normalizers) -> a validated Document. The commands reach files through this module, the
// store and the importer; extractors and normalizers see bytes and grids only (an extractor that
// needs a helper program, LibreOffice, hands it bytes through a temporary folder).
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import type { ExtractOptions as ExtractorOptions } from "../contracts/extractor.js";
import { extractorOf } from "../extractors/registry.js";
import { normalize, type NormalizeSettings } from "../normalizers/index.js";
import { UnreadableFileError } from "../contracts/errors.js";
import type { Extraction } from "../contracts/extraction.js";
import { SCHEMA_ID, validateDocument, type Document } from "../contracts/model.js";

export interface ExtractOptions extends ExtractorOptions {
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

/** Given a file's bytes, return the extraction made by the extractor of whichever format the bytes are. */
export async function extractBytes(bytes: Uint8Array, path: string, options: ExtractorOptions = {}): Promise<Extraction> {
  const extractor = extractorOf(bytes);
  if (!extractor) throw new UnreadableFileError(path, "unsupported-format", "not a PDF, Word, Excel or HTML file (unrecognized bytes)");
  return extractor.extract(bytes, path, { ...options, extractBytes: (converted, at) => extractBytes(converted, at, options) });
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

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
