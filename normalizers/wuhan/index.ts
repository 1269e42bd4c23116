// Layout family "wuhan" (seed 003, 武汉市蔡甸区民政局 2022年度整体绩效自评结果), kind "department": a
// narrative report (the unit's name, a title, numbered sections) with a 收入决算明细表 (单位：元; one
// row per fund source: 年初预算数 / 调整预算数 / 决算数) and an attached 部门整体绩效自评表: 单位名称,
// 基本支出总额 / 项目支出总额, 预算执行情况 (部门整体支出总额: 预算数 / 执行数 / 执行率), then per 年度目标N
// a block of 一级 / 二级 / 三级指标 with 年初目标值 and 实际完成值, and no weights or scores.
import type { Extraction, Table } from "../../contracts/extraction.js";
import { emptyReport, type BudgetLine, type Report, type Warning } from "../../contracts/model.js";
import { hasAmounts, isBudgetHeader, rowToBudgetLine, unitOf, budgetColumnMap } from "../common/budget.js";
import { scoreVocabulary } from "../common/detect.js";
import { INDICATOR_HEADERS, type BudgetField, type IndicatorField } from "../common/headers.js";
import { canonicalizedLabels, unitMismatches } from "./indicator-checks.js";
import { freshLevels, rowToIndicator, type LevelState } from "../common/indicators.js";
import { departmentOf, goalOfLabel, mergeTotals, unitAfterLabel } from "./narrative-report.js";
import {
  filled,
  findCell,
  nextFilled,
  rowToColumnMap,
  pagesOf,
  tablesToRows,
  type ColumnMap,
  type Row,
} from "../common/rows.js";
import { restackStrips } from "./strips.js";
import { cleanText, labelKey } from "../common/text.js";
import { readTitle } from "../common/titles.js";
import { parseNumber } from "../common/values.js";
import { fundSourceOf } from "../common/vocabulary.js";
import type { LayoutFit, Normalizer, Result } from "../types.js";

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

/** A closing row of the 自评表 (偏差大或目标未完成原因分析, 改进措施及结果应用方案). */
const CLOSING = /原因分析|改进措施|结果应用/;

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

interface State {
  report: Report;
  warnings: Warning[];
  section: "none" | "budget" | "indicators";
  budgetMap: ColumnMap<BudgetField> | null;
  indicatorMap: ColumnMap<IndicatorField> | null;
  levels: LevelState;
  unitRaw: string | null;
  lines: BudgetLine[];
  issuer: string | null;
  shortName: string | null;
}

/** Given an extraction and a fit of this family, return the report its narrative and tables hold. */
function readWuhan(extraction: Extraction, fit: LayoutFit): Result<Report> {
  const { extraction: view, origins } = restackStrips(extraction);
  const blocks = view.blocks.flatMap((_, i) => (origins[i]?.every((o) => fit.blocks.includes(o)) ? [i] : []));
  const report = emptyReport("department", FAMILY);
  Object.assign(report, readTitle(view, blocks));
  const state: State = {
    report,
    warnings: [],
    section: "none",
    budgetMap: null,
    indicatorMap: null,
    levels: freshLevels(),
    unitRaw: null,
    lines: [],
    issuer: null,
    shortName: null,
  };
  const texts = readBlocks(view, blocks, state);
  const merged = mergeTotals(state.lines);
  report.budget = merged.lines;
  report.department = departmentOf(texts, state.issuer, state.shortName);
  const tables = blocks.flatMap((i) => {
    const b = view.blocks[i];
    return b?.kind === "table" ? [b.table] : [];
  });
  report.pages = pagesOf(tablesToRows(tables));
  const labels = canonicalizedLabels(report.indicators);
  const notes = [...unitMismatches(report.indicators), ...(labels ? [labels] : []), ...merged.warnings];
  return { value: report, warnings: [...state.warnings, ...notes] };
}

