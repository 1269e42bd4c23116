// The DOCX entry of the extractor registry: any ZIP that is not a workbook is tried as a Word
// document, so that a damaged archive is reported by the DOCX reader as corrupt.
import type { Extractor } from "../../contracts/extractor.js";
import { looksLikeZip } from "../ooxml/zip.js";

export const docxExtractor: Extractor = {
  name: "docx",
  formats: ["docx"],
  detect: looksLikeZip,
  async extract(bytes, path) {
    const { extractDocx } = await import("./index.js");
    return extractDocx(bytes, path);
  },
};
