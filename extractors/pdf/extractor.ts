// The PDF entry of the extractor registry. Light on purpose: pdf.js is loaded when a PDF is read,
// and the OCR engine only when a page has no text layer.
import { UnreadableFileError } from "../../contracts/errors.js";
import type { Extractor } from "../../contracts/extractor.js";

/** Given a file's bytes, return whether a PDF header stands in its first kilobyte (PDF 32000 §7.5.2 allows junk before it). */
function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).indexOf("%PDF-") >= 0;
}

export const pdfExtractor: Extractor = {
  name: "pdf",
  formats: ["pdf"],
  detect: isPdf,
  async extract(bytes, path, context) {
    const { extractPdf } = await import("./index.js");
    return extractPdf(bytes, path, {}, (pages) => readScannedPages(bytes, path, pages, context.ocrEngine));
  },
};

/** Given a PDF and its pages without a text layer, return those pages read by OCR (loaded only when needed). */
async function readScannedPages(bytes: Uint8Array, path: string, pages: number[], engine: string | undefined) {
  const { ocrPdfPages, ocrEngineNames } = await import("./ocr/index.js");
  const { ocrPagesToLayouts } = await import("./ocr/layouts.js");
  if (engine && !(ocrEngineNames as readonly string[]).includes(engine)) {
    throw new UnreadableFileError(
      path,
      "missing-dependency",
      `unknown OCR engine "${engine}" (known: ${ocrEngineNames.join(", ")})`,
    );
  }
  const result = await ocrPdfPages(
    bytes,
    path,
    pages,
    engine ? { engine: engine as (typeof ocrEngineNames)[number] } : {},
  );
  return { layouts: ocrPagesToLayouts(result.pages), warnings: result.warnings };
}
