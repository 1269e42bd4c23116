// A worksheet part (ECMA-376 Part 1 §18.3): the cells of sheetData (§18.3.1.80) with their values
// turned into the text a reader sees, and the merged ranges of mergeCells (§18.3.1.55).
import { attrOf, type XmlNode } from "../ooxml/xml.js";
import { numberToShownText } from "./numfmt.js";
import { elementText, richTextToText, unescapeXstring } from "./strings.js";
import { PLAIN_STYLE, type CellStyle, type Range } from "../grids/placed.js";
import { attrLocal, childNamed, childrenNamed, isTrue, localName } from "./workbook.js";

/** One c element: 0-based position, shown text and style. */
export interface SheetCell {
  row: number;
  col: number;
  text: string;
  style: CellStyle;
}

export interface SheetContent {
  cells: SheetCell[];
  merges: Range[];
  /** 0-based rows and columns the sheet hides (row/@hidden §18.3.1.73, col/@hidden §18.3.1.13). */
  hiddenRows: number[];
  hiddenCols: number[];
  /** Cells holding a formula but no cached result (the file was never calculated). */
  uncachedFormulas: number;
}

/** What a cell needs besides its own element: the workbook's strings, styles and date system. */
export interface CellContext {
  strings: readonly string[];
  styles: readonly CellStyle[];
  date1904: boolean;
}

/** Excel's limits (16,384 columns, 1,048,576 rows): references beyond them are not cells. */
const MAX_COLS = 16_384;
const MAX_ROWS = 1_048_576;

/** Given a cell reference such as "AB12", return its 0-based row and column, or null. */
export function refToPosition(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (col < 1 || col > MAX_COLS || row < 1 || row > MAX_ROWS) return null;
  return { row: row - 1, col: col - 1 };
}

/** Given a range reference such as "A1:C3", return it, or null for a malformed one. */
export function refToRange(ref: string): Range | null {
  const [a, b = a] = ref.split(":");
  const from = a === undefined ? null : refToPosition(a);
  const to = b === undefined ? null : refToPosition(b);
  if (!from || !to) return null;
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.col, to.col),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.col, to.col),
  };
}

/** Given the parsed worksheet part, return its cells (text as shown) and merged ranges. */
export function worksheetToContent(nodes: XmlNode[], context: CellContext): SheetContent {
  const root = nodes.find((n) => localName(n) === "worksheet");
  if (!root) throw new Error("a worksheet part has no worksheet element");
  const content: SheetContent = {
    cells: [],
    merges: [],
    hiddenRows: [],
    hiddenCols: hiddenColumns(root),
    uncachedFormulas: 0,
  };
  let row = -1;
  for (const rowNode of childrenNamed(childNamed(root, "sheetData"), "row")) {
    // r is optional on rows and cells (§18.3.1.73, §18.3.1.4): without it, the next position is meant.
    const r = Number(attrOf(rowNode, "r"));
    row = Number.isInteger(r) && r >= 1 && r <= MAX_ROWS ? r - 1 : row + 1;
    if (isTrue(attrOf(rowNode, "hidden"))) content.hiddenRows.push(row);
    let col = -1;
    for (const c of childrenNamed(rowNode, "c")) {
      const at = refToPosition(attrOf(c, "r") ?? "");
      col = at ? at.col : col + 1;
      const { text, uncached } = cellToText(c, context);
      if (uncached) content.uncachedFormulas++;
      content.cells.push({ row: at ? at.row : row, col, text, style: context.styles[styleIndex(c)] ?? PLAIN_STYLE });
    }
  }
  for (const merge of childrenNamed(childNamed(root, "mergeCells"), "mergeCell")) {
    const range = refToRange(attrOf(merge, "ref") ?? "");
    if (range && (range.bottom > range.top || range.right > range.left)) content.merges.push(range);
  }
  return content;
}

/** Given the worksheet element, return the 0-based columns its col elements hide. */
function hiddenColumns(root: XmlNode): number[] {
  const hidden: number[] = [];
  for (const col of childrenNamed(childNamed(root, "cols"), "col")) {
    if (!isTrue(attrOf(col, "hidden"))) continue;
    const min = Number(attrOf(col, "min"));
    const max = Math.min(Number(attrOf(col, "max")), MAX_COLS);
    for (let c = min; Number.isInteger(c) && c >= 1 && c <= max; c++) hidden.push(c - 1);
  }
  return hidden;
}

function styleIndex(c: XmlNode): number {
  const s = Number(attrLocal(c, "s") ?? 0);
  return Number.isInteger(s) && s >= 0 ? s : 0;
}

/** Given a c element, return the text a reader sees (§18.18.11 ST_CellType gives the kinds of value). */
export function cellToText(c: XmlNode, context: CellContext): { text: string; uncached: boolean } {
  const type = attrOf(c, "t") ?? "n";
  const v = childNamed(c, "v");
  const raw = v ? elementText(v) : undefined;
  if (type === "inlineStr") {
    const is = childNamed(c, "is");
    return { text: is ? richTextToText(is) : "", uncached: false };
  }
  if (raw === undefined) return { text: "", uncached: childNamed(c, "f") !== undefined };
  switch (type) {
    case "s":
      return { text: context.strings[Number(raw)] ?? "", uncached: false };
    case "str":
    case "e":
      return { text: unescapeXstring(raw), uncached: false };
    case "b":
      return { text: raw.trim() === "1" ? "TRUE" : "FALSE", uncached: false };
    case "d":
      return { text: isoDateToText(raw, context.styles[styleIndex(c)] ?? PLAIN_STYLE), uncached: false };
    default: {
      const value = Number(raw);
      const style = context.styles[styleIndex(c)] ?? PLAIN_STYLE;
      return {
        text:
          raw.trim() === "" || !Number.isFinite(value) ? raw : numberToShownText(value, style.numFmt, context.date1904),
        uncached: false,
      };
    }
  }
}

/** Given an ISO 8601 date (t="d", §18.17.4), return it in the cell's format, counted as a 1900-system serial. */
function isoDateToText(iso: string, style: CellStyle): string {
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`);
  if (!Number.isFinite(ms)) return iso;
  // Serial 25569 is 1970-01-01 in the 1900 system (which counts the nonexistent 1900-02-29).
  return numberToShownText(ms / 86_400_000 + 25_569, style.numFmt === "General" ? "yyyy/m/d" : style.numFmt, false);
}
