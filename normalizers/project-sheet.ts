// Layout family "project-sheet": the national 项目支出绩效自评表 (project self-evaluation sheet) and
// its regional variants, one sheet per project, often many in one file. A sheet reads top down:
// 项目名称; 主管部门 / 实施单位; 项目资金(万元) with 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 /
// 得分 and one row per fund (年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金); 年度总体目标
// (预期目标 / 实际完成情况); the indicator table (一级/二级/三级指标, 年度指标值, 实际完成值, 分值, 得分,
// 偏差原因分析及改进措施); 总分. Columns are found by the header vocabulary, so the Sichuan-style
// (指标性质 / 指标值 / 度量单位 / 完成值 / 权重) and Chongqing-style (指标名称 / 计量单位 / 年初指标值 /
// 调整指标值 / 全年完成值 / 得分系数 / 指标权重 / 指标得分 / 是否核心指标) tables are the same family.
// Each sheet is one report of kind "project"; the project is named on every indicator; the
// department is the 主管部门, and an 实施单位 that differs is kept in a `not-represented` warning.
// A sheet without an actual or score column is a target declaration (target-declaration.ts).
import type { Extraction } from "../contracts/extraction.js";
import { emptyReport, type Report, type Warning } from "../contracts/model.js";
import { hasAmounts, isBudgetHeader, rowToBudgetLine, unitOf } from "./common/budget.js";
import { scoreVocabulary } from "./common/detect.js";
import { BUDGET_HEADERS, GOAL_HEADERS, type BudgetField, type GoalField } from "./common/headers.js";
import { readIndicatorRow, rowToIndicatorColumns, unmappedHeaders, type IndicatorColumns } from "./common/indicator-columns.js";
import { freshLevels, type LevelState } from "./common/indicators.js";
import { cellOf, filled, findCell, rowToColumnMap, tablesAt, pagesOf, tablesToRows, type ColumnMap, type Row } from "./common/rows.js";
import {
  ambiguousSheetsWarning, budgetSumWarnings, emptyHead, implementerWarning, isTitleRow, readHeadRow, sheetFundOf, sheetRegions,
  sheetTitle, type SheetHead,
} from "./common/sheets.js";
import { labelKey, textOrNull } from "./common/text.js";
import { parseAmount, parseNumber } from "./common/values.js";
import type { LayoutFit, Normalizer, Result } from "./types.js";

const FAMILY = "project-sheet";

const VOCABULARY: [RegExp, number][] = [
  [/项目支出绩效自评表/, 1],
  [/^项目名称:?$/, 1],
  [/^(主管部门|主管单位):?$/, 1],
  [/^(项目)?实施单位:?$/, 0.5],
  [/^项目资金/, 1],
  [/^年度总体目标$/, 1],
  [/^一级指标$/, 1],
  [/^(三级指标|指标名称)$/, 0.5],
  [/^(实际完成值|完成值|全年完成值|实际完成值\(B\))$/, 1],
  [/^(得分|指标得分)$/, 1],
  [/^总分$/, 0.5],
];

/** Printed cells of an indicator header that are block labels, not columns. */
const BLOCK_LABELS = /^(绩效指标|年度绩效指标|年度指标完成情况)$/;

export const projectSheet: Normalizer = {
  family: FAMILY,
  detect(extraction) {
    return sheetRegions(extraction).map((blocks) => {
      const { score, found } = scoreVocabulary(extraction, blocks, VOCABULARY);
      // Without an actual or a score column the sheet declares targets: target-declaration's.
      const evaluates = indicatorHeaders(extraction, blocks).some((c) => c.map.has("actual") || c.map.has("score"));
      return { family: FAMILY, score: evaluates ? score : 0, blocks, reason: evaluates ? found : "no 实际完成值 or 得分 column: a target declaration" };
    });
  },
  normalize: readSheet,
};

/** Given a region, return the indicator header rows it holds. */
function indicatorHeaders(extraction: Extraction, blocks: number[]): IndicatorColumns[] {
  return tablesToRows(tablesAt(extraction, blocks)).flatMap((row) => rowToIndicatorColumns(row) ?? []);
}

interface State {
  report: Report;
  warnings: Warning[];
  head: SheetHead;
  section: "head" | "budget" | "goals" | "indicators" | "end";
  budgetMap: ColumnMap<BudgetField> | null;
  unitRaw: string;
  ratePercent: boolean;
  carryOver: Partial<Record<string, number | null>>;
  goalMap: ColumnMap<GoalField> | null;
  columns: IndicatorColumns | null;
  levels: LevelState;
}

/** Given an extraction and a fit of this family, return the report its sheet holds. */
function readSheet(extraction: Extraction, fit: LayoutFit): Result<Report> {
  const report = emptyReport("project", FAMILY);
  Object.assign(report, sheetTitle(extraction, fit.blocks));
  const state: State = {
    report, warnings: [], head: emptyHead(), section: "head", budgetMap: null, unitRaw: "万元", ratePercent: false,
    carryOver: {}, goalMap: null, columns: null, levels: freshLevels(),
  };
  const tables = tablesAt(extraction, fit.blocks);
  const rows = tablesToRows(tables);
  for (const row of rows) readRow(state, row);
  const firstPage = rows.find((r) => r.page !== null)?.page ?? null;
  report.department = state.head.department;
  report.pages = pagesOf(rows);
  const implementer = implementerWarning(state.head, firstPage);
  const ambiguous = ambiguousSheetsWarning(state.head, tables, firstPage, "project");
  state.warnings.push(...(implementer ? [implementer] : []), ...budgetSumWarnings(report.budget, state.carryOver, state.head.project, firstPage));
  if (ambiguous) state.warnings.push(ambiguous);
  return { value: report, warnings: state.warnings };
}

