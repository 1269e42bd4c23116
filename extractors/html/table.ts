// HTML tables into dense grids, by the table model of WHATWG HTML §4.9.12 ("forming a table"):
// rows in order of their row groups with tfoot last, each cell at the first free slot of its row,
// covering colspan columns (1–1000) and rowspan rows (0 = to the end of its row group, at most
// 65534), a rowspan cut at the end of its row group as browsers cut it. A cell's paragraphs and
// <br>s are its lines; a table inside a cell is a table of its own, listed after the outer one.
import type { Cell, Table } from "../../src/extraction.js";
import { attrOf, isElement, isHidden, nodesToItems, type Element, type Node } from "./content.js";

export interface HtmlCell {
  text: string;
  colSpan: number;
  /** 0 means to the end of the row group. */
  rowSpan: number;
}

/** The cells of one row group (thead, a tbody, tfoot, or rows directly in the table). */
export type RowGroup = HtmlCell[][];

export interface ReadTable {
  caption: string | null;
  groups: RowGroup[];
  /** Tables found inside the cells, in document order. */
  nested: Element[];
}

const ROW_GROUPS = new Set(["thead", "tbody", "tfoot"]);

function spanAttr(element: Element, name: string, fallback: number, max: number): number {
  const value = parseInt(attrOf(element, name) ?? "", 10);
  if (!Number.isFinite(value) || value < 0) return fallback;
  return Math.min(value, max);
}

/** Given a table element, return its caption, its row groups in grid order, and the tables nested in its cells. */
export function tableElementToRead(table: Element): ReadTable {
  const nested: Element[] = [];
  const groups: RowGroup[] = [];
  const footers: RowGroup[] = [];
  let caption: string | null = null;
  let loose: Element[] = []; // tr elements directly in the table form an implied group
  const closeLoose = () => {
    if (loose.length) groups.push(loose.map((tr) => rowToCells(tr, nested)));
    loose = [];
  };
  for (const child of visibleChildren(table)) {
    if (child.tagName === "caption") caption = nodesToItems(child.childNodes).flatMap((i) => (i.kind === "text" ? [i.text] : [])).join("\n") || null;
    else if (child.tagName === "tr") loose.push(child);
    else if (ROW_GROUPS.has(child.tagName)) {
      closeLoose();
      const group = visibleChildren(child).filter((tr) => tr.tagName === "tr").map((tr) => rowToCells(tr, nested));
      (child.tagName === "tfoot" ? footers : groups).push(group);
    }
  }
  closeLoose();
  return { caption, groups: [...groups, ...footers], nested };
}

function visibleChildren(element: Element): Element[] {
  return element.childNodes.filter((n: Node): n is Element => isElement(n) && !isHidden(n));
}

function rowToCells(tr: Element, nested: Element[]): HtmlCell[] {
  return visibleChildren(tr)
    .filter((c) => c.tagName === "td" || c.tagName === "th")
    .map((cell) => {
      const items = nodesToItems(cell.childNodes);
      for (const item of items) if (item.kind === "table") nested.push(item.element);
      return {
        text: items.flatMap((i) => (i.kind === "text" ? [i.text] : [])).join("\n"),
        colSpan: Math.max(1, spanAttr(cell, "colspan", 1, 1000)),
        rowSpan: spanAttr(cell, "rowspan", 1, 65534),
      };
    });
}

/** Given row groups, return the dense grid with spans placed (a span overlapping an earlier one is cut short there). */
export function groupsToTable(groups: readonly RowGroup[], index: number): Table {
  const rows: (Cell | null)[][] = [];
  const taken: boolean[][] = [];
  let top = 0;
  for (const group of groups) {
    const end = top + group.length;
    group.forEach((cells, g) => {
      const y = top + g;
      taken[y] ??= [];
      rows[y] ??= [];
      let x = 0;
      for (const cell of cells) {
        while (taken[y]![x]) x++;
        let colSpan = 1;
        while (colSpan < cell.colSpan && !taken[y]![x + colSpan]) colSpan++;
        const rowSpan = Math.min(cell.rowSpan === 0 ? end - y : cell.rowSpan, end - y);
        for (let r = y; r < y + rowSpan; r++) {
          taken[r] ??= [];
          rows[r] ??= [];
          for (let c = x; c < x + colSpan; c++) {
            taken[r]![c] = true;
            rows[r]![c] = null;
          }
        }
        rows[y]![x] = { text: cell.text, rowSpan, colSpan, box: null };
        x += colSpan;
      }
    });
    top = end;
  }
  const width = taken.reduce((w, row) => Math.max(w, row.length), 0);
  const grid = Array.from({ length: top }, (_, r) => Array.from({ length: width }, (_, c): Cell | null =>
    taken[r]?.[c] ? rows[r]![c] ?? null : { text: "", rowSpan: 1, colSpan: 1, box: null }));
  return { index, rows: grid, rowPages: grid.map(() => null), method: "html" };
}
