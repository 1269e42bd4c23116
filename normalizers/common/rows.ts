// A table as a stream of rows, the way the form-reading normalizers walk it: each row's cells as
// cleaned text (positions covered by a span are ""), the row's page, and which positions start a
// cell. Header rows map column positions to model fields through the header vocabulary.
import { tableToRows, type Box, type Extraction, type Table } from "../../contracts/extraction.js";
import type { OcrReading, Provenance } from "../../contracts/model.js";
import { fieldOfHeader, type Synonyms } from "./headers.js";
import { misreadHeader } from "./misread.js";
import { cleanText, labelKey } from "./text.js";

export interface Row {
  cells: string[];
  /** Raw cell text before cleaning (line breaks kept), for splitting combined cells. */
  raw: string[];
  page: number | null;
  table: number;
  index: number;
  /** The union of the row's cell boxes (null for formats without geometry). */
  box: Box | null;
  /** Per position, the cleaned text of the row's own cell spanning it sideways ("" under a merge from above). */
  spanned?: string[];
  /** Each cell's OCR confidence (null where the cell was not read by OCR or is covered by a span). */
  confidence: (number | null)[];
}

/** Given tables, return their rows in order as one stream. */
export function tablesToRows(tables: Table[]): Row[] {
  return tables.flatMap((table) =>
    tableToRows(table).map((raw, index) => ({
      // A header OCR misread by one character is read as the header (misread.ts).
      cells: raw
        .map(cleanText)
        .map((clean, c, row) =>
          table.rows[index]?.[c]?.confidence != null ? (misreadHeader(clean, row) ?? clean) : clean,
        ),
      raw,
      page: table.rowPages[index] ?? null,
      table: table.index,
      index,
      box: rowBox(table, index),
      spanned: rowToSpanned(table, index),
      confidence: (table.rows[index] ?? []).map((cell) => cell?.confidence ?? null),
    })),
  );
}

/** Given a table and a row index, return per position the text of the row's cell spanning it sideways. */
function rowToSpanned(table: Table, index: number): string[] {
  const cells = table.rows[index] ?? [];
  const spanned = cells.map(() => "");
  cells.forEach((cell, c) => {
    if (!cell) return;
    for (let k = 0; k < Math.max(1, cell.colSpan); k++)
      if (c + k < spanned.length) spanned[c + k] = cleanText(cell.text);
  });
  return spanned;
}

/** Given an extraction and block indexes, return the tables among those blocks. */
export function tablesAt(extraction: Extraction, blocks: number[]): Table[] {
  return blocks.flatMap((i) => {
    const b = extraction.blocks[i];
    return b?.kind === "table" ? [b.table] : [];
  });
}

/** A header row read as a map from field to the column where its header starts. */
export type ColumnMap<F extends string> = Map<F, number>;

/** Given a row and a vocabulary, return the columns of the fields its headers name. */
export function rowToColumnMap<F extends string>(row: Row, vocabulary: Synonyms<F>[]): ColumnMap<F> {
  const map: ColumnMap<F> = new Map();
  for (const { col, field } of rowToClaims(row, vocabulary)) if (!map.has(field)) map.set(field, col);
  return map;
}

/**
 * A header's year: a printed year in front or in brackets behind ("2023年目标值", "目标值（2023年度）"),
 * or this year's and last year's words ("本年指标值", "上年实际完成值"). The rest is the header.
 */
const YEAR_IN_FRONT = /^(?:((?:19|20)\d{2})年度?|(本年度?|当年度?|今年)|(上年度?|去年|上一年度?))(?=.)/;
const YEAR_BEHIND = /\(((?:19|20)\d{2})年度?\)$/;

/** Given a header key, return the header without its year and whether the year is a printed one, this year or last year. */
export function headerYear(key: string): { header: string; year: number | "this" | "last" | null } {
  const front = YEAR_IN_FRONT.exec(key);
  if (front)
    return { header: key.slice(front[0].length), year: front[1] ? Number(front[1]) : front[2] ? "this" : "last" };
  const behind = YEAR_BEHIND.exec(key);
  if (behind) return { header: key.slice(0, behind.index), year: Number(behind[1]) };
  return { header: key, year: null };
}

/**
 * Given a header row and a vocabulary, return the columns whose headers name a field, in order.
 * A header qualified by a year is read without it; where a row prints several years (2022年实际完成值 |
 * 2023年目标值, 上年指标值 | 本年指标值), only the latest year's columns name fields: the earlier
 * years' are last year's figures, which the model keeps in `extra` under their printed headers.
 */
function rowToClaims<F extends string>(row: Row, vocabulary: Synonyms<F>[]): { col: number; field: F }[] {
  const headers = row.cells.map((text) => (text ? headerYear(labelKey(text)) : null));
  const years = headers.flatMap((h) => (typeof h?.year === "number" ? [h.year] : []));
  const latest = years.length ? Math.max(...years) : null;
  return headers.flatMap((h, col) => {
    if (!h) return [];
    // A synonym naming the whole header wins: in 上年结转资金 the year's word is part of the term.
    const direct = fieldOfHeader(labelKey(row.cells[col]), vocabulary);
    if (direct) return [{ col, field: direct }];
    const earlier = h.year === "last" || (typeof h.year === "number" && h.year !== latest);
    const field = h.year !== null && !earlier ? fieldOfHeader(h.header, vocabulary) : null;
    if (!field) return [];
    return [{ col, field }];
  });
}

