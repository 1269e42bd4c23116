// The form reader: one pass over a form's rows that reads each by what its labels mean, wherever
// it sits (spec, "Reading forms never seen"). Labelled fields (项目名称 / 主管部门 / 部门名称 …), a
// budget block (fund-source rows under 预算数 / 执行数 / 执行率 / 分值 / 得分 headers, or label–amount
// pairs under 预算金额), a goals block (预期目标 / 实际完成情况, or numbered 目标N：… in one cell),
// a key-task list (名称 / 拟投入资金 / 期望达到的目标) and indicator grids with any column order and
// any subset of columns. Which row is which is decided by the header vocabulary (headers.ts) alone,
// so a new county's form needs new words at most.
import type { Extraction } from "../../contracts/extraction.js";
import { emptyReport, type Project, type Report, type Warning } from "../../contracts/model.js";
import { isBudgetHeader, unitOf, budgetColumnMap } from "../common/budget.js";
import {
  closeDeclaredPairs,
  readBudgetRow,
  readDeclaredPairs,
  readPairHeader,
  readPairRow,
  type BudgetState,
} from "./budget.js";
import { readGoalHeading, readGoalRow, readInlineGoals } from "./goals.js";
import {
  CLOSING_HEADERS,
  fieldOfHeader,
  GOAL_HEADERS,
  TASK_HEADERS,
  type ClosingField,
  type GoalField,
  type TaskField,
} from "../common/headers.js";
import {
  columnMappingWarning,
  readIndicatorRow,
  rowToIndicatorColumns,
  unmappedHeaders,
  type IndicatorColumns,
} from "./indicator-columns.js";
import { freshLevels, goalSeqOf, type LevelState } from "../common/indicators.js";
import {
  captionedColumnMap,
  cellOf,
  filled,
  findCell,
  pagesOf,
  provenanceOf,
  rowToColumnMap,
  tablesAt,
  tablesToRows,
  type ColumnMap,
  type Row,
} from "../common/rows.js";
import {
  ambiguousSheetsWarning,
  budgetSumWarnings,
  emptyHead,
  headExtra,
  isTitleRow,
  readHeadRow,
  sheetTitle,
  type SheetHead,
} from "./sheets.js";
import { joinStackedHeaders } from "./stacked-headers.js";
import { rejoinCutLabels } from "./cut-labels.js";
import { filledTextOrNull, fiscalYearOf, gradeOf, labelKey, textOrNull } from "../common/text.js";
import { isNullMarker, parseAmount, parseNumber, parsePoints } from "../common/values.js";

export interface FormSettings {
  family: string;
  /** Warn with the whole column mapping (forms no family knows), not only the unmapped headers. */
  describeColumns: boolean;
}

interface State extends BudgetState {
  report: Report;
  warnings: Warning[];
  head: SheetHead;
  section: "head" | "budget" | "pairs" | "declared" | "goals" | "tasks" | "indicators" | "end";
  goalMap: ColumnMap<GoalField> | null;
  taskMap: ColumnMap<TaskField> | null;
  columns: IndicatorColumns | null;
  levels: LevelState;
  settings: FormSettings;
  /** The labelled texts under the grids: 评价结论, 存在问题, 改进措施. */
  closing: Partial<Record<ClosingField, string>>;
}

/** Printed cells of an indicator header that are block labels, not columns. */
const BLOCK_LABELS = /^(.{0,16}(绩效指标|衡量指标|指标完成情况|目标完成情况)|(年度)?(绩效)?指标)(\(.*\))?$/;
/** Rows that close a form: its total, or the notes printed under it. */
const TOTAL_ROW = /^(总分|合计得分|总得分|自评总分|合计|总计|综合得分)$/;
const NOTES_ROW = /^(说明|备注|填表说明|注)[:：]?/;

