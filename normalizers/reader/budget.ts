// The budget block of a form, read by the form reader (index.ts): fund-source rows under a
// header of figures (年初预算数 / 全年预算数 / 全年执行数 / 执行率 / 分值 / 得分), or label–amount pairs
// under 预算金额 headers (收入来源 | 预算金额, as a department's targets table prints them).
import {
  DECLARED_AMOUNT_HEADERS,
  fieldOfHeader,
  type BudgetField,
  type DeclaredAmountField,
} from "../common/headers.js";
import type { BudgetLine, FundSource, Report, Warning } from "../../contracts/model.js";
import { budgetExpectations, emptyBudgetLine, hasAmounts, rowToBudgetLine, unitOf } from "../common/budget.js";
import { realignRow } from "../common/realign.js";
import { cellOf, filled, provenanceOf, type ColumnMap, type Row } from "../common/rows.js";
import { budgetOwner, sheetFundOf } from "./sheets.js";
import { cleanText, filledTextOrNull, labelKey, textOrNull } from "../common/text.js";
import { parseAmount } from "../common/values.js";

export interface BudgetState {
  report: Report;
  warnings: Warning[];
  head: { project: string | null };
  budgetMap: ColumnMap<BudgetField> | null;
  unitRaw: string;
  /** The money unit a line of its own declares above the tables ("单位：元"), for blocks whose headers print none. */
  declaredUnit: string | null;
  ratePercent: boolean;
  carryOver: Partial<Record<string, number | null>>;
  /** Label and amount columns of a pairs block. */
  pairs: [number, number][];
  /** The header over the fund labels ("部门预算金额(万元)"): the label of a block's one unlabelled line. */
  fundCaption: string | null;
  /** Label–amount pairs of a 项目资金 block printed without a header row, until they become lines. */
  declared: DeclaredPair[];
}

/** One label–amount pair of a declared 项目资金 block (项目资金总额 | 6,000,000.00), where it was printed. */
export interface DeclaredPair {
  field: DeclaredAmountField;
  label: string;
  col: number;
  amount: number | null;
  row: Row;
}

/** Block labels printed in the first column of a budget block, never a fund source. */
const BLOCK_LABEL =
  /^(项目资金|项目预算|预算执行情况|资金投入|预算资金|资金情况|项目预算执行情况|预算整体情况|部门预算)/;

/**
 * Given a budget row and its header, return the fund-source label printed left of the figures,
 * skipping the block label; null when the row prints figures only (a one-line block's total).
 */
function budgetLabelOf(row: Row, map: ColumnMap<BudgetField>): { label: string; printed: string } | null {
  const at = map.get("fundSource");
  const printed = (c: number) => ({ label: row.cells[c]!, printed: row.raw[c]?.trim() || row.cells[c]! });
  if (at !== undefined && textOrNull(row.cells[at])) return printed(at);
  const firstFigure = Math.min(...[...map.entries()].filter(([f]) => f !== "fundSource").map(([, c]) => c));
  for (let c = 0; c < Math.min(firstFigure, row.cells.length); c++) {
    const text = row.cells[c] ?? "";
    if (text && !BLOCK_LABEL.test(labelKey(text))) return printed(c);
  }
  return null;
}

/** Labels of the text that explains the budget's deviation, on its own row under the figures. */
const DEVIATION_LABEL = /^偏差(原因|情况)|^(未完成|差异)原因/;

/**
 * A fund row: its label names the source; a row of figures alone is the block's total when it is
 * the first, labelled by the caption over the fund labels. A 偏差原因 row explains the line above.
 */
export function readBudgetRow(state: BudgetState, printed: Row): void {
  const map = state.budgetMap!;
  // A row that lost a cell to the extraction (its label merged into the next) is put back under its headers.
  const row = realignRow(printed, budgetExpectations(map));
  const [first, text, ...rest] = filled(row);
  if (first && text && rest.length === 0 && DEVIATION_LABEL.test(labelKey(first))) {
    const line = state.report.budget.at(-1);
    if (line) line.deviation ??= filledTextOrNull(text);
    return;
  }
  if (!hasAmounts(row, map)) return;
  const found = budgetLabelOf(row, map);
  const label = found?.label ?? null;
  const fund = label ? sheetFundOf(label) : state.report.budget.length === 0 ? "total" : null;
  if (fund === "carryOver") return recordCarryOver(state, row, label!);
  if (fund === null) {
    state.warnings.push({
      code: "row-unplaced",
      message: `budget row without a known fund source: ${filled(row).join(" | ")}`,
      page: row.page,
    });
    return;
  }
  state.report.budget.push(
    rowToBudgetLine(row, map, {
      fundSource: fund,
      fundSourceRaw: found?.printed ?? (state.report.budget.length === 0 ? state.fundCaption : null),
      unitRaw: state.unitRaw,
      ratePercent: state.ratePercent,
    }),
  );
}

/** 上年结转资金 has no fund source in the model: its amounts only enter the sum check, and a warning keeps them. */
function recordCarryOver(state: BudgetState, row: Row, label: string): void {
  const map = state.budgetMap!;
  const amount = (field: BudgetField) => parseAmount(cellOf(row, map, field), state.unitRaw);
  state.carryOver = { initial: amount("initial"), adjusted: amount("adjusted"), executed: amount("executed") };
  const printed = Object.values(state.carryOver).filter((v): v is number => v !== null && v !== 0);
  if (printed.length > 0) {
    const figures = (["initial", "adjusted", "executed"] as const)
      .map((f) => `${f} ${state.carryOver[f] ?? "—"}`)
      .join(", ");
    state.warnings.push({
      code: "not-represented",
      message: `${budgetOwner(state.head.project)}: ${label} (${figures} 万元) has no fund source in the model: not recorded as a budget line`,
      page: row.page,
    });
  }
}

