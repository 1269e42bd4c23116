// Layout family "tianjin" (seed 000, 天津市民政局 整体支出绩效自评表): one form whose sections
// follow each other in a single (possibly page-split) table: 部门名称; 预算执行情况 (header, values,
// 偏差原因分析及改进措施); 年度绩效目标完成情况 (目标序号 / 年度绩效目标 / 实际完成情况 / 偏差); 年度指标完成情况
// (绩效目标N blocks of 一级/二级/三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差); 总分; 自评结论.
import type { Extraction } from "../contracts/extraction.js";
import { emptyReport, type Goal, type Indicator, type Report, type Warning } from "../contracts/model.js";
import { hasAmounts, isBudgetHeader, rowToBudgetLine, unitOf, budgetColumnMap } from "./common/budget.js";
import { formFits } from "./common/detect.js";
import {
  GOAL_HEADERS,
  INDICATOR_HEADERS,
  type BudgetField,
  type GoalField,
  type IndicatorField,
} from "./common/headers.js";
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
import { cleanText, fiscalYearOf, labelKey, textOrNull } from "./common/text.js";
import { parseNumber } from "./common/values.js";
import { fundSourceOf } from "./common/vocabulary.js";
import { readTitle } from "./common/titles.js";
import type { LayoutFit, Normalizer, Result } from "./types.js";

const FAMILY = "tianjin";

/** Printed labels that only this family's form carries, with their weight in the fit score. */
const VOCABULARY: [RegExp, number][] = [
  [/预算执行情况/, 1],
  [/年度绩效目标完成情况/, 1],
  [/年度指标完成情况/, 2],
  [/全年预算数\(A\)/, 1],
  [/全年执行数\(B\)/, 1],
  [/^目标序号$/, 1],
  [/^绩效目标\d+$/, 1],
  [/^三级指标$/, 0.5],
  [/整体支出绩效自评结论/, 1],
];

export const tianjin: Normalizer = {
  family: FAMILY,
  detect: (extraction) => formFits(extraction, FAMILY, VOCABULARY, /^(部门名称|单位名称)$/),
  normalize: readTianjin,
};

interface State {
  report: Report;
  warnings: Warning[];
  section: "head" | "budget" | "goals" | "indicators";
  budgetMap: ColumnMap<BudgetField> | null;
  goalMap: ColumnMap<GoalField> | null;
  indicatorMap: ColumnMap<IndicatorField> | null;
  levels: LevelState;
  fundSourceRaw: string | null;
}

/** Given an extraction and a fit of this family, return the report its form holds. */
function readTianjin(extraction: Extraction, fit: LayoutFit): Result<Report> {
  const report = emptyReport("department", FAMILY);
  const state: State = {
    report,
    warnings: [],
    section: "head",
    budgetMap: null,
    goalMap: null,
    indicatorMap: null,
    levels: freshLevels(),
    fundSourceRaw: null,
  };
  const title = readTitle(extraction, fit.blocks);
  report.title = title.title;
  report.fiscalYear = title.fiscalYear;
  const rows = tablesToRows(tablesAt(extraction, fit.blocks));
  for (const row of rows) readRow(state, row);
  report.grade ??= gradeOf(report.conclusion);
  report.pages = pagesOf(rows);
  return { value: report, warnings: state.warnings };
}

function readRow(state: State, row: Row): void {
  if (filled(row).length === 0) return;
  if (readHeadRow(state, row)) return;
  const budgetMap = budgetColumnMap(row);
  if (isBudgetHeader(budgetMap)) return enterBudget(state, row, budgetMap);
  const goalMap = rowToColumnMap(row, GOAL_HEADERS);
  if (goalMap.has("seq") && goalMap.has("text")) return void Object.assign(state, { section: "goals", goalMap });
  const indicatorMap = rowToColumnMap(row, INDICATOR_HEADERS);
  if (indicatorMap.has("level1") && indicatorMap.has("level2"))
    return void Object.assign(state, { section: "indicators", indicatorMap });
  if (state.section === "budget") return readBudgetRow(state, row);
  if (state.section === "goals") return readGoalRow(state, row);
  if (state.section === "indicators") return readIndicatorRow(state, row);
}

