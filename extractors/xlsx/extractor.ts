// The XLSX entry of the extractor registry: a ZIP whose package holds a workbook part.
import type { Extractor } from "../../contracts/extractor.js";
import { looksLikeZip, openZip } from "../ooxml/zip.js";

/** Given a file's bytes, return whether they are a ZIP package holding xl/workbook.xml. */
function isWorkbook(bytes: Uint8Array): boolean {
  if (!looksLikeZip(bytes)) return false;
  try {
    return openZip(bytes).has("xl/workbook.xml");
  } catch {
    return false; // an unreadable ZIP is reported as corrupt by the DOCX reader, which takes every other ZIP
  }
}

export const xlsxExtractor: Extractor = {
  name: "xlsx",
  formats: ["xlsx"],
  detect: isWorkbook,
  async extract(bytes, path) {
    const { extractXlsx } = await import("./index.js");
    return extractXlsx(bytes, path);
  },
};
