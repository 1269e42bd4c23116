// The character encoding of an HTML page, decided as a browser decides it (WHATWG HTML §13.2.3.2
// "determining the character encoding"): a byte order mark, else a <meta charset> or http-equiv
// Content-Type declaration in the first 1024 bytes, else a guess. Chinese government sites serve
// GB2312/GBK/GB18030 as often as UTF-8, and not always as declared: a declaration the bytes
// cannot be (UTF-8 declared, invalid as UTF-8) gives way to GB18030, and bytes that are valid
// UTF-8 beyond ASCII are UTF-8 whatever a legacy declaration says, with a warning either way.
// GB2312 and GBK are subsets of GB18030: the Encoding Standard decodes all three alike.
import type { Warning } from "../../contracts/model.js";

export interface Decoded {
  text: string;
  /** The encoding's name as TextDecoder reports it ("utf-8", "gbk", "gb18030", …). */
  encoding: string;
  /** How it was decided. */
  source: "bom" | "declared" | "guessed";
  warnings: Warning[];
}

const PRESCAN_BYTES = 1024;

/** Given bytes, return the encoding their byte order mark names and the mark's length, or null. */
export function bomToEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/** Given the start of a page, return the label its first meta declaration gives, if any. */
export function declaredLabel(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES))
    .toString("latin1")
    .replace(/<!--[\s\S]*?-->/g, "");
  for (const [tag] of head.matchAll(/<meta\b[^>]*>/gi)) {
    const charset = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    const isContentType =
      /\bcharset\s*=/i.test(tag) &&
      (/\bhttp-equiv\s*=\s*["']?\s*content-type/i.test(tag) || !/\bcontent\s*=/i.test(tag));
    if (charset && isContentType) return charset[1]!;
  }
  return null;
}

/** Given an encoding label, return the encoding TextDecoder knows it as, or null for an unknown label. */
export function labelToEncoding(label: string): string | null {
  try {
    const encoding = new TextDecoder(label.trim().toLowerCase()).encoding;
    // §13.2.3.3: a page cannot declare itself UTF-16 in its own ASCII bytes; such a declaration means UTF-8.
    return encoding.startsWith("utf-16") ? "utf-8" : encoding;
  } catch {
    return null;
  }
}

/** Given bytes, return their text when they are valid UTF-8, else null. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const hasNonAscii = (bytes: Uint8Array) => bytes.some((b) => b >= 0x80);

/** Given a page's bytes, return its text and how its encoding was decided. */
export function bytesToText(bytes: Uint8Array): Decoded {
  const bom = bomToEncoding(bytes);
  if (bom)
    return {
      text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)),
      encoding: bom.encoding,
      source: "bom",
      warnings: [],
    };
  const label = declaredLabel(bytes);
  const declared = label === null ? null : labelToEncoding(label);
  const utf8 = strictUtf8(bytes);
  if (declared === null) {
    const warnings =
      label === null
        ? []
        : [
            warning(
              "html-encoding-unknown",
              `the page declares the unknown encoding "${label}"; decoded as ${utf8 === null ? "GB18030" : "UTF-8"}`,
            ),
          ];
    return utf8 !== null
      ? { text: utf8, encoding: "utf-8", source: "guessed", warnings }
      : { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030", source: "guessed", warnings };
  }
  if (declared === "utf-8" && utf8 === null) {
    const gb = new TextDecoder("gb18030").decode(bytes);
    if (!gb.includes("\ufffd"))
      return {
        text: gb,
        encoding: "gb18030",
        source: "guessed",
        warnings: [
          warning("html-encoding-mislabelled", "the page declares UTF-8 but is not valid UTF-8; decoded as GB18030"),
        ],
      };
  }
  if (declared !== "utf-8" && utf8 !== null && hasNonAscii(bytes)) {
    return {
      text: utf8,
      encoding: "utf-8",
      source: "guessed",
      warnings: [
        warning("html-encoding-mislabelled", `the page declares ${label} but its bytes are UTF-8; decoded as UTF-8`),
      ],
    };
  }
  return { text: new TextDecoder(declared).decode(bytes), encoding: declared, source: "declared", warnings: [] };
}

function warning(code: string, message: string): Warning {
  return { code, message, page: null };
}
