// The format-neutral intermediate: what every extractor produces and every normalizer reads.
// Normalizers never see a file format, only tables (dense grids of cells) and text blocks in
// reading order, each with the page it was read from.
import type { Format, TextLayer, Warning } from "./model.js";

/** A rectangle on a page in PDF points, origin at the page's top-left corner (y grows downward). */
export interface Box {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One cell at the top-left position of its span. */
export interface Cell {
  text: string;
  rowSpan: number;
  colSpan: number;
  /** Where the cell was printed; null for formats without geometry (DOCX: its grid position is the provenance). */
  box: Box | null;
  /** Recognition confidence 0..1 for OCR'd cells; absent for native text. */
  confidence?: number;
}

export interface Table {
  /** Position among the document's tables, 0-based, in reading order. */
  index: number;
  /** Dense grid: rows[r][c] is the cell whose span starts there, or null where a span covers it. */
  rows: (Cell | null)[][];
  /** Page each row was read from (1-based), null for non-paged formats. */
  rowPages: (number | null)[];
  /** How the grid was found. */
  method: "docx" | "lattice" | "stream" | "ocr" | "given" | "html" | "xlsx";
}

export type Block =
  | { kind: "table"; table: Table }
  | { kind: "text"; text: string; page: number | null; role: "heading" | "paragraph"; box: Box | null };

export interface Extraction {
  format: Format;
  textLayer: TextLayer;
  pages: number | null;
  blocks: Block[];
  warnings: Warning[];
  /** PDF pages (1-based) that had no usable text layer; the pipeline routes them to OCR. */
  pagesWithoutText?: number[];
}

/** Given a table, return its text as rows of strings; positions covered by a span are "". */
export function tableToRows(table: Table): string[][] {
  return table.rows.map((row) => row.map((cell) => cell?.text ?? ""));
}

/** Given rows of strings (as `jixiao tables --json` prints them), return a table without spans or boxes. */
export function rowsToTable(rows: string[][], index: number, page: number | null): Table {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return {
    index,
    method: "given",
    rowPages: rows.map(() => page),
    rows: rows.map((r) =>
      Array.from({ length: width }, (_, c) => ({ text: r[c] ?? "", rowSpan: 1, colSpan: 1, box: null })),
    ),
  };
}

/** Given an extraction, return its tables in reading order. */
export function tablesOf(extraction: Pick<Extraction, "blocks">): Table[] {
  return extraction.blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
}

/** Pages (1-based, sorted, unique) a table's rows were read from. */
export function tablePages(table: Table): number[] {
  return [...new Set(table.rowPages.filter((p): p is number => p != null))].sort((a, b) => a - b);
}
