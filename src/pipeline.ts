// The pipeline: file -> bytes -> extraction (format-specific) -> reports (layout-specific) ->
// a validated Document. Only this module and the store touch files.
import { createHash } from "node:crypto";
import type { Stats } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extractDocx } from "../extractors/docx/index.js";
import { normalize, type NormalizeSettings } from "../normalizers/index.js";
import { UnreadableFileError, type UnreadableReason } from "./errors.js";
import type { Extraction } from "./extraction.js";
import { detectFormat } from "./formats.js";
import { LimitError, limitDetail, limits } from "./limits.js";
import { SCHEMA_ID, validateDocument, type Document } from "./model.js";
import { pathTextToFsPath } from "./paths.js";

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

/** Given a file's status, return what kind of special file it is, or null for a regular file. */
function specialKind(info: Stats): string | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return "a directory";
  if (info.isFIFO()) return "a FIFO (named pipe)";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  return "not a regular file";
}

/** Given a file system error, return the reason a path cannot be read. */
function errorToReason(err: NodeJS.ErrnoException): UnreadableReason {
  if (err.code === "EACCES" || err.code === "EPERM") return "unreadable";
  if (err.code === "ELOOP") return "symlink-loop";
  if (err.code === "ERR_FS_FILE_TOO_LARGE" || err.code === "EFBIG") return "too-large";
  return err.code === "ENOENT" || err.code === "ENOTDIR" ? "missing" : "unreadable";
}

/**
 * Given a path, return its bytes; throws UnreadableFileError for files that are missing, not
 * readable, not regular files (a FIFO would block the read forever), larger than maxFileMb
 * (checked before reading: a sparse file can claim gigabytes on a few blocks) or empty.
 */
export async function readSource(path: string): Promise<Buffer> {
  const fsPath = pathTextToFsPath(path);
  const failed = (err: unknown) => {
    const e = err as NodeJS.ErrnoException;
    return new UnreadableFileError(path, errorToReason(e), e.code === "ENOENT" ? "no such file" : `${e.code ?? "error"}: ${e.message}`);
  };
  const info = await stat(fsPath).catch((err) => {
    throw failed(err);
  });
  const special = specialKind(info);
  if (special) throw new UnreadableFileError(path, special === "a directory" ? "unsupported-format" : "not-a-file", `is ${special}`);
  if (info.size > limits().maxFileMb * 1024 * 1024) {
    throw new UnreadableFileError(path, "too-large", limitDetail("maxFileMb", `${(info.size / 1024 / 1024).toFixed(0)} MB`));
  }
  const bytes = await readFile(fsPath).catch((err) => {
    throw failed(err);
  });
  if (bytes.length === 0) throw new UnreadableFileError(path, "empty", "the file is empty");
  return bytes;
}

/**
 * Given a file's bytes, return the extraction of whichever format the bytes are; a limit passed
 * (src/limits.ts) fails the file as too-large, naming the limit.
 */
export async function extractBytes(bytes: Uint8Array, path: string, options: Pick<ExtractOptions, "ocrEngine"> = {}): Promise<Extraction> {
  try {
    return await extractByFormat(bytes, path, options);
  } catch (err) {
    if (err instanceof LimitError) throw new UnreadableFileError(path, "too-large", err.message);
    // Recursion the limits did not foresee: still an answer about this file, not a bare RangeError.
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      throw new UnreadableFileError(path, "too-large", "nested too deeply to read (the call stack ran out)");
    }
    throw err;
  }
}

async function extractByFormat(bytes: Uint8Array, path: string, options: Pick<ExtractOptions, "ocrEngine">): Promise<Extraction> {
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
