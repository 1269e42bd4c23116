// What a PDF declares, read from its bytes before pdf.js decodes anything. Stream dictionaries
// are never inside object streams (PDF 32000 §7.5.7), so every image's /Width and /Height and
// every stream's filter and length can be found in the file as written. pdf.js sizes its buffers
// from these: a 1 KB image can declare 60,000 × 60,000 pixels, and a few MB of FlateDecode data
// can inflate to a gigabyte (§7.4.4), all outside the V8 heap.
import { createInflate } from "node:zlib";
import { limitDetail, limits, LimitError } from "../../contracts/limits.js";
import type { Warning } from "../../contracts/model.js";

/** One stream as its dictionary declares it; width and height for images only. */
export interface DeclaredStream {
  image: { width: number; height: number } | null;
  flate: boolean;
  /** Offset and length of the stream's data in the file. */
  start: number;
  length: number;
}

/** Deflate cannot expand data more than about 1032 times (RFC 1951: 258 bytes from a 2-bit code), so smaller streams need no check. */
const DEFLATE_MAX_RATIO = 1032;

/** How far before the `stream` keyword its dictionary may start. */
const DICT_WINDOW = 4096;

/** Given a dictionary's text and a key, return the key's value when it is a direct integer. */
function intEntry(dict: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(\\d+)(?!\\s+\\d+\\s+R)`).exec(dict);
  return m ? Number(m[1]) : null;
}

/** Given a PDF's bytes, return the streams whose dictionaries can be read, in file order. */
export function bytesToDeclaredStreams(bytes: Uint8Array): DeclaredStream[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const streams: DeclaredStream[] = [];
  for (let at = buf.indexOf("stream"); at >= 0; at = buf.indexOf("stream", at + 6)) {
    if (buf[at - 1] === 0x64 /* d of endstream */) continue;
    const before = buf.toString("latin1", Math.max(0, at - DICT_WINDOW), at);
    const open = before.lastIndexOf("obj");
    const dict = open >= 0 ? before.slice(open) : "";
    if (!dict.trimEnd().endsWith(">>")) continue;
    const start = at + 6 + (buf[at + 6] === 0x0d ? 2 : 1);
    const declared = intEntry(dict, "Length");
    const end =
      declared !== null && start + declared <= buf.length ? start + declared : buf.indexOf("endstream", start);
    const length = (end < 0 ? buf.length : end) - start;
    const width = intEntry(dict, "Width"),
      height = intEntry(dict, "Height");
    const image = /\/Subtype\s*\/Image/.test(dict) && width !== null && height !== null ? { width, height } : null;
    streams.push({ image, flate: /\/Filter\s*(\[\s*)?\/(FlateDecode|Fl)\b/.test(dict), start, length });
    at = start + Math.max(0, length) - 6;
  }
  return streams;
}

/** Given deflated data and a limit, return whether it inflates past the limit, counting the output without keeping it. */
export function inflatesPast(data: Uint8Array, limit: number): Promise<boolean> {
  return new Promise((resolve) => {
    const inflate = createInflate();
    let size = 0;
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        inflate.destroy();
        resolve(true);
      }
    });
    inflate.on("end", () => resolve(false));
    // Damaged data is pdf.js's to report; it cannot inflate past what was counted.
    inflate.on("error", () => resolve(size > limit));
    inflate.end(data);
  });
}

/**
 * Given a PDF's bytes, return warnings for the images past maxImagePixels (pdf.js is told to leave
 * them out); throws LimitError when a FlateDecode stream inflates past maxStreamMb.
 */
export async function checkDeclaredSizes(bytes: Uint8Array): Promise<Warning[]> {
  const { maxImagePixels, maxStreamMb } = limits();
  const maxStreamBytes = maxStreamMb * 1024 * 1024;
  const warnings: Warning[] = [];
  for (const s of bytesToDeclaredStreams(bytes)) {
    if (s.image && s.image.width * s.image.height > maxImagePixels) {
      const found = `an image of ${s.image.width.toLocaleString("en")} × ${s.image.height.toLocaleString("en")} pixels`;
      warnings.push({
        code: "limit-exceeded",
        message: `${limitDetail("maxImagePixels", found)}: the image is left out`,
        page: null,
      });
    }
    if (
      s.flate &&
      s.length * DEFLATE_MAX_RATIO > maxStreamBytes &&
      (await inflatesPast(bytes.subarray(s.start, s.start + s.length), maxStreamBytes))
    ) {
      throw new LimitError("maxStreamMb", `a FlateDecode stream at byte ${s.start} inflating past ${maxStreamMb} MB`);
    }
  }
  return warnings;
}
