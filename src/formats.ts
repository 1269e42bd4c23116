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
  if (looksLikeHtml(headText(head))) return "html";
  return "unknown";
}

/** Given a file's first bytes, return them as text for sniffing: UTF-16 by its byte order mark, else byte for byte. */
function headText(head: Buffer): string {
  const even = head.subarray(2, 2 + ((head.length - 2) & ~1));
  if (head[0] === 0xff && head[1] === 0xfe) return even.toString("utf16le");
  if (head[0] === 0xfe && head[1] === 0xff) return Buffer.from(even).swap16().toString("utf16le");
  return head.toString("latin1").replace(/^\xef\xbb\xbf/, "");
}

/**
 * Given the start of a file as text, return whether it is an HTML page: it opens (after white
 * space and comments) with a tag that starts pages, or holds a table or html element early on.
 */
export function looksLikeHtml(start: string): boolean {
  const text = start.replace(/^(\s|<!--[\s\S]*?-->)+/, "").toLowerCase();
  return /^<(!doctype html|html|head|body|table|meta|title|style|\?xml[^>]*>\s*(<!doctype html|<html))/.test(text) || /<(table|html)[\s>]/.test(text);
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
