// The contract every extractor implements: which bytes it reads and how it turns them into the
// format-neutral Extraction. The registry (extractors/registry.ts) lists them; the pipeline asks
// the registry which extractor the bytes belong to and never names a format itself.
import type { Extraction } from "./extraction.js";
import type { Format } from "./model.js";

export interface ExtractOptions {
  /** The OCR engine for pages without a text layer ("paddle", the default, or "tesseract"). */
  ocrEngine?: string;
}

/** What an extractor is given besides the bytes: the options, and a way to read converted bytes. */
export interface ExtractContext extends ExtractOptions {
  /** Given bytes of any format, return their extraction (legacy Office files are converted, then read again). */
  extractBytes(bytes: Uint8Array, path: string): Promise<Extraction>;
}

export interface Extractor {
  /** The kind of file, as messages name it ("pdf", "docx", "ole" …). */
  name: string;
  /** The `source.format` values its extractions carry. */
  formats: readonly Format[];
  /** Given a file's bytes, return whether they are this extractor's kind (from the bytes, never the name). */
  detect(bytes: Uint8Array): boolean;
  /** Given the bytes and the path they were read from, return the extraction. */
  extract(bytes: Uint8Array, path: string, context: ExtractContext): Promise<Extraction>;
}
