// Reading budget rows (年初预算数 / 调整 / 全年预算数 / 执行数 / 执行率 / 分值 / 得分) under a
// mapped header, shared by the form layouts. Amounts are converted to 万元 from the unit printed.
import type { BudgetLine, FundSource } from "../../contracts/model.js";
import { BUDGET_HEADERS, type BudgetField } from "./headers.js";
import { captionedColumnMap, cellOf, provenanceOf, type ColumnMap, type Row } from "./rows.js";
import type { Expect } from "./realign.js";
import { parseAmount, parseNumber, parsePoints, parseRate } from "./values.js";

/** Given a header or title text such as "部门预算金额(万元)" or "单位：元", return the unit printed. */
export function unitOf(text: string): string | null {
  const m = /(?:单位[:：]\s*)?[（(]?\s*(亿元|万元|千元|元)\s*[）)]?/.exec(text);
  return m ? m[1]! : null;
}

/**
 * Given a budget header row, return the columns of the fields its headers name; a caption over the
 * fund labels in the words of an amount ("年度预算数（万元）" before 调整后预算数) is the fund-source column.
 */
export function budgetColumnMap(row: Row): ColumnMap<BudgetField> {
  return captionedColumnMap(row, BUDGET_HEADERS, "fundSource");
}

/** Given a budget header map, return true when it names enough budget columns to be a budget header. */
export function isBudgetHeader(map: ColumnMap<BudgetField>): boolean {
  const amounts = ["initial", "adjusted", "executed", "rate"].filter((f) => map.has(f as BudgetField)).length;
  // One amount suffices under a fund-source column (资金来源 | 年初预算数, a targets table's money).
  return amounts >= 2 || (amounts === 1 && map.has("fundSource"));
}

/** Given a fund source, its printed label and the unit printed, return its budget line with no figure yet (amounts in 万元). */
export function emptyBudgetLine(
  fundSource: FundSource,
  fundSourceRaw: string | null,
  unitRaw: string | null,
): BudgetLine {
  return {
    fundSource,
    fundSourceRaw,
    unit: "万元",
    unitRaw,
    initial: null,
    adjustment: null,
    adjusted: null,
    executed: null,
    rateReported: null,
    weight: null,
    score: null,
    deviation: null,
  };
}

/** Given a data row, its map, fund source and unit, return the budget line it holds. */
export function rowToBudgetLine(
  row: Row,
  map: ColumnMap<BudgetField>,
  source: { fundSource: FundSource; fundSourceRaw: string | null; unitRaw: string | null; ratePercent?: boolean },
): BudgetLine {
  const amount = (field: BudgetField) => parseAmount(cellOf(row, map, field), source.unitRaw ?? "万元");
  return {
    fundSource: source.fundSource,
    fundSourceRaw: source.fundSourceRaw,
    unit: "万元",
    unitRaw: source.unitRaw,
    initial: amount("initial"),
    adjustment: amount("adjustment"),
    adjusted: amount("adjusted"),
    executed: amount("executed"),
    rateReported: parseRate(cellOf(row, map, "rate"), { percentColumn: source.ratePercent ?? false }),
    weight: parsePoints(cellOf(row, map, "weight")),
    score: parsePoints(cellOf(row, map, "score")),
    deviation: null,
    provenance: provenanceOf(row),
  };
}

/** Given a row, return true when its mapped amount cells hold at least one number. */
export function hasAmounts(row: Row, map: ColumnMap<BudgetField>): boolean {
  return (["initial", "adjustment", "adjusted", "executed"] as BudgetField[]).some(
    (f) => parseNumber(cellOf(row, map, f)) != null,
  );
}

/** Given a budget header map, return what each mapped column expects, for realigning shifted rows. */
export function budgetExpectations(map: ColumnMap<BudgetField>): Map<number, Expect> {
  const expects = new Map<number, Expect>();
  for (const [field, col] of map)
    expects.set(col, field === "fundSource" ? "name" : field === "rate" ? "any" : "number");
  return expects;
}
