// Layout family "target-declaration": the performance targets declared with a budget (项目支出绩效
// 目标申报表 / 财政项目支出绩效目标填报表 / 绩效目标表), one sheet per project, as the five tables of
// realdocs tianbaoxitong pp. 31–35 (WPS). A sheet: title and year (inside the table or above it);
// 项目名称 / 项目性质 / 项目类别; 主管部门 / 实施单位; 计划开始日期 / 计划完成日期; 项目资金 as label–amount
// pairs, the project's whole-life figures (项目资金总额, 其中：财政资金, 其他资金) beside the year's
// (年度资金申请总额, 其中：当年财政拨款, 上年结转资金, 其他资金); 项目总目标 / 年度总体目标; then
// 一级/二级/三级指标 with 年度(/项目)指标值. Read as a report of kind "project" with targets only:
// nothing is printed for actuals, weights or scores, and nothing is invented for them. The year's
// amounts become budget lines with `initial` set (what is budgeted when the year opens).
import type { Extraction } from "../contracts/extraction.js";
import { emptyReport, type BudgetLine, type FundSource, type Report, type Warning } from "../contracts/model.js";
import { unitOf } from "./common/budget.js";
import { scoreVocabulary } from "./common/detect.js";
import { DECLARED_AMOUNT_HEADERS, fieldOfHeader, type DeclaredAmountField } from "./common/headers.js";
import { projectOfReport } from "./reader/index.js";
import { readIndicatorRow, rowToIndicatorColumns, type IndicatorColumns } from "./reader/indicator-columns.js";
import { freshLevels, type LevelState } from "./common/indicators.js";
import { filled, provenanceOf, tablesAt, pagesOf, tablesToRows, type Row } from "./common/rows.js";
import {
  ambiguousSheetsWarning,
  budgetSumWarnings,
  emptyHead,
  headExtra,
  isTitleRow,
  readHeadRow,
  sheetRegions,
  sheetTitle,
  type SheetHead,
} from "./reader/sheets.js";
import { cleanText, labelKey, textOrNull } from "./common/text.js";
import { parseAmount } from "./common/values.js";
import type { LayoutFit, Normalizer, Result } from "./types.js";

const FAMILY = "target-declaration";

const VOCABULARY: [RegExp, number][] = [
  [/绩效目标(申报|填报)?表$/, 2],
  [/^项目名称:?$/, 1],
  [/^(主管部门|主管单位):?$/, 1],
  [/^项目资金/, 1],
  [/^(年度总体目标|年度绩效目标)$/, 1],
  [/^一级指标$/, 1],
  [/^(三级指标|指标名称)$/, 0.5],
  [/指标值$/, 1],
];

const BLOCK_LABELS = /^(绩效指标|年度绩效指标)$/;
const GOAL_LABEL = /^(年度总体目标|年度绩效目标|年度目标)$/;
const OVERALL_LABEL = /^(项目总目标|总体目标|项目绩效总目标)$/;

export const targetDeclaration: Normalizer = {
  family: FAMILY,
  detect(extraction) {
    return sheetRegions(extraction).map((blocks) => {
      const { score, found } = scoreVocabulary(extraction, blocks, VOCABULARY);
      const headers = tablesToRows(tablesAt(extraction, blocks)).flatMap((row) => rowToIndicatorColumns(row) ?? []);
      // A sheet with an actual or score column evaluates its targets: project-sheet's.
      const declares = headers.length > 0 && headers.every((c) => !c.map.has("actual") && !c.map.has("score"));
      return {
        family: FAMILY,
        score: declares ? score : 0,
        blocks,
        reason: declares ? found : "no indicator header with targets only",
      };
    });
  },
  normalize: readDeclaration,
};

/** One label–amount pair of the 项目资金 block, where it was printed. */
interface AmountPair {
  field: DeclaredAmountField;
  label: string;
  col: number;
  amount: number | null;
  row: Row;
}

interface State {
  report: Report;
  budgetClosed: boolean;
  warnings: Warning[];
  head: SheetHead;
  section: "head" | "budget" | "goals" | "indicators";
  unitRaw: string;
  pairs: AmountPair[];
  goalCols: { annual: number; overall: number | null } | null;
  columns: IndicatorColumns | null;
  levels: LevelState;
}

function readDeclaration(extraction: Extraction, fit: LayoutFit): Result<Report> {
  const report = emptyReport("project", FAMILY);
  Object.assign(report, sheetTitle(extraction, fit.blocks));
  const state: State = {
    report,
    budgetClosed: false,
    warnings: [],
    head: emptyHead(),
    section: "head",
    unitRaw: "万元",
    pairs: [],
    goalCols: null,
    columns: null,
    levels: freshLevels(),
  };
  const tables = tablesAt(extraction, fit.blocks);
  const rows = tablesToRows(tables);
  for (const row of rows) readRow(state, row);
  const firstPage = rows.find((r) => r.page !== null)?.page ?? null;
  report.department = state.head.department;
  report.pages = pagesOf(rows);
  closeBudget(state);
  if (state.head.project) report.projects.push(projectOfReport(report, state.head.project));
  const extra = headExtra(state.head);
  if (extra) report.extra = extra;
  const ambiguous = ambiguousSheetsWarning(state.head, tables, firstPage, "target");
  if (ambiguous) state.warnings.push(ambiguous);
  return { value: report, warnings: state.warnings };
}

function readRow(state: State, row: Row): void {
  if (filled(row).length === 0 || isTitleRow(row)) return;
  const columns = rowToIndicatorColumns(row);
  if (columns) return void Object.assign(state, { section: "indicators", columns });
  if (state.section === "indicators") return readIndicator(state, row);
  if (readGoalHeader(state, row)) return;
  if (state.section === "goals") return readGoalRow(state, row);
  if (readAmountPairs(state, row)) return;
  readHeadRow(row, state.head);
}

