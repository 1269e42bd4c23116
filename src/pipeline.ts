// The pipeline: file -> bytes -> extraction (the registry's extractor for the bytes) -> reports
// (the normalizers) -> a validated Document. The commands reach files through this module, the
// store and the importer; extractors and normalizers see bytes and grids only (an extractor that
// needs a helper program, LibreOffice, hands it bytes through a temporary folder).
import { createHash } from "node:crypto";
import type { Stats } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import type { ExtractOptions as ExtractorOptions } from "../contracts/extractor.js";
import { extractorOf } from "../extractors/registry.js";
import { normalize, type NormalizeSettings } from "../normalizers/index.js";
import { UnreadableFileError, type UnreadableReason } from "../contracts/errors.js";
import type { Extraction } from "../contracts/extraction.js";
import { LimitError, limitDetail, limits } from "../contracts/limits.js";
import { SCHEMA_ID, validateDocument, type Document } from "../contracts/model.js";
import { pathTextToFsPath } from "./paths.js";

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
    return new UnreadableFileError(
      path,
      errorToReason(e),
      e.code === "ENOENT" ? "no such file" : `${e.code ?? "error"}: ${e.message}`,
    );
  };
  const info = await stat(fsPath).catch((err) => {
    throw failed(err);
  });
  const special = specialKind(info);
  if (special)
    throw new UnreadableFileError(
      path,
      special === "a directory" ? "unsupported-format" : "not-a-file",
      `is ${special}`,
    );
  if (info.size > limits().maxFileMb * 1024 * 1024) {
    throw new UnreadableFileError(
      path,
      "too-large",
      limitDetail("maxFileMb", `${(info.size / 1024 / 1024).toFixed(0)} MB`),
    );
  }
  const bytes = await readFile(fsPath).catch((err) => {
    throw failed(err);
  });
  if (bytes.length === 0) throw new UnreadableFileError(path, "empty", "the file is empty");
  return bytes;
}

/**
 * Given a file's bytes, return the extraction made by the extractor of whichever format the bytes
 * are; a limit passed (contracts/limits.ts) fails the file as too-large, naming the limit.
 */
export async function extractBytes(
  bytes: Uint8Array,
  path: string,
  options: ExtractorOptions = {},
): Promise<Extraction> {
  const extractor = extractorOf(bytes);
  if (!extractor)
    throw new UnreadableFileError(
      path,
      "unsupported-format",
      "not a PDF, Word, Excel or HTML file (unrecognized bytes)",
    );
  try {
    return await extractor.extract(bytes, path, {
      ...options,
      extractBytes: (converted, at) => extractBytes(converted, at, options),
    });
  } catch (err) {
    if (err instanceof LimitError) throw new UnreadableFileError(path, "too-large", err.message);
    // Recursion the limits did not foresee: still an answer about this file, not a bare RangeError.
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      throw new UnreadableFileError(path, "too-large", "nested too deeply to read (the call stack ran out)");
    }
    throw err;
  }
}

/** Given bytes and the extraction made of them, return the validated canonical Document. */
export function extractionToDocument(
  bytes: Uint8Array,
  path: string,
  extraction: Extraction,
  options: ExtractOptions = {},
): Document {
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
