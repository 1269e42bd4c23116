// The HTML entry of the extractor registry. Sites serve HTML pages as .xls, .doc and even .pdf,
// so a page is recognized by how it starts, in UTF-16 when it carries a byte order mark.
import type { Extractor } from "../../contracts/extractor.js";

/** Given a file's first bytes, return them as text for sniffing: UTF-16 by its byte order mark, else byte for byte. */
function headText(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
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
  return (
    /^<(!doctype html|html|head|body|table|meta|title|style|\?xml[^>]*>\s*(<!doctype html|<html))/.test(text) ||
    /<(table|html)[\s>]/.test(text)
  );
}

export const htmlExtractor: Extractor = {
  name: "html",
  formats: ["html"],
  detect: (bytes) => looksLikeHtml(headText(bytes)),
  async extract(bytes, path) {
    const { extractHtml } = await import("./index.js");
    return extractHtml(bytes, path);
  },
};
