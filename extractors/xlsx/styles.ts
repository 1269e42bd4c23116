// Cell styles (ECMA-376 Part 1 §18.8): a cell's s attribute indexes cellXfs (§18.8.10), whose xf
// names a number format (§18.8.30–31), a font (§18.8.22) and a border (§18.8.4). The number format
// decides the text a reader sees; the border tells a form's ruled grid from the title and notes
// written around it; a bold font marks a title or heading line.
import { attrOf, childrenOf, type XmlNode } from "../ooxml/xml.js";
import type { CellStyle } from "../grids/placed.js";
import { formatIdToCode } from "./numfmt.js";
import { attrLocal, childNamed, childrenNamed, isTrue, localName } from "./workbook.js";

/** Given the parsed styles part, return the cell styles by xf index. */
export function stylesToCellStyles(nodes: XmlNode[]): CellStyle[] {
  const root = nodes.find((n) => localName(n) === "styleSheet");
  if (!root) return [];
  const formats = new Map<number, string>();
  for (const fmt of childrenNamed(childNamed(root, "numFmts"), "numFmt")) {
    const id = Number(attrOf(fmt, "numFmtId"));
    const code = attrOf(fmt, "formatCode");
    if (Number.isInteger(id) && code !== undefined) formats.set(id, code);
  }
  const fonts = childrenNamed(childNamed(root, "fonts"), "font").map(fontIsBold);
  const borders = childrenNamed(childNamed(root, "borders"), "border").map(borderIsDrawn);
  return childrenNamed(childNamed(root, "cellXfs"), "xf").map((xf) => ({
    numFmt: formatIdToCode(intAttr(xf, "numFmtId"), formats),
    framed: borders[intAttr(xf, "borderId")] ?? false,
    bold: fonts[intAttr(xf, "fontId")] ?? false,
  }));
}

function intAttr(node: XmlNode, name: string): number {
  const value = Number(attrLocal(node, name) ?? 0);
  return Number.isInteger(value) && value >= 0 ? value : 0;
}

/** A font is bold when it has a b element whose val is absent or true (§18.8.2, CT_BooleanProperty). */
function fontIsBold(font: XmlNode): boolean {
  const b = childNamed(font, "b");
  if (!b) return false;
  const val = attrOf(b, "val");
  return val === undefined || isTrue(val);
}

/** The edges of a border element (§18.8.4); start/end are the bidirectional names of left/right. */
const EDGES = new Set(["left", "right", "top", "bottom", "start", "end"]);

/** A border is drawn when one of its edges has a style other than none; diagonals cross a cell, they do not frame it. */
function borderIsDrawn(border: XmlNode): boolean {
  return childrenOf(border).some((edge) => EDGES.has(localName(edge)) && (attrOf(edge, "style") ?? "none") !== "none");
}