/**
 * Given a header row, a vocabulary and the field a caption stands for, return the columns of the
 * fields its headers name, read as printed blocks do: a block's first header often names the block
 * ("年度预算数（万元）" over the fund labels, "年度总体目标" before 预期目标), in the words of a column
 * that a later header names again. When the first header's field is claimed again later, the first
 * is that caption: it takes the `caption` field (when no header names that one), or nothing.
 */
export function captionedColumnMap<F extends string>(row: Row, vocabulary: Synonyms<F>[], caption?: F): ColumnMap<F> {
  const claims = rowToClaims(row, vocabulary);
  const first = claims[0];
  if (first && claims.slice(1).some((c) => c.field === first.field)) {
    if (caption !== undefined && !claims.some((c) => c.field === caption)) first.field = caption;
    else claims.shift();
  }
  const map: ColumnMap<F> = new Map();
  for (const { col, field } of claims) if (!map.has(field)) map.set(field, col);
  return map;
}

/**
 * Given a row, a column map and a field, return the text under that field's header: the cell at
 * the header's column, or when that is blank, the first non-blank cell before the next mapped
 * column (a value cell may start one grid column later than its spanning header).
 */
export function cellOf<F extends string>(row: Row, map: ColumnMap<F>, field: F): string {
  const col = map.get(field);
  if (col === undefined) return "";
  const own = row.cells[col] ?? "";
  if (own) return own;
  const next = Math.min(row.cells.length, ...[...map.values()].filter((c) => c > col));
  for (let c = col + 1; c < next; c++) if (row.cells[c]) return row.cells[c]!;
  return "";
}

/** Given a row, return its non-blank cells in order. */
export function filled(row: Row): string[] {
  return row.cells.filter((c) => c !== "");
}

/** Given a row and a pattern, return the column of the first cell whose label key matches, or -1. */
export function findCell(row: Row, pattern: RegExp): number {
  return row.cells.findIndex((c) => c !== "" && pattern.test(labelKey(c)));
}

/** Given a row and a column, return the first non-blank cell after it. */
export function nextFilled(row: Row, col: number): string {
  for (let c = col + 1; c < row.cells.length; c++) if (row.cells[c]) return row.cells[c]!;
  return "";
}

/**
 * Given a table and a row index, return the row's box: across all its cells, but only as tall as
 * its own band (cells merged down over later rows would stretch it over the rows below).
 */
function rowBox(table: Table, index: number): Box | null {
  let page: number | null = null,
    x0 = Infinity,
    x1 = -Infinity,
    y0 = Infinity,
    y1 = -Infinity,
    ownY0 = Infinity,
    ownY1 = -Infinity;
  for (const cell of table.rows[index] ?? []) {
    const box = cell?.box;
    if (!box) continue;
    page ??= box.page;
    x0 = Math.min(x0, box.x0);
    x1 = Math.max(x1, box.x1);
    y0 = Math.min(y0, box.y0);
    y1 = Math.max(y1, box.y1);
    if (cell.rowSpan === 1) {
      ownY0 = Math.min(ownY0, box.y0);
      ownY1 = Math.max(ownY1, box.y1);
    }
  }
  if (page == null) return null;
  return ownY1 >= ownY0 ? { page, x0, x1, y0: ownY0, y1: ownY1 } : { page, x0, x1, y0, y1 };
}

/** Given the rows a record was read from, return its provenance: page, table, first row, and the rows' box. */
export function provenanceOf(...rows: Row[]): Provenance {
  const first = rows[0];
  const boxes = rows.flatMap((r) => (r.box && r.box.page === first?.box?.page ? [r.box] : []));
  const round = (x: number) => Math.round(x * 10) / 10;
  const box = boxes.length
    ? {
        x0: round(Math.min(...boxes.map((b) => b.x0))),
        y0: round(Math.min(...boxes.map((b) => b.y0))),
        x1: round(Math.max(...boxes.map((b) => b.x1))),
        y1: round(Math.max(...boxes.map((b) => b.y1))),
      }
    : null;
  const ocr = rowsToOcrReading(rows);
  return {
    page: first?.page ?? null,
    table: first?.table ?? null,
    row: first?.index ?? null,
    box,
    ...(ocr ? { ocr } : {}),
  };
}

/** Given the rows a record was read from, return what OCR read there (figures with their confidence, lowest first), or null for text-layer rows. */
export function rowsToOcrReading(rows: Row[]): OcrReading | null {
  const read = rows.flatMap((row) =>
    row.cells.flatMap((text, c) => {
      const confidence = row.confidence?.[c];
      return confidence == null || text === "" ? [] : [{ text, confidence: Math.min(1, Math.max(0, confidence)) }];
    }),
  );
  if (read.length === 0) return null;
  const figures = read.filter((r) => /\d/.test(r.text)).sort((a, b) => a.confidence - b.confidence);
  const lowest = Math.min(...(figures.length ? figures : read).map((r) => r.confidence));
  return { confidence: lowest, figures };
}

/** Given rows, return the pages they were read from (1-based, sorted, unique): a report's `pages`. */
export function pagesOf(rows: Row[]): number[] {
  return [...new Set(rows.flatMap((r) => (r.page ? [r.page] : [])))].sort((a, b) => a - b);
}
