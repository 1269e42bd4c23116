// Reads the body of word/document.xml into paragraphs and tables in document order.
// Tables follow ECMA-376 §17.4: cells tile the w:tblGrid columns from an origin shifted by
// w:gridBefore (§17.4.15); a cell covers w:gridSpan columns (§17.4.17); a vertical merge is a
// vMerge="restart" cell followed by bare vMerge cells in the same grid column (§17.4.85).
import type { Cell, Table } from "../../contracts/extraction.js";
import { attrOf, childOf, childrenOf, tagOf, textOf, type XmlNode } from "../ooxml/xml.js";
import { checkLimit, limitDetail, limits } from "../../contracts/limits.js";
import type { Warning } from "../../contracts/model.js";

export type BodyItem =
  | { kind: "paragraph"; text: string; styleId: string | null; outlineLevel: number | null }
  | { kind: "table"; table: Table; nested: Table[] };

/** Containers whose children are read as if they stood in the parent (content controls, revisions kept). */
const TRANSPARENT = new Set([
  "w:sdt",
  "w:sdtContent",
  "w:ins",
  "w:customXml",
  "w:smartTag",
  "w:hyperlink",
  "w:fldSimple",
  "w:moveTo",
]);
/** Elements whose text is not part of the visible document. */
const SKIPPED = new Set([
  "w:del",
  "w:moveFrom",
  "w:delText",
  "w:instrText",
  "w:rPr",
  "w:pPr",
  "w:drawing",
  "w:pict",
  "mc:AlternateContent",
  "w:object",
]);

/** The reading of one body: the next table's index, the depth of tables being read, warnings of limits hit. */
interface Counter {
  next: number;
  depth: number;
  warnings: Warning[];
}

/** Given the parsed document.xml, return the body's paragraphs and tables in order; limits hit add warnings to `warnings`. */
export function documentToBodyItems(nodes: XmlNode[], warnings: Warning[] = []): BodyItem[] {
  const root = nodes.find((n) => tagOf(n) === "w:document");
  const body = root && childOf(root, "w:body");
  if (!body) throw new Error("word/document.xml has no w:body");
  const counter: Counter = { next: 0, depth: 0, warnings };
  return blockNodesToItems(childrenOf(body), counter);
}

function blockNodesToItems(nodes: XmlNode[], counter: Counter): BodyItem[] {
  const items: BodyItem[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === "w:p") items.push(paragraphToItem(node));
    else if (tag === "w:tbl") items.push(tableNodeToItem(node, counter));
    else if (TRANSPARENT.has(tag)) items.push(...blockNodesToItems(childrenOf(node), counter));
  }
  return items;
}

function paragraphToItem(p: XmlNode): BodyItem {
  const pPr = childOf(p, "w:pPr");
  const style = pPr && childOf(pPr, "w:pStyle");
  const outline = pPr && childOf(pPr, "w:outlineLvl");
  const level = outline ? Number(attrOf(outline, "w:val")) : NaN;
  return {
    kind: "paragraph",
    text: runsToText(childrenOf(p)),
    styleId: (style && attrOf(style, "w:val")) ?? null,
    outlineLevel: Number.isFinite(level) ? level : null,
  };
}

/** Given the children of a paragraph, return its visible text: w:t, tabs and breaks, in order. */
export function runsToText(nodes: XmlNode[]): string {
  let text = "";
  for (const node of nodes) {
    const tag = tagOf(node);
    if (SKIPPED.has(tag)) continue;
    if (tag === "w:t") text += childrenOf(node).map(textOf).join("");
    else if (tag === "w:tab" || tag === "w:ptab") text += "\t";
    else if (tag === "w:br" || tag === "w:cr") text += "\n";
    else if (tag === "w:noBreakHyphen") text += "-";
    else if (tag === "w:sym") text += symbolToText(node);
    else if (tag !== "#text") text += runsToText(childrenOf(node));
  }
  return text;
}

function symbolToText(node: XmlNode): string {
  const code = parseInt(attrOf(node, "w:char") ?? "", 16);
  // Symbol-font code points live in the private use area F000–F0FF; their low byte is the ASCII glyph.
  if (!Number.isFinite(code)) return "";
  return String.fromCodePoint(code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code);
}

interface RawCell {
  col: number;
  span: number;
  vMerge: "restart" | "continue" | null;
  text: string;
}

function tableNodeToItem(tbl: XmlNode, counter: Counter): BodyItem {
  const index = counter.next++;
  const nested: Table[] = [];
  checkLimit("maxNestingDepth", ++counter.depth, "levels of tables nested in tables");
  const rowNodes = rowNodesOf(tbl);
  const { maxTableRows } = limits();
  if (rowNodes.length > maxTableRows)
    counter.warnings.push(limitWarning("maxTableRows", `table ${index} has ${rowNodes.length} rows`));
  const rawRows = rowNodes.slice(0, maxTableRows).map((tr) => rowNodeToRawCells(tr, nested, counter, index));
  counter.depth--;
  const gridCols = childrenOf(childOf(tbl, "w:tblGrid") ?? {}).filter((n) => tagOf(n) === "w:gridCol").length;
  return { kind: "table", table: rawRowsToTable(rawRows, gridCols, index, counter.warnings), nested };
}

