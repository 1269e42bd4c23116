// HTML extractor: bytes -> format-neutral tables and text blocks, in document order. The bytes are
// decoded as a browser would (decode.ts) and parsed by parse5, which builds the tree the WHATWG
// parsing algorithm builds: the unclosed <td>s, implied <tbody>s and stray tags of pages exported
// by Word and Excel or typed by hand come out as a browser shows them. A table's grid is read as
// a sheet's is (extractors/grids/placed.ts), so that Excel's web pages, which put a form's title in its table,
// read as the same form saved as XLSX does.
import { parse } from "parse5";
import type { Block, Extraction } from "../../contracts/extraction.js";
import type { Warning } from "../../contracts/model.js";
import { defaultBlockSettings, placedToBlocks, placedToUsedRange, rangeWithinLimits } from "../grids/placed.js";
import { blocksWithPartsJoined } from "../grids/side-by-side.js";
import { checkLimit } from "../../contracts/limits.js";
import { attrOf, isElement, nodesToItems, type Element, type Item } from "./content.js";
import { bytesToText } from "./decode.js";
import { documentToStyles, type PageStyles } from "./rules.js";
import { groupsToPlaced, tableElementToRead } from "./table.js";

/** Given the bytes of an HTML page, return its tables and text blocks. */
export async function extractHtml(bytes: Uint8Array, _path: string): Promise<Extraction> {
  const decoded = bytesToText(bytes);
  const document = parse(decoded.text);
  // Measured before the recursive reading below: tables nested 2,000 deep would overflow its stack.
  const shape = treeToShape(document);
  checkLimit("maxElementDepth", shape.depth, "levels of nested elements");
  checkLimit("maxElements", shape.elements, "elements");
  const warnings: Warning[] = [...decoded.warnings];
  const blocks = blocksWithPartsJoined(
    itemsToBlocks(nodesToItems(document.childNodes), documentToStyles(document), { next: 0, depth: 0, warnings }),
  );
  return { format: "html", textLayer: "native", pages: null, blocks, warnings };
}

/** The reading of one page: the next table's index, the depth of tables being read, warnings of limits hit. */
export interface Counter {
  next: number;
  depth: number;
  warnings: Warning[];
}

/** Given a parsed page, return the depth of its deepest node and its number of nodes, walked without recursion. */
export function treeToShape(root: { childNodes?: unknown[] }): { depth: number; elements: number } {
  const stack: [{ childNodes?: unknown[] }, number][] = [[root, 0]];
  let depth = 0,
    elements = 0;
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, level] = top;
    elements++;
    depth = Math.max(depth, level);
    for (const child of node.childNodes ?? []) stack.push([child as { childNodes?: unknown[] }, level + 1]);
  }
  return { depth, elements };
}

/** Given items, return blocks: text as is, each table as its grid (or its ruled part and the text around) followed by the tables nested in it. */
export function itemsToBlocks(items: readonly Item[], styles: PageStyles, counter: Counter): Block[] {
  const blocks: Block[] = [];
  for (const item of items) {
    if (item.kind === "text") {
      blocks.push({ kind: "text", text: item.text, page: null, role: item.role, box: null });
      continue;
    }
    if (isLayoutTable(item.element)) {
      // A table that only holds the page (one column around the content) is read as its content.
      checkLimit("maxNestingDepth", ++counter.depth, "levels of tables nested in tables");
      blocks.push(...itemsToBlocks(nodesToItems(layoutCells(item.element)), styles, counter));
      counter.depth--;
      continue;
    }
    const read = tableElementToRead(item.element, styles);
    if (read.caption) blocks.push({ kind: "text", text: read.caption, page: null, role: "paragraph", box: null });
    const placed = groupsToPlaced(read.groups, counter.warnings);
    const used = placedToUsedRange(placed);
    const range = used && rangeWithinLimits(used, `table ${counter.next}`, counter.warnings);
    const parts = range ? placedToBlocks(placed, range, counter.next, defaultBlockSettings, "html") : []; // a table without text is spacing
    counter.next += parts.filter((b) => b.kind === "table").length;
    blocks.push(...parts);
    checkLimit("maxNestingDepth", ++counter.depth, "levels of tables nested in tables");
    blocks.push(
      ...itemsToBlocks(
        read.nested.map((element) => ({ kind: "table", element })),
        styles,
        counter,
      ),
    );
    counter.depth--;
  }
  return blocks;
}

/** Given a table, return its cells (td/th) in document order, through its row groups. */
function layoutCells(table: Element): Element[] {
  const rows = table.childNodes
    .filter(isElement)
    .flatMap((c) =>
      c.tagName === "tr" ? [c] : ["thead", "tbody", "tfoot"].includes(c.tagName) ? c.childNodes.filter(isElement) : [],
    );
  return rows.flatMap((tr) => tr.childNodes.filter(isElement).filter((c) => c.tagName === "td" || c.tagName === "th"));
}

/**
 * Given a table, return whether it only lays the page out: it says so (role="presentation"), or
 * it is one column wide and holds tables of its own, so that its cells are sections of the page.
 */
export function isLayoutTable(table: Element): boolean {
  const role = attrOf(table, "role");
  if (role === "presentation" || role === "none") return true;
  const cells = layoutCells(table);
  const rows = cells.map((cell) => cell.parentNode);
  const oneColumn =
    new Set(rows).size === cells.length && cells.every((c) => (parseInt(attrOf(c, "colspan") ?? "1", 10) || 1) <= 1);
  return oneColumn && cells.some(containsTable);
}

function containsTable(element: Element): boolean {
  return element.childNodes.some((n) => isElement(n) && (n.tagName === "table" || containsTable(n)));
}
