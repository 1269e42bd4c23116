// Regions of a scoring rubric (seed 004 (a)): the table with its 评价标准 header, the tables that
// continue it (a scan splits it at every page, and OCR may give each part its own width), the
// title and 填报单位 lines above it and the 偏差 text and signature lines below it, up to the next
// heading. Nothing beyond is claimed: a narrative report may follow in the same document.
import type { Extraction, Table } from "../../contracts/extraction.js";
import { INDICATOR_HEADERS } from "./headers.js";
import { rowToColumnMap, tablesToRows } from "./rows.js";
import { cleanText } from "./text.js";

/** Title lines of a report; the same words open the region's text above and close the text below. */
const REPORT_TITLE = /绩效自评表|绩效自评报告|自评结果|绩效评价表|绩效评价报告/;
/** Short lines that may stand between two parts of one table: page numbers, 续表, running heads. */
const PAGE_NOISE = /^(?:第?\s*\d+\s*页?(?:\/\s*\d+)?|-\s*\d+\s*-|续表?.{0,10}|\d+)$/;
/** Lines under a form that are signatures and contacts, not its content. */
export const SIGNATURE = /^(?:填报人|联系电话|填报日期|审核人|单位负责人|财务负责人|(?:单位)?盖章)/;

/** Given a table, return whether one of its rows heads a rubric (三级指标 with 评价标准). */
export function hasRubricHeader(table: Table): boolean {
  return tablesToRows([table]).some((row) => {
    const map = rowToColumnMap(row, INDICATOR_HEADERS);
    return map.has("name") && map.has("criterion") && (map.has("level1") || map.has("level2"));
  });
}

function textOf(extraction: Extraction, i: number): string | null {
  const b = extraction.blocks[i];
  return b?.kind === "text" ? cleanText(b.text) : null;
}

/** The budget block of a rubric, printed as a table of its own above the indicator table (a DOCX rendering). */
const BUDGET_BLOCK = /预算安排情况|资金执行情况|^预算数|^执行数|预算执行率/;

function isBudgetTable(extraction: Extraction, i: number): boolean {
  const b = extraction.blocks[i];
  return (
    b?.kind === "table" &&
    !hasRubricHeader(b.table) &&
    tablesToRows([b.table]).some((r) => r.cells.some((c) => BUDGET_BLOCK.test(c)))
  );
}

/** Given the index of a region's first table, return the blocks above it that belong to it (budget table, title, unit). */
function blocksAbove(extraction: Extraction, first: number): number[] {
  const above: number[] = [];
  let start = first;
  while (isBudgetTable(extraction, start - 1)) above.unshift(--start);
  for (let i = start - 1; i >= 0 && above.length < 6; i--) {
    const text = textOf(extraction, i);
    if (text === null) break;
    above.unshift(i);
    if (REPORT_TITLE.test(text)) {
      const lead = textOf(extraction, i - 1);
      if (lead !== null && /^附件\s*\d*$/.test(lead.replace(/\*/g, ""))) above.unshift(i - 1);
      return above;
    }
  }
  return above.filter((i) => i >= start || /填报单位|部门名称|单位名称/.test(textOf(extraction, i) ?? ""));
}

/** Given the index of a region's last table, return the text blocks below it up to the next heading. */
function blocksBelow(extraction: Extraction, last: number): number[] {
  const below: number[] = [];
  for (let i = last + 1; i < extraction.blocks.length && below.length < 4; i++) {
    const b = extraction.blocks[i];
    if (!b || b.kind !== "text" || b.role === "heading") break;
    const text = cleanText(b.text);
    if (REPORT_TITLE.test(text) || /^附件\s*\d*$/.test(text)) break;
    below.push(i);
  }
  return below;
}

/** Given the index after a table, return the next table continuing it (only page noise between), or -1. */
function continuation(extraction: Extraction, from: number): number {
  for (let i = from, noise = 0; i < extraction.blocks.length; i++) {
    const b = extraction.blocks[i]!;
    if (b.kind === "table") return hasRubricHeader(b.table) ? -1 : i;
    if (!PAGE_NOISE.test(cleanText(b.text)) || ++noise > 2) return -1;
  }
  return -1;
}

/** Given an extraction, return the blocks of each rubric it holds, in reading order. */
export function rubricRegions(extraction: Extraction): number[][] {
  const regions: number[][] = [];
  for (let i = 0; i < extraction.blocks.length; i++) {
    const b = extraction.blocks[i]!;
    if (b.kind !== "table" || !hasRubricHeader(b.table)) continue;
    const tables = [i];
    for (let next = continuation(extraction, i + 1); next >= 0; next = continuation(extraction, next + 1))
      tables.push(next);
    const last = tables[tables.length - 1]!;
    regions.push([...blocksAbove(extraction, i), ...range(i, last), ...blocksBelow(extraction, last)]);
    i = last;
  }
  return regions;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}

/** Given a region, return the texts under its last table that are not signatures (the 偏差 text first). */
export function textAfter(extraction: Extraction, blocks: number[]): string[] {
  const lastTable = Math.max(...blocks.filter((i) => extraction.blocks[i]?.kind === "table"));
  return blocks
    .filter((i) => i > lastTable)
    .flatMap((i) => {
      const text = textOf(extraction, i);
      return text && !SIGNATURE.test(text) ? [text] : [];
    });
}

/** Given a region, return the pages its blocks were read from, sorted. */
export function regionPages(extraction: Extraction, blocks: number[]): number[] {
  const pages = blocks.flatMap((i) => {
    const b = extraction.blocks[i];
    if (!b) return [];
    return b.kind === "text" ? (b.page ? [b.page] : []) : b.table.rowPages.filter((p): p is number => p != null);
  });
  return [...new Set(pages)].sort((a, b) => a - b);
}