function rowNodesOf(tbl: XmlNode): XmlNode[] {
  return childrenOf(tbl).flatMap((n) => (tagOf(n) === "w:tr" ? [n] : TRANSPARENT.has(tagOf(n)) ? rowNodesOf(n) : []));
}

function cellNodesOf(tr: XmlNode): XmlNode[] {
  return childrenOf(tr).flatMap((n) => (tagOf(n) === "w:tc" ? [n] : TRANSPARENT.has(tagOf(n)) ? cellNodesOf(n) : []));
}

function intAttr(parent: XmlNode | undefined, tag: string, fallback: number): number {
  const node = parent && childOf(parent, tag);
  const value = node ? parseInt(attrOf(node, "w:val") ?? "", 10) : NaN;
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Given a limit and what passed it, return the warning that says the rest was left out. */
export function limitWarning(name: "maxTableRows" | "maxTableColumns" | "maxTableCells", found: string): Warning {
  return { code: "limit-exceeded", message: `${limitDetail(name, found)}: the rest is left out`, page: null };
}

function rowNodeToRawCells(tr: XmlNode, nested: Table[], counter: Counter, index: number): RawCell[] {
  const { maxTableColumns } = limits();
  let col = Math.min(intAttr(childOf(tr, "w:trPr"), "w:gridBefore", 0), maxTableColumns);
  const cells = cellNodesOf(tr);
  return cells.flatMap((tc) => {
    if (col >= maxTableColumns) return [];
    const tcPr = childOf(tc, "w:tcPr");
    // The span is a number from the document: it is cut at the column limit before it sizes anything.
    const declared = Math.max(1, intAttr(tcPr, "w:gridSpan", 1));
    const span = Math.min(declared, maxTableColumns - col);
    if (span < declared)
      counter.warnings.push(
        limitWarning("maxTableColumns", `a cell of table ${index} spans ${declared} columns from column ${col}`),
      );
    const merge = tcPr && childOf(tcPr, "w:vMerge");
    const items = blockNodesToItems(childrenOf(tc), counter);
    for (const item of items) if (item.kind === "table") nested.push(item.table, ...item.nested);
    const text = items.flatMap((i) => (i.kind === "paragraph" ? [i.text] : [])).join("\n");
    const cell: RawCell = {
      col,
      span,
      text,
      vMerge: merge ? (attrOf(merge, "w:val") === "restart" ? "restart" : "continue") : null,
    };
    col += span;
    return [cell];
  });
}

/** Given the cells of each row with their grid columns, return the dense grid with spans resolved. */
export function rawRowsToTable(allRows: RawCell[][], gridCols: number, index: number, warnings: Warning[] = []): Table {
  const { maxTableColumns, maxTableCells } = limits();
  const width = allRows.reduce(
    (w, r) => r.reduce((end, c) => Math.max(end, c.col + c.span), w),
    Math.min(gridCols, maxTableColumns),
  );
  const fit = Math.floor(maxTableCells / Math.max(1, width));
  if (allRows.length > fit)
    warnings.push(limitWarning("maxTableCells", `table ${index} has ${allRows.length} rows of ${width} columns`));
  const rawRows = allRows.slice(0, fit);
  const rows: (Cell | null)[][] = rawRows.map(() => Array.from({ length: width }, () => emptyCell()));
  const open = new Map<number, Cell>(); // grid column -> origin cell of a vertical merge still running
  rawRows.forEach((cells, r) => {
    const row = rows[r]!;
    for (const raw of cells) {
      const origin = raw.vMerge === "continue" ? open.get(raw.col) : undefined;
      if (origin && origin.colSpan === raw.span) {
        origin.rowSpan += 1;
        if (raw.text.trim()) origin.text = origin.text ? `${origin.text}\n${raw.text}` : raw.text;
        for (let c = raw.col; c < raw.col + raw.span; c++) row[c] = null;
        continue;
      }
      const cell: Cell = { text: raw.text, rowSpan: 1, colSpan: raw.span, box: null };
      row[raw.col] = cell;
      for (let c = raw.col + 1; c < raw.col + raw.span; c++) row[c] = null;
      if (raw.vMerge === "restart") open.set(raw.col, cell);
      else open.delete(raw.col);
    }
    // A grid column with no vMerge continuation in this row ends any merge running there.
    for (const col of [...open.keys()]) if (!cells.some((c) => c.col === col)) open.delete(col);
  });
  return { index, rows, rowPages: rows.map(() => null), method: "docx" };
}

function emptyCell(): Cell {
  return { text: "", rowSpan: 1, colSpan: 1, box: null };
}
