// Format detection from the bytes, never the file name: sites serve HTML as .xls and .pdf, and
// DOCX files named .doc. The name is only a hint for the error message.
import { looksLikeZip, openZip } from "../extractors/docx/zip.js";

export type DetectedFormat = "pdf" | "docx" | "xlsx" | "ole" | "html" | "unknown";

/** Given a file's first bytes (and the bytes when a ZIP must be looked into), return its format. */
export function detectFormat(bytes: Uint8Array): DetectedFormat {
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head.indexOf("%PDF-") >= 0 && head.indexOf("%PDF-") < 1024) return "pdf";
  if (looksLikeZip(bytes)) return zipFormat(bytes);
  if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) return "ole";
  const text = head.toString("latin1").replace(/^\ufeff|^\xef\xbb\xbf/, "").trimStart().toLowerCase();
  if (/^<(!doctype html|html|head|body|table|meta|\?xml[^>]*>\s*<html)/.test(text) || /<table[\s>]/.test(text)) return "html";
  return "unknown";
}

function zipFormat(bytes: Uint8Array): DetectedFormat {
  try {
    const zip = openZip(bytes);
    if (zip.has("word/document.xml")) return "docx";
    if (zip.has("xl/workbook.xml")) return "xlsx";
  } catch {
    // An unreadable ZIP is reported by the extractor that tries it, as corrupt.
  }
  return "docx";
}