/** A row of the 项目资金 block: every amount label in it with the amount printed right after it. */
function readAmountPairs(state: State, row: Row): boolean {
  let found = false;
  row.cells.forEach((cell, col) => {
    if (!cell) return;
    if (/^项目资金/.test(labelKey(cell))) state.unitRaw = unitOf(cell) ?? state.unitRaw;
    const field = fieldOfHeader(labelKey(cell), DECLARED_AMOUNT_HEADERS);
    if (!field) return;
    found = true;
    const next = row.cells.slice(col + 1).find((c) => c !== "") ?? "";
    state.pairs.push({ field, label: cleanText(cell), col, amount: parseAmount(next, state.unitRaw), row });
  });
  if (found) state.section = "budget";
  return found;
}

/** Turn the pairs read so far into the report's budget lines, once, with their warnings in reading order. */
function closeBudget(state: State): void {
  if (state.budgetClosed) return;
  state.budgetClosed = true;
  state.report.budget = pairsToBudget(state, state.pairs[0]?.row.page ?? null);
}

/**
 * Given the pairs read, return the year's budget lines: the pairs at or right of 年度资金申请总额
 * (the whole-life pairs stand left of it); without that label every pair is the year's.
 */
function pairsToBudget(state: State, page: number | null): BudgetLine[] {
  const yearCol = state.pairs.find((p) => p.field === "yearTotal")?.col;
  const year = yearCol === undefined ? state.pairs : state.pairs.filter((p) => p.col >= yearCol);
  const project = state.head.project;
  const lines: BudgetLine[] = [];
  const seen = new Set<FundSource>();
  for (const pair of year) {
    const fundSource = FUND_OF[pair.field];
    if (fundSource === null || seen.has(fundSource)) continue;
    seen.add(fundSource);
    lines.push(declaredLine(fundSource, pair, state.unitRaw));
  }
  const carry = year.find((p) => p.field === "carryOver");
  if (carry && carry.amount !== null && carry.amount !== 0) {
    state.warnings.push({
      code: "not-represented",
      message: `project "${project ?? "?"}": ${carry.label} ${carry.amount} 万元 has no fund source in the model: not recorded as a budget line`,
      page: carry.row.page,
    });
  }
  const whole =
    yearCol === undefined ? undefined : state.pairs.find((p) => p.field === "projectTotal" && p.col < yearCol);
  const total = lines.find((l) => l.fundSource === "total");
  if (whole && total && whole.amount !== null && whole.amount !== total.initial) {
    state.warnings.push({
      code: "not-represented",
      message: `project "${project ?? "?"}": ${whole.label} ${whole.amount} 万元 (the project's whole life) differs from the year's ${total.fundSourceRaw} ${total.initial} 万元; only the year's amounts are recorded`,
      page: whole.row.page,
    });
  }
  state.warnings.push(...budgetSumWarnings(lines, { initial: carry?.amount ?? null }, project, page));
  return lines;
}

const FUND_OF: Record<DeclaredAmountField, FundSource | null> = {
  yearTotal: "total",
  projectTotal: "total",
  fiscal: "fiscal",
  carryOver: null,
  other: "other",
};

function declaredLine(fundSource: FundSource, pair: AmountPair, unitRaw: string): BudgetLine {
  return {
    fundSource,
    fundSourceRaw: pair.label,
    unit: "万元",
    unitRaw,
    initial: pair.amount,
    adjustment: null,
    adjusted: null,
    executed: null,
    rateReported: null,
    weight: null,
    score: null,
    deviation: null,
    provenance: provenanceOf(pair.row),
  };
}

/** 项目总目标 | 年度总体目标: the header of the goal texts printed on the rows below, and the end of the 项目资金 block. */
function readGoalHeader(state: State, row: Row): boolean {
  const annual = row.cells.findIndex((c) => c && GOAL_LABEL.test(labelKey(c)));
  if (annual < 0) return false;
  closeBudget(state);
  const overall = row.cells.findIndex((c) => c && OVERALL_LABEL.test(labelKey(c)));
  state.goalCols = { annual, overall: overall < 0 ? null : overall };
  state.section = "goals";
  return true;
}

/** The text under 年度总体目标 is the year's goal; a 项目总目标 that says otherwise is kept in the report's extra. */
function readGoalRow(state: State, row: Row): void {
  const { annual, overall } = state.goalCols!;
  const bounds = [annual, overall ?? -1].filter((c) => c >= 0);
  const text = textOrNull(textUnder(row, annual, bounds));
  if (!text) return;
  state.report.goals.push({ seq: null, text, actual: null, deviation: null });
  const whole = overall === null ? null : textOrNull(textUnder(row, overall, bounds));
  if (whole && labelKey(whole) !== labelKey(text)) state.head.extra["项目总目标"] ??= whole;
}

/** Given a row, a header column and all header columns, return the cell under it, or the first filled one before the next header column. */
function textUnder(row: Row, col: number, bounds: number[]): string {
  const next = Math.min(row.cells.length, ...bounds.filter((c) => c > col));
  for (let c = col; c < next; c++) if (row.cells[c]) return row.cells[c]!;
  return "";
}

function readIndicator(state: State, row: Row): void {
  const columns = state.columns!;
  const first = Math.min(...[...columns.map.values()]);
  const cleared: Row = {
    ...row,
    cells: row.cells.map((c, i) => (i < first && BLOCK_LABELS.test(labelKey(c)) ? "" : c)),
  };
  const { indicator, state: levels } = readIndicatorRow(
    cleared,
    columns,
    state.levels,
    state.head.project,
    state.warnings,
  );
  state.levels = levels;
  if (indicator) state.report.indicators.push(indicator);
}
