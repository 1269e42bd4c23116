// The extractors jixiao knows, in the order their detectors are asked: the first whose `detect`
// accepts the bytes reads the file. To add a format, write its folder with an `extractor.ts`
// entry and list it here (docs/architecture.md).
import type { Extractor } from "../contracts/extractor.js";
import { docxExtractor } from "./docx/extractor.js";
import { htmlExtractor } from "./html/extractor.js";
import { oleExtractor } from "./ole/extractor.js";
import { pdfExtractor } from "./pdf/extractor.js";
import { xlsxExtractor } from "./xlsx/extractor.js";

/** Workbooks before documents: both are ZIP packages, and every ZIP that is not a workbook is read as DOCX. */
export const EXTRACTORS: readonly Extractor[] = [
  pdfExtractor,
  xlsxExtractor,
  docxExtractor,
  oleExtractor,
  htmlExtractor,
];

/** Given a file's bytes, return the extractor of their format, or undefined when no extractor knows them. */
export function extractorOf(bytes: Uint8Array): Extractor | undefined {
  return EXTRACTORS.find((extractor) => extractor.detect(bytes));
}

/** Given a file's bytes, return the name of their format ("pdf", "docx", "xlsx", "ole", "html") or "unknown". */
export function detectFormat(bytes: Uint8Array): string {
  return extractorOf(bytes)?.name ?? "unknown";
}