/** Given an extraction, a region's blocks and settings, return the report the form in them holds. */
export function readForm(
  extraction: Extraction,
  blocks: number[],
  settings: FormSettings,
): { value: Report; warnings: Warning[] } {
  const report = emptyReport("project", settings.family);
  Object.assign(report, sheetTitle(extraction, blocks));
  const declaredUnit = declaredUnitOf(extraction, blocks);
  const state: State = {
    report,
    warnings: [],
    head: emptyHead(),
    section: "head",
    budgetMap: null,
    unitRaw: declaredUnit ?? "万元",
    declaredUnit,
    ratePercent: false,
    carryOver: {},
    pairs: [],
    fundCaption: null,
    declared: [],
    goalMap: null,
    taskMap: null,
    columns: null,
    levels: freshLevels(),
    settings,
    closing: {},
  };
  const tables = tablesAt(extraction, blocks);
  const rows = joinStackedHeaders(tablesToRows(tables));
  for (const row of rows) readRow(state, row);
  const firstPage = rows.find((r) => r.page !== null)?.page ?? null;
  closeDeclaredPairs(state);
  applyHeadFields(extraction, blocks, state.head, report);
  report.kind = state.head.project ? "project" : "department";
  report.pages = pagesOf(rows);
  report.conclusion ??= state.closing.conclusion ?? null;
  report.grade ??= gradeOf(report.conclusion);
  if (state.head.project) {
    report.projects.unshift({
      ...projectOfReport(report, state.head.project),
      problems: state.closing.problems ?? null,
      remedy: state.closing.remedy ?? null,
    });
  } else {
    if (state.closing.problems) state.head.extra["存在问题"] ??= state.closing.problems;
    if (state.closing.remedy) state.head.extra["改进措施"] ??= state.closing.remedy;
  }
  const extra = headExtra(state.head);
  if (extra) report.extra = extra;
  const ambiguous = ambiguousSheetsWarning(state.head, tables, firstPage, report.kind);
  state.warnings.push(...budgetSumWarnings(report.budget, state.carryOver, state.head.project, firstPage));
  if (ambiguous) state.warnings.push(ambiguous);
  return { value: report, warnings: state.warnings };
}

/** Department labels printed in a line above the table ("填报单位：某某局"). */
const DEPARTMENT_LINE =
  /(?:部门名称|单位名称|填报单位|部门（单位）名称|部门\(单位\)名称|预算单位)\s*[:：]\s*([^\s:：]{2,40})/;
const GRADES = /^(优秀|良好|合格|不合格|优|良|中|差|较好|一般|较差)$/;

/** Given the form's region, its labelled fields and the report, fill department, year, grade and total where printed. */
function applyHeadFields(extraction: Extraction, blocks: number[], head: SheetHead, report: Report): void {
  const lines = blocks.flatMap((i) => {
    const b = extraction.blocks[i];
    return b?.kind === "text" ? [b.text] : [];
  });
  const fromLine = lines.map((t) => DEPARTMENT_LINE.exec(t)?.[1] ?? null).find((d) => d !== null) ?? null;
  // "单位 | 万元" states the money's unit, not a department.
  const unit = head.unit && !/^(单位[:：])?(万元|元|亿元|千元)$/.test(head.unit) ? head.unit : null;
  report.department = head.department ?? unit ?? fromLine;
  report.fiscalYear ??= head.year ? fiscalYearOf(`${head.year.replace(/年度?$/, "")}年`) : null;
  if (head.grade && GRADES.test(head.grade)) report.grade = head.grade;
  report.totalScore ??= head.total ? parsePoints(head.total) : null;
  if (head.total !== null && head.points.total) report.maxScore ??= parseNumber(head.points.total);
  const line = report.budget.find((b) => b.fundSource === "total") ?? report.budget[0];
  if (line && head.budgetScore !== null) {
    line.score ??= parseNumber(head.budgetScore);
    line.weight ??= head.points.budgetScore ? parseNumber(head.points.budgetScore) : null;
  }
}

/**
 * Given a project report and its project's name, return its one Project record (spec, "A project
 * report"): the total budget line's figures and the form's total score, as printed.
 */
export function projectOfReport(report: Report, name: string): Project {
  const total = report.budget.find((l) => l.fundSource === "total") ?? report.budget[0];
  return {
    seq: null,
    name,
    category: null,
    budget: total ? (total.adjusted ?? total.initial) : null,
    executed: total?.executed ?? null,
    balance: null,
    rateReported: total?.rateReported ?? null,
    score: report.totalScore,
    goal: report.goals[0]?.text ?? null,
    achievement: report.goals[0]?.actual ?? null,
    problems: null,
    remedy: null,
  };
}

/** A line that only declares the money's unit ("单位：元", "金额单位：万元", "（单位：元）"). */
const UNIT_LINE = /^[(（]?(?:金额|资金)?单位[:：]\s*(亿元|万元|千元|元)[)）]?$/;

