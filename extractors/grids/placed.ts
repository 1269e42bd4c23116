// Placed grid cells into blocks, for every extractor whose tables come as cells placed on a grid
// (XLSX sheets, HTML tables). A form laid out in a sheet rules its grid (cell borders) and writes
// its title, unit line and notes above and below it without borders: ruled runs of rows are tables,
// the sparse unruled lines around them are text blocks (bold ones headings), as they are
// paragraphs in the same form saved as DOCX. A sheet that rules nothing is one table, its title row
// simply the table's first row. Empty rows and columns at the edges are trimmed.
import type { Block, Cell, Table } from "../../contracts/extraction.js";

/** A rectangle of grid positions, 0-based and inclusive (a sheet's merged range, a table's span). */
export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** How a grid cell is drawn: its number format, whether an edge is ruled, and a bold font. */
export interface CellStyle {
  /** The number format code applied to numbers. */
  numFmt: string;
  /** True when the style draws at least one edge of the cell. */
  framed: boolean;
  bold: boolean;
}

export const PLAIN_STYLE: CellStyle = { numFmt: "General", framed: false, bold: false };
import { limitDetail, limits, type LimitName } from "../../contracts/limits.js";
import type { Warning } from "../../contracts/model.js";

/** A cell at the top-left of its span, with the span: merged ranges and single cells alike. */
export interface Placed extends Range {
  text: string;
  style: CellStyle;
}

export interface BlockSettings {
  /** An unruled row with at most this many non-empty cells is a line of text, not a table row. */
  maxTextCells: number;
}

export const defaultBlockSettings: BlockSettings = { maxTextCells: 2 };

