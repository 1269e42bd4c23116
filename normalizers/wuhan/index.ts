// Layout family "wuhan" (seed 003, 武汉市蔡甸区民政局 2022年度整体绩效自评结果), kind "department": a
// narrative report (the unit's name, a title, numbered sections) with a 收入决算明细表 (单位：元; one
// row per fund source: 年初预算数 / 调整预算数 / 决算数) and an attached 部门整体绩效自评表: 单位名称,
// 基本支出总额 / 项目支出总额, 预算执行情况 (部门整体支出总额: 预算数 / 执行数 / 执行率), then per 年度目标N
// a block of 一级 / 二级 / 三级指标 with 年初目标值 and 实际完成值, and no weights or scores.
// The form reader reads the tables; what is this family's own is the narrative around them: the
// report's region, its title and department told in prose, and the budget total printed twice.
import type { Extraction, Table } from "../../contracts/extraction.js";
import { isBudgetHeader, budgetColumnMap } from "../common/budget.js";
import { scoreVocabulary } from "../common/detect.js";
import { INDICATOR_HEADERS } from "../common/headers.js";
import { canonicalizedLabels, unitMismatches } from "./indicator-checks.js";
import { departmentOf, mergeTotals, unitAfterLabel } from "./narrative-report.js";
import { filled, findCell, nextFilled, rowToColumnMap, tablesAt, tablesToRows } from "../common/rows.js";
import { restackStrips } from "./strips.js";
import { cleanText, labelKey } from "../common/text.js";
import { readTitle } from "../common/titles.js";
import { readForm } from "../reader/index.js";
import type { LayoutFit, Normalizer, Result } from "../types.js";
import type { Report } from "../../contracts/model.js";

const FAMILY = "wuhan";

/** Printed labels of this family, with their weight in the fit score. */
const VOCABULARY: [RegExp, number][] = [
  [/绩效自评结果$|整体绩效自评报告$/, 1],
  [/部门整体绩效自评表$/, 1],
  [/决算明细表$/, 1],
  [/^年度目标(?:\d+|[一二三四五六七八九十]+)/, 2],
  [/^部门整体支出总额$/, 1],
  [/^年初目标值$|^年度指标值$|^指标值$/, 1],
  [/^预算数\(A\)$/, 0.5],
  [/^执行数\(B\)$/, 0.5],
  [/^基本支出总额$|^项目支出总额$/, 0.5],
  [/原因分析$|结果应用方案$/, 0.5],
  [/^三级指标$/, 0.5],
];

export const wuhan: Normalizer = {
  family: FAMILY,
  detect(extraction) {
    const { extraction: view, origins } = restackStrips(extraction);
    const region = reportRegion(view);
    if (region.length === 0) return [];
    const { score, found } = scoreVocabulary(view, region, VOCABULARY);
    return [{ family: FAMILY, score, blocks: region.flatMap((i) => origins[i] ?? []), reason: found }];
  },
  normalize: readWuhan,
};

function hasIndicatorHeader(table: Table): boolean {
  return tablesToRows([table]).some((row) => {
    const map = rowToColumnMap(row, INDICATOR_HEADERS);
    return map.has("level1") && map.has("level2") && map.has("name");
  });
}

/** Given a table, return whether it is the 自评表 (indicators, 年度目标N, 部门整体支出总额) or a 决算 table. */
function isOwnTable(table: Table): boolean {
  const rows = tablesToRows([table]);
  const keys = rows.flatMap((row) => filled(row).map(labelKey));
  if (
    hasIndicatorHeader(table) ||
    keys.some((k) => /^年度目标(?:\d+|[一二三四五六七八九十]+)|^部门整体支出总额$|决算明细表$/.test(k))
  )
    return true;
  return rows.some((row) => {
    const map = budgetColumnMap(row);
    return isBudgetHeader(map) && filled(row).some((c) => /决算数|调整预算数/.test(labelKey(c)));
  });
}

/**
 * Given an extraction, return the report's blocks: its own tables (at least one with indicators)
 * and the text from the start of the report (after any table that is not its own) to its last
 * table. Tables of other forms are left to their families.
 */
export function reportRegion(extraction: Extraction): number[] {
  const own = extraction.blocks.flatMap((b, i) => (b.kind === "table" && isOwnTable(b.table) ? [i] : []));
  const withIndicators = own.filter((i) => {
    const b = extraction.blocks[i];
    return b?.kind === "table" && hasIndicatorHeader(b.table);
  });
  if (withIndicators.length === 0) return [];
  const last = Math.max(...own);
  let start = Math.min(...own);
  while (start > 0 && extraction.blocks[start - 1]?.kind === "text") start--;
  const region: number[] = [];
  for (let i = start; i <= last; i++) if (extraction.blocks[i]?.kind === "text" || own.includes(i)) region.push(i);
  return region;
}

/** Given an extraction and a fit of this family, return the report its narrative and tables hold. */
function readWuhan(extraction: Extraction, fit: LayoutFit): Result<Report> {
  const { extraction: view, origins } = restackStrips(extraction);
  const blocks = view.blocks.flatMap((_, i) => (origins[i]?.every((o) => fit.blocks.includes(o)) ? [i] : []));
  const form = readForm(view, blocks, { family: FAMILY, describeColumns: false });
  const report: Report = { ...form.value, ...readTitle(view, blocks) };
  const merged = mergeTotals(report.budget);
  report.budget = merged.lines;
  const texts = blocks.flatMap((i) => {
    const b = view.blocks[i];
    return b?.kind === "text" ? [cleanText(b.text)] : [];
  });
  const { issuer, shortName } = unitNames(tablesAt(view, blocks));
  report.department = departmentOf(texts, issuer, shortName);
  const labels = canonicalizedLabels(report.indicators);
  const notes = [...unitMismatches(report.indicators), ...(labels ? [labels] : []), ...merged.warnings];
  return { value: report, warnings: [...form.warnings, ...notes] };
}

/** Given the report's tables, return the unit named after 编制单位 and in the 单位名称 row. */
function unitNames(tables: Table[]): { issuer: string | null; shortName: string | null } {
  let issuer: string | null = null;
  let shortName: string | null = null;
  for (const row of tablesToRows(tables)) {
    const name = findCell(row, /^单位名称[:]?$/);
    if (name >= 0) shortName ??= nextFilled(row, name) || null;
    for (const cell of filled(row)) if (/^编制单位/.test(cell)) issuer ??= unitAfterLabel(cell, /编制单位/);
  }
  return { issuer, shortName };
}
