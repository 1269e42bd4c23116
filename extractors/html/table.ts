// HTML tables into dense grids, by the table model of WHATWG HTML §4.9.12 ("forming a table"):
// rows in order of their row groups with tfoot last, each cell at the first free slot of its row,
// covering colspan columns (1–1000) and rowspan rows (0 = to the end of its row group, at most
// 65534), a rowspan cut at the end of its row group as browsers cut it. A cell's paragraphs and
// <br>s are its lines; a table inside a cell is a table of its own, listed after the outer one.
// The grid is then read as a sheet is (extractors/grids/placed.ts): where a table rules its form and not the
// title and notes around it, as Excel's web pages do, those rows are text.
import { limitDetail, limits, type LimitName } from "../../contracts/limits.js";
import type { Warning } from "../../contracts/model.js";
import type { Placed } from "../grids/placed.js";
import { attrOf, isElement, isHidden, nodesToItems, type Element, type Node } from "./content.js";
import { cellLook, type CellLook, type PageStyles } from "./rules.js";

export interface HtmlCell {
  text: string;
  colSpan: number;
  /** 0 means to the end of the row group. */
  rowSpan: number;
  look: CellLook;
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
export function tableElementToRead(table: Element, styles: PageStyles): ReadTable {
  const nested: Element[] = [];
  const groups: RowGroup[] = [];
  const footers: RowGroup[] = [];
  let caption: string | null = null;
  let loose: Element[] = []; // tr elements directly in the table form an implied group
  const closeLoose = () => {
    if (loose.length) groups.push(loose.map((tr) => rowToCells(tr, table, styles, nested)));
    loose = [];
  };
  for (const child of visibleChildren(table)) {
    if (child.tagName === "caption")
      caption =
        nodesToItems(child.childNodes)
          .flatMap((i) => (i.kind === "text" ? [i.text] : []))
          .join("\n") || null;
    else if (child.tagName === "tr") loose.push(child);
    else if (ROW_GROUPS.has(child.tagName)) {
      closeLoose();
      const group = visibleChildren(child)
        .filter((tr) => tr.tagName === "tr")
        .map((tr) => rowToCells(tr, table, styles, nested));
      (child.tagName === "tfoot" ? footers : groups).push(group);
    }
  }
  closeLoose();
  return { caption, groups: [...groups, ...footers], nested };
}

function visibleChildren(element: Element): Element[] {
  return element.childNodes.filter((n: Node): n is Element => isElement(n) && !isHidden(n));
}

function rowToCells(tr: Element, table: Element, styles: PageStyles, nested: Element[]): HtmlCell[] {
  return visibleChildren(tr)
    .filter((c) => c.tagName === "td" || c.tagName === "th")
    .map((cell) => {
      const items = nodesToItems(cell.childNodes);
      for (const item of items) if (item.kind === "table") nested.push(item.element);
      return {
        text: items.flatMap((i) => (i.kind === "text" ? [i.text] : [])).join("\n"),
        colSpan: Math.max(1, spanAttr(cell, "colspan", 1, 1000)),
        rowSpan: spanAttr(cell, "rowspan", 1, 65534),
        look: cellLook(cell, table, styles),
      };
    });
}

/** Given row groups, return their cells placed on the grid, with spans (a span overlapping an earlier one is cut short there). */
export function groupsToPlaced(groups: readonly RowGroup[], warnings: Warning[] = []): Placed[] {
  const placed: Placed[] = [];
  const taken: boolean[][] = [];
  // Spans are numbers from the page: the grid they mark stops at the table limits.
  const { maxTableColumns, maxTableRows } = limits();
  const rows = groups.reduce((n, g) => n + g.length, 0);
  if (rows > maxTableRows) warnings.push(limitWarning("maxTableRows", `${rows.toLocaleString("en")} rows`));
  let wide = false;
  let top = 0;
  for (const group of groups) {
    const end = Math.min(top + group.length, maxTableRows);
    group.slice(0, Math.max(0, end - top)).forEach((cells, g) => {
      const y = top + g;
      const row = (taken[y] ??= []);
      let x = 0;
      for (const cell of cells) {
        while (row[x]) x++;
        if (x >= maxTableColumns) {
          wide = true;
          break;
        }
        let colSpan = 1;
        while (colSpan < cell.colSpan && x + colSpan < maxTableColumns && !row[x + colSpan]) colSpan++;
        const rowSpan = Math.min(cell.rowSpan === 0 ? end - y : cell.rowSpan, end - y);
        for (let r = y; r < y + rowSpan; r++) for (let c = x; c < x + colSpan; c++) (taken[r] ??= [])[c] = true;
        placed.push({
          top: y,
          left: x,
          bottom: y + rowSpan - 1,
          right: x + colSpan - 1,
          text: cell.text,
          style: { numFmt: "General", framed: cell.look.ruled, bold: cell.look.bold },
        });
        x += colSpan;
      }
    });
    top = end;
  }
  if (wide) warnings.push(limitWarning("maxTableColumns", "cells spanning past the last column"));
  return placed;
}

/** Given a limit and what passed it, return the warning that says the rest of the table was left out. */
function limitWarning(name: LimitName, found: string): Warning {
  return { code: "limit-exceeded", message: `a table: ${limitDetail(name, found)}: the rest is left out`, page: null };
}
