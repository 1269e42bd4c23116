// Figures in doubt: a column of figures (weights, scores, amounts, rates) prints its numbers in
// one shape, so a reading that is not a well-formed number there, or that has more decimals than
// any other figure of the column ("94.97%" read as "94.9790": the percent sign read as "90"), is
// a misreading more likely than a figure. So is, in a column of figures with their units (targets,
// "≥0.40(万人)"), a reading whose brackets broke ("10.00()", "≥3.50(万人": a bracket lost under a
// seal). Such cells are read again; one still in doubt keeps a low
// confidence, so a check resting on it says "verify" (src/store/versions/v5.ts).
import type { Cell } from "../../../contracts/extraction.js";
import { looksNumeric } from "./engines/types.js";

/** How a figure is printed: with a percent sign or not, and its number of decimals. */
export interface FigureShape {
  percent: boolean;
  decimals: number;
}

/** The confidence a reading still in doubt is capped at: below any check's "high confidence". */
export const DOUBT = 0.5;

const LOOKALIKES = /^[OoIl]+$/;

const FIGURE = /^[≥≤<>=]?[-+]?(\d{1,3}(,\d{3})+|\d+)(\.(\d+))?(%)?$/;

/** Given a cell's text, return its shape when it is a well-formed figure, else null ("9 10", two readings in one cell, is not). */
export function figureShape(text: string): FigureShape | null {
  const m = FIGURE.exec(text.trim());
  return m ? { percent: m[5] === "%", decimals: m[4]?.length ?? 0 } : null;
}

const MEASURE = /^[≥≤<>=]?[-+]?\d[\d,]*(\.(\d+))?(%|[\u4e00-\u9fff]{1,3}|[(（][\u4e00-\u9fffA-Za-z%‰²³/·]{1,6}[)）])?$/;

/** Given a cell's text, return whether it is a figure with or without its unit ("100张", "≥0.40(万人)", "98%"). */
export function isMeasure(text: string): boolean {
  return MEASURE.test(text.trim());
}

/** Given a cell's text, return its decimals when it is a figure with or without its unit, else null. */
function measureDecimals(text: string): number | null {
  const m = MEASURE.exec(text.trim());
  return m ? (m[2]?.length ?? 0) : null;
}

/**
 * What a column of figures looks like: the most decimals its figures have, whether they are
 * percentages, whether they carry units, whether more than one prints a bare "<" or ">".
 */
export interface ColumnShape {
  maxDecimals: number;
  percent: boolean;
  units?: boolean;
  bare?: boolean;
}

const BARE = /^[<>](?!=)/;

/**
 * Given a table's rows, return for each column that holds figures its shape, keyed by the column
 * it starts at and the columns it spans ("3:1"; a form may print its figures in cells two grid
 * columns wide): at least three cells with digits, nearly all well-formed figures, or nearly all
 * read as figures and at least half of them well-formed figures with their units. The most
 * decimals is that of the second most precise figure, so one misreading cannot set it; likewise a
 * bare comparator (which these forms rarely print, and a slanted "≥" is often read as) belongs to
 * the column only when two of its cells print one.
 */
export function figureColumns(rows: (Cell | null)[][], minCells = 3): Map<string, ColumnShape> {
  const texts = new Map<string, string[]>();
  rows.forEach((r) =>
    r.forEach((cell, c) => {
      if (!cell || !/\d/.test(cell.text)) return;
      const key = columnKey(c, cell.colSpan);
      texts.set(key, [...(texts.get(key) ?? []), cell.text]);
    }),
  );
  const out = new Map<string, ColumnShape>();
  for (const [key, column] of texts) {
    if (column.length < minCells) continue;
    const shapes = column.map(figureShape).filter((s): s is FigureShape => s != null);
    const measures = column.map(measureDecimals).filter((d): d is number => d != null);
    // Figures with units: nearly all cells read as figures, at least half of them well-formed.
    const figures = column.filter((text) => looksNumeric(text) || isMeasure(text)).length;
    const units = shapes.length < 0.75 * column.length;
    if (units && (figures < 0.75 * column.length || measures.length < 0.5 * figures)) continue;
    const decimals = (units ? measures : shapes.map((s) => s.decimals)).sort((a, b) => b - a);
    out.set(key, {
      maxDecimals: decimals[1] ?? decimals[0] ?? 0,
      percent: !units && shapes.filter((s) => s.percent).length >= 0.75 * shapes.length,
      ...(units ? { units } : {}),
      ...(column.filter((text) => BARE.test(text.trim())).length > 1 ? { bare: true } : {}),
    });
  }
  return out;
}

/** Given a cell's first column and how many it spans, return the key of its column of figures. */
export function columnKey(col: number, colSpan: number): string {
  return `${col}:${colSpan}`;
}

/** Given a cell's text and its column's shape, return whether the reading fits the column. */
export function fitsColumn(text: string, column: ColumnShape): boolean {
  // Words fit a column of figures ("按实际发生数"), but letters that look like digits alone are a figure misread ("o" for "0").
  if (!/\d/.test(text)) return !LOOKALIKES.test(text);
  if (BARE.test(text.trim()) && !column.bare) return false;
  if (column.units) {
    // Words with a date or a count in them fit ("2023年11月底前"); a figure whose brackets broke does not.
    const decimals = measureDecimals(text);
    return decimals == null ? !(/[()（）]/.test(text) && looksNumeric(text)) : decimals <= column.maxDecimals + 1;
  }
  const shape = figureShape(text);
  if (!shape) return false;
  if (shape.decimals > column.maxDecimals + 1) return false;
  return !column.percent || shape.percent || shape.decimals <= column.maxDecimals;
}

/** Given a table's rows, return the cells of figure columns whose reading does not fit their column, with its shape. */
export function doubtfulFigures(rows: (Cell | null)[][]): { row: number; col: number; column: ColumnShape }[] {
  const columns = figureColumns(rows);
  const out: { row: number; col: number; column: ColumnShape }[] = [];
  rows.forEach((r, row) =>
    r.forEach((cell, col) => {
      const column = cell && columns.get(columnKey(col, cell.colSpan));
      if (cell && column && !fitsColumn(cell.text, column)) out.push({ row, col, column });
    }),
  );
  return out;
}