/** Given the form's region, return the money unit a text line above its first table declares, if any. */
function declaredUnitOf(extraction: Extraction, blocks: number[]): string | null {
  for (const i of blocks) {
    const block = extraction.blocks[i];
    if (!block || block.kind === "table") return null;
    const unit = UNIT_LINE.exec(labelKey(block.text))?.[1];
    if (unit) return unit;
  }
  return null;
}

function readRow(state: State, row: Row): void {
  if (filled(row).length === 0 || isTitleRow(row) || readClosingText(state, row)) return;
  // A row that declares the money's unit, alone or beside labelled fields (编制单位：… | 单位：元),
  // applies to the blocks below whose headers print none.
  if (readUnitRow(state, row)) return;
  // Under the grids only labelled fields remain (项目负责人：…).
  if (state.section === "end") return void readHeadRow(row, state.head);
  if (readClosingRow(state, row)) return;
  const heading = readGoalHeading(state.report, row);
  if (heading !== null) return void (state.levels = freshLevels(heading));
  const columns = rowToIndicatorColumns(row);
  if (columns) return enterIndicators(state, row, columns);
  if (state.section !== "indicators" && enterBlock(state, row)) return;
  if (state.section !== "indicators" && state.section !== "tasks" && readHeadRow(row, state.head)) return;
  if (state.section === "budget") return readBudgetRow(state, row);
  if (state.section === "pairs") return readPairRow(state, row);
  if (state.section === "goals") return readGoals(state, row);
  if (state.section === "tasks") return readTaskRow(state, row);
  if (state.section === "indicators") return readIndicator(state, row);
}

/** Given a row, read the money unit one of its cells declares (and the labelled fields beside it); false when none does. */
function readUnitRow(state: State, row: Row): boolean {
  const cells = filled(row);
  const at = cells.findIndex((c) => UNIT_LINE.test(labelKey(c)));
  if (at < 0 || (cells.length > 1 && isBudgetHeader(budgetColumnMap(row)))) return false;
  const unit = UNIT_LINE.exec(labelKey(cells[at]!))![1]!;
  Object.assign(state, { declaredUnit: unit, unitRaw: unit });
  const rest = row.cells.map((c) => (UNIT_LINE.test(labelKey(c)) ? "" : c));
  if (filled({ ...row, cells: rest }).length > 0) readHeadRow({ ...row, cells: rest }, state.head);
  return true;
}

/** Given a row, read it when its first cell labels a closing text (评价结论, 存在问题, 改进措施) followed by the text. */
function readClosingText(state: State, row: Row): boolean {
  const [label, text, ...rest] = filled(row);
  const field = label ? fieldOfHeader(labelKey(label).replace(/:$/, ""), CLOSING_HEADERS) : null;
  if (!field || !text || rest.length > 0) return false;
  if (!isNullMarker(text) && filledTextOrNull(text) !== null) state.closing[field] ??= text;
  return true;
}

/** Given a row outside the indicators, enter the block its headers open (budget, pairs, goals, tasks); false when none. */
function enterBlock(state: State, row: Row): boolean {
  const budgetMap = budgetColumnMap(row);
  if (isBudgetHeader(budgetMap)) {
    const rateHeader = row.cells[budgetMap.get("rate") ?? -1] ?? "";
    Object.assign(state, {
      section: "budget",
      budgetMap,
      unitRaw: unitOf(row.cells.join(" ")) ?? state.declaredUnit ?? "万元",
      ratePercent: /%/.test(labelKey(rateHeader)),
      fundCaption: textOrNull(row.cells[budgetMap.get("fundSource") ?? -1]),
    });
    return true;
  }
  const taskMap = rowToColumnMap(row, TASK_HEADERS);
  if (taskMap.has("name") && (taskMap.has("budget") || taskMap.has("goal")))
    return (void Object.assign(state, { section: "tasks", taskMap }), true);
  if (readPairHeader(state, row)) return (void (state.section = "pairs"), true);
  if (readInlineGoals(state.report, row)) return (void (state.section = "head"), true);
  // Under a budget header the fund rows are the header's; label–amount pairs stand on their own.
  if (state.section !== "budget" && state.section !== "pairs" && readDeclaredPairs(state, row))
    return (void (state.section = "declared"), true);
  const goalMap = captionedColumnMap(row, GOAL_HEADERS);
  if (goalMap.has("text") && filled(row).length >= 2) {
    closeDeclaredPairs(state);
    Object.assign(state, { section: "goals", goalMap });
    // A goal label with the first goal beside it (部门整体支出年度绩效目标 | 推进…), the next goals below it.
    const [label, text, ...rest] = filled(row);
    if (goalMap.size === 1 && row.cells[goalMap.get("text")!] === label && rest.length === 0)
      state.report.goals.push({ seq: null, text: text!, actual: null, deviation: null });
    return true;
  }
  return false;
}