function readRow(state: State, row: Row): void {
  if (filled(row).length === 0 || isTitleRow(row) || state.section === "end") return;
  if (state.section !== "indicators" && readHeadRow(row, state.head)) return;
  if (readTotalRow(state, row)) return;
  const budgetMap = rowToColumnMap(row, BUDGET_HEADERS);
  if (state.section !== "indicators" && isBudgetHeader(budgetMap)) return enterBudget(state, row, budgetMap);
  const goalMap = rowToColumnMap(row, GOAL_HEADERS);
  if (state.section !== "indicators" && goalMap.has("text")) return void Object.assign(state, { section: "goals", goalMap });
  const columns = rowToIndicatorColumns(row);
  if (columns) return enterIndicators(state, row, columns);
  if (state.section === "budget") return readBudgetRow(state, row);
  if (state.section === "goals") return readGoalRow(state, row);
  if (state.section === "indicators") return readIndicator(state, row);
}

function enterBudget(state: State, row: Row, map: ColumnMap<BudgetField>): void {
  const rateHeader = row.cells[map.get("rate") ?? -1] ?? "";
  Object.assign(state, { section: "budget", budgetMap: map, unitRaw: unitOf(row.cells.join(" ")) ?? "万元", ratePercent: /%/.test(labelKey(rateHeader)) });
}

/** A 项目资金 row: its label is the cell under the fund-source header (the block label's column) or just right of it. */
function readBudgetRow(state: State, row: Row): void {
  const map = state.budgetMap!;
  if (!hasAmounts(row, map)) return;
  const label = textOrNull(cellOf(row, map, "fundSource")) ?? textOrNull(row.cells.find((c) => c && !/^项目资金/.test(labelKey(c))));
  const fund = label ? sheetFundOf(label) : null;
  if (fund === "carryOver") return recordCarryOver(state, row, label!);
  if (fund === null) {
    state.warnings.push({ code: "row-unplaced", message: `budget row without a known fund source: ${filled(row).join(" | ")}`, page: row.page });
    return;
  }
  state.report.budget.push(rowToBudgetLine(row, map, { fundSource: fund, fundSourceRaw: label, unitRaw: state.unitRaw, ratePercent: state.ratePercent }));
}

/** 上年结转资金 has no fund source in the model: its amounts only enter the sum check, and a warning keeps them. */
function recordCarryOver(state: State, row: Row, label: string): void {
  const map = state.budgetMap!;
  const amount = (field: BudgetField) => parseAmount(cellOf(row, map, field), state.unitRaw);
  state.carryOver = { initial: amount("initial"), adjusted: amount("adjusted"), executed: amount("executed") };
  const printed = Object.values(state.carryOver).filter((v): v is number => v !== null && v !== 0);
  if (printed.length > 0) {
    const figures = (["initial", "adjusted", "executed"] as const).map((f) => `${f} ${state.carryOver[f] ?? "—"}`).join(", ");
    state.warnings.push({ code: "not-represented", message: `project "${state.head.project ?? "?"}": ${label} (${figures} 万元) has no fund source in the model: not recorded as a budget line`, page: row.page });
  }
}

function readGoalRow(state: State, row: Row): void {
  const map = state.goalMap!;
  const text = textOrNull(cellOf(row, map, "text"));
  if (!text) return;
  const seq = parseNumber(cellOf(row, map, "seq"));
  state.report.goals.push({
    seq: seq !== null && Number.isInteger(seq) ? seq : null,
    text,
    actual: textOrNull(cellOf(row, map, "actual")),
    deviation: textOrNull(cellOf(row, map, "deviation")),
  });
}

function enterIndicators(state: State, row: Row, columns: IndicatorColumns): void {
  if (state.columns === null) {
    for (const header of unmappedHeaders(row, columns, BLOCK_LABELS)) {
      state.warnings.push({ code: "column-unmapped", message: `indicator column "${header}" matches no header synonym (docs/headers.md): its cells were not read`, page: row.page });
    }
  }
  // A header repeated on a continuation page keeps the fill-down of the block it continues.
  Object.assign(state, { section: "indicators", columns });
}

function readIndicator(state: State, row: Row): void {
  const columns = state.columns!;
  const first = Math.min(...[...columns.map.values()]);
  // The 绩效指标 block label merged down the first column is no part of any indicator.
  const cleared: Row = { ...row, cells: row.cells.map((c, i) => (i < first && BLOCK_LABELS.test(labelKey(c)) ? "" : c)) };
  const { indicator, state: levels } = readIndicatorRow(cleared, columns, state.levels, state.head.project, state.warnings);
  state.levels = levels;
  if (indicator) state.report.indicators.push(indicator);
}

/** 总分 (total): its 分值 column holds the maximum, its 得分 column the total score. */
function readTotalRow(state: State, row: Row): boolean {
  if (findCell(row, /^(总分|合计得分|总得分|自评总分)$/) < 0 || !state.columns) return false;
  const map = state.columns.map;
  state.report.maxScore = parseNumber(cellOf(row, map, "weight"));
  state.report.totalScore = parseNumber(cellOf(row, map, "score"));
  state.section = "end";
  return true;
}
