// Layout family "liuzhou" (seed 001, 柳州市民政局 2022年度部门整体绩效自评表): 部门名称 / 部门编码;
// 部门预算安排资金(万元) with one row per 资金来源 (合计, 其中：一般公共预算拨款, 政府性基金, …);
// 部门职能概述 rows; 部门整体支出年度绩效目标 rows (one goal per row, no 序号); 自评得分(满分100分)
// with 预算执行(10分) and its score; then 衡量指标 with 一级/二级指标, 指标内容 (the name), 指标值, 分值,
// 实际完成值, 指标得分, 完成情况简要描述, 偏差原因及改进措施.
import type { Extraction } from "../contracts/extraction.js";
import { emptyReport, type Report, type Warning } from "../contracts/model.js";
import {
  budgetExpectations,
  hasAmounts,
  isBudgetHeader,
  rowToBudgetLine,
  unitOf,
  budgetColumnMap,
} from "./common/budget.js";
import { realignRow } from "./common/realign.js";
import { formFits } from "./common/detect.js";
import { INDICATOR_HEADERS, type BudgetField, type IndicatorField } from "./common/headers.js";
import { freshLevels, rowToIndicator, type LevelState } from "./common/indicators.js";
import {
  cellOf,
  filled,
  findCell,
  nextFilled,
  provenanceOf,
  rowToColumnMap,
  tablesAt,
  pagesOf,
  tablesToRows,
  type ColumnMap,
  type Row,
} from "./common/rows.js";
import { labelKey, textOrNull } from "./common/text.js";
import { readTitle } from "./common/titles.js";
import { parseNumber } from "./common/values.js";
import { fundSourceOf } from "./common/vocabulary.js";
import type { LayoutFit, Normalizer, Result } from "./types.js";

const FAMILY = "liuzhou";

const VOCABULARY: [RegExp, number][] = [
  [/部门预算安排资金/, 1],
  [/^资金来源$/, 1],
  [/^年中预算调整数$/, 1],
  [/部门职能概述/, 2],
  [/部门整体支出年度绩效目标$|部门整体支出年度绩效目标\(/, 1],
  [/衡量指标/, 1],
  [/^自评得分/, 1],
  [/^指标内容$/, 0.5],
  [/^完成情况简要描述$/, 0.5],
];

export const liuzhou: Normalizer = {
  family: FAMILY,
  detect: (extraction) => formFits(extraction, FAMILY, VOCABULARY, /^部门名称$/),
  normalize: readLiuzhou,
};

interface State {
  report: Report;
  warnings: Warning[];
  section: "head" | "budget" | "functions" | "goals" | "indicators";
  budgetMap: ColumnMap<BudgetField> | null;
  unitRaw: string | null;
  indicatorMap: ColumnMap<IndicatorField> | null;
  levels: LevelState;
}

function readLiuzhou(extraction: Extraction, fit: LayoutFit): Result<Report> {
  const report = emptyReport("department", FAMILY);
  const title = readTitle(extraction, fit.blocks);
  report.title = title.title;
  report.fiscalYear = title.fiscalYear;
  const state: State = {
    report,
    warnings: [],
    section: "head",
    budgetMap: null,
    unitRaw: null,
    indicatorMap: null,
    levels: freshLevels(),
  };
  const rows = tablesToRows(tablesAt(extraction, fit.blocks));
  for (const row of rows) readRow(state, row);
  report.pages = pagesOf(rows);
  return { value: report, warnings: state.warnings };
}

function readRow(state: State, row: Row): void {
  if (filled(row).length === 0) return;
  if (readHeadRow(state, row)) return;
  const budgetMap = budgetColumnMap(row);
  if (isBudgetHeader(budgetMap)) {
    Object.assign(state, { section: "budget", budgetMap, unitRaw: unitOf(row.cells.join(" ")) ?? "万元" });
    return;
  }
  const indicatorMap = rowToColumnMap(row, INDICATOR_HEADERS);
  if (indicatorMap.has("level1") && indicatorMap.has("level2"))
    return void Object.assign(state, { section: "indicators", indicatorMap });
  const label = labelKey(row.cells.find((c) => c) ?? "");
  if (/^部门职能/.test(label)) return void (state.section = "functions");
  if (/年度绩效目标/.test(label) && !/衡量指标/.test(label)) {
    state.section = "goals";
    return readGoalRow(state, row, 1);
  }
  if (state.section === "budget") return readBudgetRow(state, row);
  if (state.section === "goals") return readGoalRow(state, row, 0);
  if (state.section === "indicators") return readIndicatorRow(state, row);
}

function readHeadRow(state: State, row: Row): boolean {
  const { report } = state;
  const dept = findCell(row, /^(部门名称|单位名称)$/);
  if (dept >= 0) {
    report.department ??= textOrNull(nextFilled(row, dept));
    return true;
  }
  const total = findCell(row, /^自评得分/);
  if (total < 0) return false;
  report.totalScore = parseNumber(nextFilled(row, total));
  report.totalScoreProvenance = provenanceOf(row);
  report.maxScore = parseNumber(/满分(\d+(?:\.\d+)?)/.exec(labelKey(row.cells[total]))?.[1] ?? "");
  const execution = findCell(row, /^预算执行/);
  const line = report.budget.find((b) => b.fundSource === "total") ?? report.budget[0];
  if (execution >= 0 && line) {
    line.weight = parseNumber(/(\d+(?:\.\d+)?)分/.exec(labelKey(row.cells[execution]))?.[1] ?? "");
    line.score = parseNumber(nextFilled(row, execution));
  }
  return true;
}

function readBudgetRow(state: State, row: Row): void {
  const map = state.budgetMap!;
  row = realignRow(row, budgetExpectations(map));
  if (!hasAmounts(row, map)) return;
  const label = textOrNull(cellOf(row, map, "fundSource"));
  const fundSource = label ? fundSourceOf(label) : null;
  if (!fundSource) {
    state.warnings.push({
      code: "row-unplaced",
      message: `budget row without a known fund source: ${row.cells.join(" | ")}`,
      page: row.page,
    });
    return;
  }
  state.report.budget.push(
    rowToBudgetLine(row, map, { fundSource, fundSourceRaw: label, unitRaw: state.unitRaw, ratePercent: true }),
  );
}

/** A goal row: its text is the first filled cell after the label column (col 0 when labelled). */
function readGoalRow(state: State, row: Row, skip: number): void {
  const texts = filled(row).slice(skip);
  const text = textOrNull(texts.join(""));
  if (text) state.report.goals.push({ seq: null, text, actual: null, deviation: null });
}

function readIndicatorRow(state: State, row: Row): void {
  const { indicator, state: levels } = rowToIndicator(row, state.indicatorMap!, state.levels, null, state.warnings);
  state.levels = levels;
  if (indicator) state.report.indicators.push(indicator);
}
