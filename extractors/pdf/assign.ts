// Assignment stage: a grid and the page's glyphs -> cell texts. Each glyph goes to the grid cell
// under its centre (from the baseline and font size), so a pdf.js item running across a border
// is split where its glyphs cross the rule.
import type { Cell } from "../../contracts/extraction.js";
import type { Grid, GridCell } from "./cells.js";
import { lastAtOrBelow, type Rect } from "./geometry.js";
import type { Glyph } from "./glyphs.js";
import { glyphsToLines, linesToText } from "./lines.js";
import type { TextSettings } from "./settings.js";

/** A table read from one page: dense rows as in contracts/extraction.ts, plus the geometry stitching needs. */
export interface PageTable {
  page: number;
  rows: (Cell | null)[][];
  /** Column boundaries (columns + 1 values). */
  xs: number[];
  /** Borderless tables: the range each boundary may lie in (the whitespace it was found in). */
  ranges?: [number, number][];
  /** Top and bottom of each row. */
  rowTops: number[];
  rowBottoms: number[];
  box: Rect;
  method: "lattice" | "stream";
}

/** Given a glyph, return the centre of its box. */
export function glyphCentre(g: Glyph): [number, number] {
  return [(g.x0 + g.x1) / 2, (g.y0 + g.y1) / 2];
}

/** Given a grid and glyphs, return the glyphs of each grid cell (by cell index) and the glyphs outside the grid. */
export function glyphsToGridCells(grid: Grid, glyphs: readonly Glyph[]): { inside: Glyph[][]; outside: Glyph[] } {
  const cols = grid.xs.length - 1;
  const owner = new Int32Array((grid.ys.length - 1) * cols).fill(-1);
  grid.cells.forEach((cell, k) => {
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++)
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) owner[r * cols + c] = k;
  });
  const inside: Glyph[][] = grid.cells.map(() => []);
  const outside: Glyph[] = [];
  for (const g of glyphs) {
    const [cx, cy] = glyphCentre(g);
    const c = lastAtOrBelow(grid.xs, cx);
    const r = lastAtOrBelow(grid.ys, cy);
    const k = c >= 0 && c < cols && r >= 0 && r < grid.ys.length - 1 ? owner[r * cols + c]! : -1;
    if (k >= 0) inside[k]!.push(g);
    else outside.push(g);
  }
  return { inside, outside };
}

/** Given grid cells with their glyphs, return the dense rows of the table (null under spans). */
export function cellsToRows(grid: Grid, inside: Glyph[][], page: number, settings: TextSettings): (Cell | null)[][] {
  const rows: (Cell | null)[][] = Array.from({ length: grid.ys.length - 1 }, () =>
    Array<Cell | null>(grid.xs.length - 1).fill(null),
  );
  grid.cells.forEach((cell: GridCell, k) => {
    const text = linesToText(glyphsToLines(inside[k]!, settings), settings);
    rows[cell.row]![cell.col] = { text, rowSpan: cell.rowSpan, colSpan: cell.colSpan, box: { page, ...cell.box } };
  });
  return rows;
}

/** Given a grid, the page's glyphs and the page number, return the table it holds (null when it holds no text) and the glyphs left outside. */
export function gridToPageTable(
  grid: Grid,
  glyphs: readonly Glyph[],
  page: number,
  settings: TextSettings,
): { table: PageTable | null; outside: Glyph[] } {
  const { inside, outside } = glyphsToGridCells(grid, glyphs);
  const hasText = inside.some((list) => list.some((g) => g.ch.trim()));
  if (!hasText || grid.cells.length < 2) return { table: null, outside: [...outside, ...inside.flat()] };
  const rows = cellsToRows(grid, inside, page, settings);
  const table: PageTable = {
    page,
    rows,
    xs: grid.xs,
    rowTops: grid.ys.slice(0, -1),
    rowBottoms: grid.ys.slice(1),
    box: grid.box,
    method: "lattice",
  };
  return { table, outside };
}