/** A goal row; a whole project's goal beside it (项目总目标) that says otherwise is kept in the report's extra. */
function readGoals(state: State, row: Row): void {
  const before = state.report.goals.length;
  readGoalRow(state.report, state.goalMap!, row);
  const goal = state.report.goals[before];
  const overall = state.goalMap!.has("overall") ? textOrNull(cellOf(row, state.goalMap!, "overall")) : null;
  if (goal && overall && labelKey(overall) !== labelKey(goal.text)) state.head.extra["项目总目标"] ??= overall;
}

function enterIndicators(state: State, row: Row, columns: IndicatorColumns): void {
  closeDeclaredPairs(state);
  // A column the vocabulary does not know is still printed: its cells go to each indicator's extra.
  const unmapped = unmappedHeaders(row, columns, BLOCK_LABELS);
  if (state.columns === null) {
    if (state.settings.describeColumns) state.warnings.push(columnMappingWarning(row, columns, BLOCK_LABELS));
    for (const { header } of unmapped) {
      state.warnings.push({
        code: "column-unmapped",
        message: `indicator column "${header}" matches no header synonym (docs/headers.md): its cells are kept in each indicator's extra under that header`,
        page: row.page,
      });
    }
  }
  for (const { header, col } of unmapped) if (!columns.extras.has(header)) columns.extras.set(header, col);
  // A header repeated on a continuation page keeps the fill-down of the block it continues.
  Object.assign(state, { section: "indicators", columns });
}

function readIndicator(state: State, row: Row): void {
  const columns = state.columns!;
  const goalSeq = goalSeqOf(row);
  if (goalSeq !== null && goalSeq !== state.levels.goalSeq) state.levels = freshLevels(goalSeq);
  const first = Math.min(...[...columns.map.values()]);
  const level1 = columns.map.get("level1");
  // The 绩效指标 block label merged down the first column (or down the levels' column it heads) is no part of any indicator.
  const cleared: Row = {
    ...row,
    cells: row.cells.map((c, i) => ((i < first || i === level1) && BLOCK_LABELS.test(labelKey(c)) ? "" : c)),
  };
  const { indicator, state: levels } = readIndicatorRow(
    cleared,
    columns,
    state.levels,
    state.head.project,
    state.warnings,
  );
  state.levels = levels;
  if (!indicator) return;
  if (columns.map.has("level2")) state.levels = rejoinCutLabels(state.report.indicators, indicator, state.levels);
  state.report.indicators.push(indicator);
}

/** A key task or listed project of a targets table: its name, money (拟投入资金) and goal. */
function readTaskRow(state: State, row: Row): void {
  const map = state.taskMap!;
  const name = textOrNull(cellOf(row, map, "name"));
  if (!name) return;
  const header = state.unitRaw;
  state.report.projects.push({
    seq: null,
    name,
    category: null,
    budget: parseAmount(cellOf(row, map, "budget"), header),
    executed: null,
    balance: null,
    rateReported: null,
    score: null,
    goal: textOrNull(cellOf(row, map, "goal")),
    achievement: null,
    problems: null,
    remedy: null,
    provenance: provenanceOf(row),
  });
}

/**
 * 总分 / 合计 under the indicators: its 分值 column holds the maximum, its 得分 column the total
 * score (null where nothing is printed: an empty 合计 row is no figure). Notes (说明 / 备注) close
 * the form too, so their instructions are never read as indicators.
 */
function readClosingRow(state: State, row: Row): boolean {
  const first = filled(row)[0] ?? "";
  if (state.section === "indicators" && NOTES_ROW.test(labelKey(first))) return (void (state.section = "end"), true);
  const at = findCell(row, TOTAL_ROW);
  if (at < 0 || !state.columns || (state.section !== "indicators" && !/总分|得分/.test(labelKey(row.cells[at]))))
    return false;
  const map = state.columns.map;
  state.report.maxScore = parsePoints(cellOf(row, map, "weight"));
  state.report.totalScore = parsePoints(cellOf(row, map, "score"));
  state.report.totalScoreProvenance = provenanceOf(row);
  state.section = "end";
  return true;
}