/** Rows that stand anywhere in the form: department, total score, conclusion. */
function readHeadRow(state: State, row: Row): boolean {
  const { report } = state;
  const dept = findCell(row, /^(部门名称|单位名称|填报单位)[:]?$/);
  if (dept >= 0) {
    report.department ??= textOrNull(nextFilled(row, dept));
    return true;
  }
  const total = findCell(row, /^(总分|合计得分|总得分)$/);
  if (total >= 0 && state.indicatorMap) {
    report.maxScore = parseNumber(cellOf(row, state.indicatorMap, "weight"));
    report.totalScore = parseNumber(cellOf(row, state.indicatorMap, "score"));
    report.totalScoreProvenance = provenanceOf(row);
    return true;
  }
  const conclusion = findCell(row, /自评结论|评价结论/);
  if (conclusion >= 0) {
    report.conclusion = textOrNull(nextFilled(row, conclusion).replace(/<\/?p>/g, ""));
    return true;
  }
  return false;
}

function enterBudget(state: State, row: Row, map: ColumnMap<BudgetField>): void {
  state.section = "budget";
  state.budgetMap = map;
  state.fundSourceRaw = textOrNull(cellOf(row, map, "fundSource"));
}

function readBudgetRow(state: State, row: Row): void {
  const map = state.budgetMap!;
  const deviation = findCell(row, /^偏差原因/);
  if (deviation >= 0) {
    const line = state.report.budget.at(-1);
    if (line) line.deviation = textOrNull(nextFilled(row, deviation));
    return;
  }
  if (!hasAmounts(row, map)) return;
  const label = textOrNull(cellOf(row, map, "fundSource"));
  const fundSourceRaw = label ?? state.fundSourceRaw;
  state.report.budget.push(
    rowToBudgetLine(row, map, {
      fundSource: (label && fundSourceOf(label)) || "total",
      fundSourceRaw,
      unitRaw: unitOf(fundSourceRaw ?? "") ?? "万元",
    }),
  );
}

function readGoalRow(state: State, row: Row): void {
  const map = state.goalMap!;
  const text = textOrNull(cellOf(row, map, "text"));
  if (!text) return;
  const seq = parseNumber(cellOf(row, map, "seq"));
  const goal: Goal = {
    seq: seq != null && Number.isInteger(seq) ? seq : null,
    text,
    actual: textOrNull(cellOf(row, map, "actual")),
    deviation: textOrNull(cellOf(row, map, "deviation")),
  };
  state.report.goals.push(goal);
}

function readIndicatorRow(state: State, row: Row): void {
  const map = state.indicatorMap!;
  const goalSeq = goalSeqOf(row);
  if (goalSeq != null && goalSeq !== state.levels.goalSeq) state.levels = freshLevels(goalSeq);
  const { indicator, state: levels } = rowToIndicator(row, map, state.levels, null, state.warnings);
  state.levels = levels;
  if (indicator) state.report.indicators.push(indicator as Indicator);
}

/** Given a row, return N of its "绩效目标N" cell (wherever a shifted row put it), if any. */
function goalSeqOf(row: Row): number | null {
  for (const cell of row.cells) {
    const m = /^(?:绩效目标|年度目标|目标)(\d+)$/.exec(labelKey(cell));
    if (m) return Number(m[1]);
  }
  return null;
}

/** Given a conclusion such as "自评等级：优。…", return the grade printed. */
export function gradeOf(text: string | null): string | null {
  const m = /(?:自评等级|评价等级|等级)[:：]\s*(优秀|良好|合格|不合格|优|良|中|差)/.exec(cleanText(text));
  return m ? m[1]! : null;
}

export { fiscalYearOf };