/** Given two ranges, return the part of the first inside the second. */
export function clip(a: Range, b: Range): Range {
  return {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
}

/** Given two ranges, return whether they share a position. */
export function overlaps(a: Range, b: Range): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

const hasText = (p: Placed) => p.text.trim() !== "";

/** Given placed cells, return the smallest range holding all their text, or null for an empty sheet. */
export function placedToUsedRange(placed: readonly Placed[]): Range | null {
  let range: Range | null = null;
  for (const p of placed) {
    if (!hasText(p)) continue;
    range = range
      ? {
          top: Math.min(range.top, p.top),
          left: Math.min(range.left, p.left),
          bottom: Math.max(range.bottom, p.bottom),
          right: Math.max(range.right, p.right),
        }
      : { top: p.top, left: p.left, bottom: p.bottom, right: p.right };
  }
  return range;
}

type RowKind = "ruled" | "text" | "blank";

/** Given placed cells and the used range, return for each row of the range the placed cells crossing it. */
export function placedToRows(placed: readonly Placed[], range: Range): Placed[][] {
  const rows: Placed[][] = Array.from({ length: range.bottom - range.top + 1 }, () => []);
  for (const p of placed) {
    if (p.left > range.right || p.right < range.left) continue;
    for (let r = Math.max(p.top, range.top); r <= Math.min(p.bottom, range.bottom); r++) rows[r - range.top]!.push(p);
  }
  return rows;
}

/** Given the placed cells crossing each row (from row `top` on), return what each row is. */
export function rowsToKinds(rows: readonly Placed[][], top: number, settings: BlockSettings): RowKind[] {
  const anyRuled = rows.some((row) => row.some((p) => p.style.framed));
  return rows.map((row, i) => {
    // Text is counted where it starts; the rows a ruled merge covers are ruled with it.
    const texts = row.filter((p) => p.top === top + i && hasText(p)).length;
    const ruled = !anyRuled || row.some((p) => p.style.framed) || texts > settings.maxTextCells;
    return ruled ? "ruled" : texts === 0 ? "blank" : "text";
  });
}

/** Given placed cells, the used range and a first table index, return the sheet's tables and text blocks in order. */
export function placedToBlocks(
  placed: readonly Placed[],
  range: Range,
  firstIndex: number,
  settings = defaultBlockSettings,
  method: Table["method"] = "xlsx",
): Block[] {
  const rows = placedToRows(placed, range);
  const kinds = rowsToKinds(rows, range.top, settings);
  const blocks: Block[] = [];
  let index = firstIndex;
  for (let i = 0; i < kinds.length;) {
    if (kinds[i] === "blank") {
      i++;
    } else if (kinds[i] === "text") {
      blocks.push(rowToTextBlock(rows[i]!, range.top + i));
      i++;
    } else {
      let end = i;
      while (kinds[end + 1] === "ruled") end++;
      const inRun = [...new Set(rows.slice(i, end + 1).flat())];
      const table = placedToTable(
        inRun,
        { top: range.top + i, bottom: range.top + end, left: range.left, right: range.right },
        index,
        method,
      );
      if (table) {
        blocks.push({ kind: "table", table });
        index++;
      }
      i = end + 1;
    }
  }
  return blocks;
}

function rowToTextBlock(row: readonly Placed[], r: number): Block {
  const cells = row.filter((p) => p.top === r && hasText(p)).sort((a, b) => a.left - b.left);
  const text = cells.map((p) => p.text.trim()).join(" ");
  return { kind: "text", text, page: null, role: cells[0]?.style.bold ? "heading" : "paragraph", box: null };
}

/**
 * Given placed cells and a window, return the table they form there, its empty edge columns
 * trimmed; a span cut by the window keeps its text in the part inside. Null when the window holds no text.
 */
export function placedToTable(
  placed: readonly Placed[],
  window: Range,
  index: number,
  method: Table["method"] = "xlsx",
): Table | null {
  const inside = placed.filter((p) => overlaps(p, window)).map((p) => ({ ...p, ...clip(p, window) }));
  const used = placedToUsedRange(inside);
  if (!used) return null;
  const frame: Range = { top: window.top, bottom: window.bottom, left: used.left, right: used.right };
  const width = frame.right - frame.left + 1;
  const rows: (Cell | null)[][] = Array.from({ length: frame.bottom - frame.top + 1 }, () =>
    Array.from({ length: width }, (): Cell | null => ({ text: "", rowSpan: 1, colSpan: 1, box: null })),
  );
  for (const p of inside) {
    const left = Math.max(p.left, frame.left);
    const right = Math.min(p.right, frame.right);
    if (left > right) continue;
    for (let r = p.top; r <= p.bottom; r++)
      for (let c = left; c <= right; c++) rows[r - frame.top]![c - frame.left] = null;
    rows[p.top - frame.top]![left - frame.left] = {
      text: p.text,
      rowSpan: p.bottom - p.top + 1,
      colSpan: right - left + 1,
      box: null,
    };
  }
  return { index, rows, rowPages: rows.map(() => null), method };
}

/**
 * Given a sheet's used range, return it cut to the table limits (columns, then rows, then cells),
 * with a warning for each limit hit: positions and merged areas are numbers from the file, and
 * two cells far apart or one merge can declare millions of cells in a few bytes.
 */
export function rangeWithinLimits(range: Range, where: string, warnings: Warning[]): Range {
  const { maxTableColumns, maxTableRows, maxTableCells } = limits();
  const cut = { ...range };
  const warn = (name: LimitName, found: string) =>
    warnings.push({
      code: "limit-exceeded",
      message: `${where}: ${limitDetail(name, found)}: the rest is left out`,
      page: null,
    });
  const n = (x: number) => x.toLocaleString("en");
  const width = range.right - range.left + 1;
  if (width > maxTableColumns) {
    warn("maxTableColumns", `${n(width)} columns`);
    cut.right = range.left + maxTableColumns - 1;
  }
  const height = range.bottom - range.top + 1;
  if (height > maxTableRows) {
    warn("maxTableRows", `${n(height)} rows`);
    cut.bottom = range.top + maxTableRows - 1;
  }
  const cutWidth = cut.right - cut.left + 1,
    cutHeight = cut.bottom - cut.top + 1;
  if (cutWidth * cutHeight > maxTableCells) {
    warn("maxTableCells", `${n(cutWidth * cutHeight)} cells`);
    cut.bottom = cut.top + Math.floor(maxTableCells / cutWidth) - 1;
  }
  return cut;
}