/** Given the region's blocks, read their table rows into the state and return their text lines. */
function readBlocks(view: Extraction, blocks: number[], state: State): string[] {
  const texts: string[] = [];
  let pendingUnit: string | null = null;
  let width = -1;
  for (const i of blocks) {
    const block = view.blocks[i]!;
    if (block.kind === "text") {
      texts.push(cleanText(block.text));
      pendingUnit = unitLine(cleanText(block.text)) ?? pendingUnit;
      continue;
    }
    // A table of another width starts afresh; one of the same width continues (a page break).
    const ownWidth = block.table.rows[0]?.length ?? 0;
    if (ownWidth !== width) Object.assign(state, { section: "none", unitRaw: pendingUnit });
    [width, pendingUnit] = [ownWidth, null];
    for (const row of tablesToRows([block.table])) readRow(state, row);
  }
  return texts;
}

/** Given a line or cell such as "单位：元", return the unit it declares, else null. */
function unitLine(text: string): string | null {
  const at = text.search(/单位\s*[:：]\s*(?:亿元|万元|千元|元)/);
  return at < 0 ? null : unitOf(text.slice(at));
}

function readRow(state: State, row: Row): void {
  const cells = filled(row);
  if (cells.length === 0 || readHeadRow(state, row)) return;
  const goal = goalOfLabel(cells[0]!);
  if (goal) {
    const text = goal.text || cleanText(cells[1] ?? "");
    state.report.goals.push({ seq: goal.seq, text, actual: null, deviation: null });
    Object.assign(state, { section: "none", levels: freshLevels(goal.seq) });
    return;
  }
  if (CLOSING.test(labelKey(cells[0]))) return void (state.section = "none");
  const budgetMap = budgetColumnMap(row);
  if (isBudgetHeader(budgetMap)) {
    Object.assign(state, {
      section: "budget",
      budgetMap,
      unitRaw: unitOf(row.cells.join(" ")) ?? state.unitRaw ?? "万元",
    });
    return;
  }
  const indicatorMap = rowToColumnMap(row, INDICATOR_HEADERS);
  if (indicatorMap.has("level1") && indicatorMap.has("level2") && indicatorMap.has("name")) {
    return void Object.assign(state, { section: "indicators", indicatorMap });
  }
  if (state.section === "budget") return readBudgetRow(state, row);
  if (state.section === "indicators") return readIndicatorRow(state, row);
}

/** Rows naming the unit or the unit of amounts: 单位名称, 编制单位, 单位：元. */
function readHeadRow(state: State, row: Row): boolean {
  const name = findCell(row, /^单位名称[:]?$/);
  if (name >= 0) {
    state.shortName ??= nextFilled(row, name) || null;
    return true;
  }
  const labelled = filled(row).filter((c) => /^编制单位|单位\s*[:：]\s*(?:亿元|万元|千元|元)/.test(c));
  if (labelled.length === 0) return false;
  for (const cell of labelled) {
    state.issuer ??= unitAfterLabel(cell, /编制单位/);
    state.unitRaw = unitLine(cell) ?? state.unitRaw;
  }
  return labelled.length === filled(row).length;
}

function readBudgetRow(state: State, row: Row): void {
  const map = state.budgetMap!;
  if (!hasAmounts(row, map)) return;
  const at = row.cells.findIndex((c) => c !== "" && parseNumber(c) === null);
  const label = at < 0 ? null : row.cells[at]!;
  const fundSource = label ? fundSourceOf(label) : null;
  if (!fundSource) {
    state.warnings.push({
      code: "row-unplaced",
      message: `budget row without a known fund source: ${filled(row).join(" | ")}`,
      page: row.page,
    });
    return;
  }
  state.lines.push(
    rowToBudgetLine(row, map, {
      fundSource,
      fundSourceRaw: row.raw[at]!.trim(),
      unitRaw: state.unitRaw,
      ratePercent: false,
    }),
  );
}

function readIndicatorRow(state: State, row: Row): void {
  // rowToIndicator realigns rows the header does not line up with (seed 003's dump prints goal 3's
  // header one column left of its data).
  const { indicator, state: levels } = rowToIndicator(row, state.indicatorMap!, state.levels, null, state.warnings);
  state.levels = levels;
  if (indicator) state.report.indicators.push(indicator);
}
