// Character classes and code point repairs for Chinese text read from PDF text layers.
// Fonts subset by Word, WPS and LibreOffice often map a glyph shared by a radical and an
// ideograph to the radical's code point (Kangxi Radicals U+2F00–U+2FDF, CJK Radicals
// Supplement U+2E80–U+2EFF): "⼀" for "一", "⻅" for "见". NFKC maps the Kangxi block but only two
// code points of the supplement, so the supplement is mapped here (Unicode 15 code charts,
// EquivalentUnifiedIdeograph.txt).

const SUPPLEMENT: Record<number, string> = {
  0x2e85: "亻",
  0x2e86: "冂",
  0x2e8a: "卜",
  0x2e8c: "小",
  0x2e8d: "小",
  0x2e8e: "兀",
  0x2e8f: "尣",
  0x2e90: "尢",
  0x2e92: "巳",
  0x2e93: "幺",
  0x2e94: "彑",
  0x2e96: "忄",
  0x2e97: "心",
  0x2e98: "扌",
  0x2e99: "攵",
  0x2e9b: "旡",
  0x2e9c: "日",
  0x2e9d: "月",
  0x2e9e: "歺",
  0x2e9f: "母",
  0x2ea0: "民",
  0x2ea1: "氵",
  0x2ea2: "氺",
  0x2ea3: "灬",
  0x2ea4: "爫",
  0x2ea6: "丬",
  0x2ea7: "牛",
  0x2ea8: "犭",
  0x2ea9: "王",
  0x2eaa: "疋",
  0x2eab: "罒",
  0x2eac: "示",
  0x2ead: "礻",
  0x2eae: "竹",
  0x2eaf: "糹",
  0x2eb0: "纟",
  0x2eb2: "罒",
  0x2eb6: "羊",
  0x2eb7: "羊",
  0x2eb9: "耂",
  0x2eba: "肀",
  0x2ebb: "聿",
  0x2ebc: "月",
  0x2ebd: "臼",
  0x2ebe: "艹",
  0x2ebf: "艹",
  0x2ec0: "艹",
  0x2ec1: "虎",
  0x2ec2: "衤",
  0x2ec3: "覀",
  0x2ec4: "西",
  0x2ec5: "见",
  0x2ec6: "角",
  0x2ec7: "角",
  0x2ec8: "讠",
  0x2ec9: "贝",
  0x2eca: "足",
  0x2ecb: "车",
  0x2ecc: "辶",
  0x2ecd: "辶",
  0x2ece: "辶",
  0x2ecf: "阝",
  0x2ed0: "钅",
  0x2ed1: "長",
  0x2ed2: "镸",
  0x2ed3: "长",
  0x2ed4: "门",
  0x2ed5: "阝",
  0x2ed6: "阝",
  0x2ed7: "雨",
  0x2ed8: "青",
  0x2ed9: "韦",
  0x2eda: "页",
  0x2edb: "风",
  0x2edc: "飞",
  0x2edd: "食",
  0x2ede: "食",
  0x2edf: "飠",
  0x2ee0: "饣",
  0x2ee1: "首",
  0x2ee2: "马",
  0x2ee3: "骨",
  0x2ee4: "鬼",
  0x2ee5: "鱼",
  0x2ee6: "鸟",
  0x2ee7: "卤",
  0x2ee8: "麦",
  0x2ee9: "黄",
  0x2eea: "黾",
  0x2eeb: "斉",
  0x2eec: "齐",
  0x2eed: "歯",
  0x2eee: "齿",
  0x2eef: "竜",
  0x2ef0: "龙",
  0x2ef1: "龜",
  0x2ef2: "亀",
  0x2ef3: "龟",
};

/**
 * Code points whose glyph a Simplified Chinese face shares with another: a producer that rebuilds
 * the text from glyphs (Chromium's Type 3 fonts map each glyph back to one code point) may name
 * the wrong one. Noto/Source Han SC draws 戶 as 户, and the horizontal bar as the em dash.
 */
const SHARED_GLYPH: Record<number, string> = { 0x6236: "户", 0x2015: "—" };

/** Given a code point, return whether NFKC maps it to a unified ideograph (Kangxi radicals, compatibility ideographs). */
function isNfkcIdeographForm(cp: number): boolean {
  return (cp >= 0x2f00 && cp <= 0x2fdf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x2f800 && cp <= 0x2fa1f);
}

/** Given one character, return it with radical and compatibility forms mapped to unified ideographs. */
export function charToUnified(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const unified = cp < 0x2e80 ? ch : (SUPPLEMENT[cp] ?? (isNfkcIdeographForm(cp) ? ch.normalize("NFKC") : ch));
  // The Kangxi radical ⼾ (U+2F3E) unifies with 戶, drawn as 户 by the SC faces that name it.
  return SHARED_GLYPH[unified.codePointAt(0) ?? 0] ?? unified;
}

/** Given a string, return it with every radical and compatibility form mapped to unified ideographs. */
export function textToUnified(text: string): string {
  if (!/[\u2e80-\u2fdf\uf900-\ufaff\u6236\u2015]|[\u{2f800}-\u{2fa1f}]/u.test(text)) return text;
  let out = "";
  for (const ch of text) out += charToUnified(ch);
  return out;
}

/** Given one character, return whether it is written full width in Chinese text (ideographs, CJK punctuation, fullwidth forms). */
export function isWide(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff01 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x20000
  );
}

/**
 * Given one character, return whether Chinese fonts set it full width although Latin fonts do
 * not (East Asian Width "ambiguous": ≥ ≤ × ± ° — … ①, arrows, box drawing).
 */
export function isAmbiguousWidth(ch: string): boolean {
  return /^[\u00b0\u00b1\u00b7\u00d7\u00f7\u2010-\u2027\u2030-\u203b\u2103\u2116\u2160-\u217f\u2190-\u21ff\u2200-\u22ff\u2460-\u24ff\u2500-\u257f\u25a0-\u25ff\u2600-\u26ff]$/.test(
    ch,
  );
}

/** Given one character, return whether a space beside it is never a real space in Chinese text. */
export function isCjkLike(ch: string): boolean {
  // Curly quotes, dashes and the ellipsis are set full width in Chinese text ("“两新”组织").
  return isWide(ch) || "“”‘’—…·".includes(ch);
}

/**
 * Given text pieced together from glyphs, return it with whitespace collapsed and every space that
 * touches a Chinese character removed: such spaces come from gaps the producer left (LibreOffice
 * sets a gap between digits and ideographs, "≥15 万人"; WPS justifies lines with gaps), not from
 * the source text. Spaces between Latin words and numbers stay.
 */
export function tidySpaces(text: string): string {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === " " && (isCjkLike(chars[i - 1] ?? "") || isCjkLike(chars[i + 1] ?? ""))) continue;
    out += ch;
  }
  return out;
}

/**
 * Given two lines of one cell or paragraph, return the separator between them: nothing for
 * Chinese (lines wrap between any two characters), nothing inside a number broken by the wrap,
 * a space between Latin words.
 */
export function lineJoiner(before: string, after: string): string {
  const last = before.at(-1) ?? "";
  const first = [...after][0] ?? "";
  if (!last || !first) return "";
  if (isCjkLike(last) || isCjkLike(first)) return "";
  if (/[0-9.,]/.test(last) && /[0-9.,%]/.test(first)) return "";
  if (last === "-" || last === "/") return "";
  return " ";
}
