// Helpers of the PDF extractor tests: extraction cached per file, grids in a compact notation,
// and the text normalization of the cell scorer (src/score/compare.ts) (NFKC, no whitespace).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractPdf } from "../../extractors/pdf/index.js";
import type { Extraction, Table } from "../../contracts/extraction.js";
import { tablesOf } from "../../contracts/extraction.js";
import { REALDOCS } from "../helpers.js";
import { comparable } from "../../src/score/compare.js";

export { REALDOCS };
export const TIANBAO = join(REALDOCS, "zxj-tianbaoxitong__1770007475548-818404804.pdf");
export const WPS = join(REALDOCS, "zxj-GOV__中共上海市普陀区委社会工作部 2024 年度部门决算.pdf");
export const ONLYOFFICE = join(REALDOCS, "zxj-GOV__上海市普陀区财政局2024年度部门决算.pdf");
export const WORD = join(REALDOCS, "zxj-GOV__上海市普陀区规划和自然资源局 2024 年度部门决算.pdf");

const cache = new Map<string, Promise<Extraction>>();

/** Given a PDF path, return its extraction (read once per test file). */
export function extract(path: string): Promise<Extraction> {
  let result = cache.get(path);
  if (!result) cache.set(path, (result = extractPdf(new Uint8Array(readFileSync(path)), path)));
  return result;
}

/** Given an extraction and a page, return the tables whose first row was read on that page. */
export function tablesStartingOn(extraction: Extraction, page: number): Table[] {
  return tablesOf(extraction).filter((t) => t.rowPages[0] === page);
}

/** Given a table, return its grid in a compact notation: "·" under a span, "text^RxC" for a cell spanning R rows and C columns. */
export function notation(table: Table): string[][] {
  return table.rows.map((row) =>
    row.map((c) => (c ? (c.rowSpan > 1 || c.colSpan > 1 ? `${c.text}^${c.rowSpan}x${c.colSpan}` : c.text) : "·")),
  );
}

/** Given text, return it as the scorer compares it: NFKC, whitespace removed, quotes and dashes unified. */
export function norm(text: string): string {
  return comparable(text) ?? "";
}

/** Given a table, return for every grid position the normalized text of the cell covering it. */
export function coveredTexts(table: Table): string[][] {
  const out = table.rows.map((row) => row.map(() => ""));
  table.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      for (let i = r; i < r + cell.rowSpan && i < out.length; i++)
        for (let j = c; j < c + cell.colSpan; j++) out[i]![j] = norm(cell.text);
    }),
  );
  return out;
}
