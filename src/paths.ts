// File names as bytes. Linux names are bytes, not text: archives made on Chinese Windows and
// unzipped here carry GBK names that are not UTF-8, and Node's text decoding would turn them into
// U+FFFD, a name that no longer opens anything. A name that is not UTF-8 is kept as text with each
// byte that is not part of a UTF-8 character written `\xHH`, which reads back to the same bytes.
import { existsSync } from "node:fs";

/** Given a byte offset in a name, return the length of the UTF-8 character that starts there, or 0 when none does. */
function utf8LengthAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const [length, min] =
    b < 0x80
      ? [1, 0]
      : b >= 0xc2 && b < 0xe0
        ? [2, 0x80]
        : b >= 0xe0 && b < 0xf0
          ? [3, 0x800]
          : b >= 0xf0 && b < 0xf5
            ? [4, 0x10000]
            : [0, 0];
  if (length <= 1 || i + length > bytes.length) return length === 1 ? 1 : 0;
  let code = b & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    const c = bytes[i + k]!;
    if ((c & 0xc0) !== 0x80) return 0;
    code = (code << 6) | (c & 0x3f);
  }
  return code >= min && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? length : 0;
}

/** Given a name's bytes, return it as text: the name itself when it is UTF-8, else `\xHH` for each byte outside a UTF-8 character and each backslash. */
export function bytesToPathText(bytes: Uint8Array): string {
  const plain = Buffer.from(bytes).toString("utf8");
  if (Buffer.from(plain, "utf8").equals(bytes)) return plain;
  let text = "";
  let start = 0;
  for (let i = 0; i < bytes.length;) {
    // A backslash is escaped too, so that the text reads back unambiguously.
    const length = bytes[i] === 0x5c ? 0 : utf8LengthAt(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    text +=
      Buffer.from(bytes.subarray(start, i)).toString("utf8") +
      `\\x${bytes[i]!.toString(16).toUpperCase().padStart(2, "0")}`;
    start = ++i;
  }
  return text + Buffer.from(bytes.subarray(start)).toString("utf8");
}

const ESCAPE = /\\x([0-9A-F]{2})/g;
const HAS_ESCAPE = /\\x[0-9A-F]{2}/;

/** Given a path as bytesToPathText writes it, return what the file system is given: the text, or its bytes when it holds escapes. */
export function pathTextToFsPath(text: string): string | Buffer {
  if (!HAS_ESCAPE.test(text) || existsSync(text)) return text;
  const parts: Buffer[] = [];
  let last = 0;
  for (const match of text.matchAll(ESCAPE)) {
    parts.push(Buffer.from(text.slice(last, match.index), "utf8"), Buffer.from([parseInt(match[1]!, 16)]));
    last = match.index + match[0].length;
  }
  parts.push(Buffer.from(text.slice(last), "utf8"));
  return Buffer.concat(parts);
}