const PAIR_AMOUNT = /^(预算)?金额|^预算数$|^资金(数额|金额)?\(/;

/** Given a row, record the label–amount column pairs its 预算金额 headers open; false when it opens none. */
export function readPairHeader(state: BudgetState, row: Row): boolean {
  const pairs: [number, number][] = [];
  row.cells.forEach((text, col) => {
    if (col === 0 || !text || !PAIR_AMOUNT.test(labelKey(text))) return;
    let label = col - 1;
    while (label > 0 && !row.cells[label]) label--;
    if (row.cells[label] && !PAIR_AMOUNT.test(labelKey(row.cells[label]!))) pairs.push([label, col]);
  });
  if (pairs.length === 0) return false;
  state.pairs = pairs;
  state.unitRaw = unitOf(row.cells.join(" ")) ?? state.declaredUnit ?? state.unitRaw;
  return true;
}

/**
 * A row of label–amount pairs: each pair whose label names a fund source (收入来源: 财政拨款 / 其他资金)
 * is a budget line; spending by purpose (基本支出 / 项目支出) is none. A targets table's amounts are
 * what is budgeted when the year opens (`initial`), a self-evaluation's the year's budget (`adjusted`).
 */
export function readPairRow(state: BudgetState, row: Row): void {
  const targets = /目标|申报/.test(state.report.title ?? "");
  for (const [labelCol, amountCol] of state.pairs) {
    const label = textOrNull(row.cells[labelCol]);
    const amount = parseAmount(row.cells[amountCol] ?? "", state.unitRaw);
    const fund = label ? sheetFundOf(label) : null;
    if (!label || amount === null || fund === null || fund === "carryOver") continue;
    state.report.budget.push({
      ...emptyBudgetLine(fund, label, state.unitRaw),
      initial: targets ? amount : null,
      adjusted: targets ? null : amount,
      provenance: provenanceOf(row),
    });
  }
}

/**
 * A row of a 项目资金 block printed as label–amount pairs with no header row (a target declaration:
 * 项目资金总额 | 6,000,000.00 | 年度资金申请总额 | 3,000,000.00): every amount label in it with the
 * amount printed right after it. False when the row holds none.
 */
export function readDeclaredPairs(state: BudgetState, row: Row): boolean {
  let found = false;
  row.cells.forEach((cell, col) => {
    if (!cell) return;
    if (/^项目资金/.test(labelKey(cell))) state.unitRaw = unitOf(cell) ?? state.unitRaw;
    const field = fieldOfHeader(labelKey(cell), DECLARED_AMOUNT_HEADERS);
    if (!field) return;
    const next = row.cells.slice(col + 1).find((c) => c !== "") ?? "";
    found = true;
    state.declared.push({ field, label: cleanText(cell), col, amount: parseAmount(next, state.unitRaw), row });
  });
  return found;
}

const DECLARED_FUND: Record<DeclaredAmountField, FundSource | null> = {
  yearTotal: "total",
  projectTotal: "total",
  fiscal: "fiscal",
  carryOver: null,
  other: "other",
};

/**
 * Turn the declared pairs read so far into budget lines (once): the pairs at or right of 年度资金申请
 * 总额 are the year's (the whole-life pairs stand left of it), their amounts budgeted when the year
 * opens (`initial`). 上年结转 is no fund source: it enters the sum check, and a warning keeps it; a
 * whole-life total other than the year's is kept in a warning.
 */
export function closeDeclaredPairs(state: BudgetState): void {
  const pairs = state.declared.splice(0);
  if (pairs.length === 0) return;
  const yearCol = pairs.find((p) => p.field === "yearTotal")?.col;
  const year = yearCol === undefined ? pairs : pairs.filter((p) => p.col >= yearCol);
  const project = state.head.project;
  const seen = new Set<FundSource>();
  for (const pair of year) {
    const fundSource = DECLARED_FUND[pair.field];
    if (fundSource === null || seen.has(fundSource)) continue;
    seen.add(fundSource);
    state.report.budget.push(declaredLine(fundSource, pair, state.unitRaw));
  }
  const carry = year.find((p) => p.field === "carryOver");
  if (carry) state.carryOver = { initial: carry.amount };
  if (carry && carry.amount !== null && carry.amount !== 0) {
    state.warnings.push({
      code: "not-represented",
      message: `${budgetOwner(project)}: ${carry.label} ${carry.amount} 万元 has no fund source in the model: not recorded as a budget line`,
      page: carry.row.page,
    });
  }
  const whole = yearCol === undefined ? undefined : pairs.find((p) => p.field === "projectTotal" && p.col < yearCol);
  const total = state.report.budget.find((l) => l.fundSource === "total");
  if (whole && total && whole.amount !== null && whole.amount !== total.initial) {
    state.warnings.push({
      code: "not-represented",
      message: `${budgetOwner(project)}: ${whole.label} ${whole.amount} 万元 (the project's whole life) differs from the year's ${total.fundSourceRaw} ${total.initial} 万元; only the year's amounts are recorded`,
      page: whole.row.page,
    });
  }
}

function declaredLine(fundSource: FundSource, pair: DeclaredPair, unitRaw: string): BudgetLine {
  return {
    ...emptyBudgetLine(fundSource, pair.label, unitRaw),
    initial: pair.amount,
    provenance: provenanceOf(pair.row),
  };
}
