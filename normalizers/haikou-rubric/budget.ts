// The budget block above a rubric table: 预算安排情况(调整后) (预算数, 其中: 财政资金, 其他),
// 资金执行情况 (执行数, …) and 预算执行率. Seed 004 (a) prints its amounts on the "其中: 财政资金"
// row, 预算数/执行数 left empty and 其他 blank: the first row with amounts is the total, recorded
// once; a later row repeating the same amounts adds nothing (seed README, 004).
import type { BudgetLine, Warning } from "../../contracts/model.js";
import { emptyBudgetLine, unitOf } from "../common/budget.js";
import type { Row } from "../common/rows.js";
import { cleanText } from "../common/text.js";
import { isNullMarker, parseAmount, parseNumber, parseRate } from "../common/values.js";
import { fundSourceOf } from "../common/vocabulary.js";

interface RowAmounts {
  label: string | null;
  budget: number | null;
  executed: number | null;
  page: number | null;
}

const isFigure = (text: string) => parseNumber(text.replace(/%$/, "")) !== null;

/**
 * Given a budget row, return its label and amounts: a row prints "label amount label amount", so an
 * amount after the row's second label is executed and one before it budgeted; a row with one label
 * and two amounts prints 预算数 then 执行数.
 */
function rowToAmounts(row: Row, unitRaw: string | null): RowAmounts {
  const labels: number[] = [];
  const amounts: { col: number; value: number }[] = [];
  row.cells.forEach((text, col) => {
    if (!text || isNullMarker(text) || /%$/.test(text)) return;
    if (isFigure(text)) {
      const value = parseAmount(text, unitRaw ?? "万元");
      if (value !== null) amounts.push({ col, value });
    } else labels.push(col);
  });
  const label = labels.length ? cleanText(row.cells[labels[0]!]).replace(/[:：]$/, "") : null;
  const split = labels[1];
  if (split === undefined || amounts.length === 2)
    return { label, budget: amounts[0]?.value ?? null, executed: amounts[1]?.value ?? null, page: row.page };
  return {
    label,
    budget: amounts.find((a) => a.col < split)?.value ?? null,
    executed: amounts.find((a) => a.col > split)?.value ?? null,
    page: row.page,
  };
}

function emptyLine(fundSourceRaw: string | null, unitRaw: string | null): BudgetLine {
  return emptyBudgetLine("total", fundSourceRaw, unitRaw);
}

/** Given the rows above a rubric's indicator header, return its budget lines: the total first. */
export function rubricBudgetRows(rows: Row[], warnings: Warning[]): BudgetLine[] {
  const unitRaw = unitOf(
    rows
      .flatMap((r) => r.cells)
      .filter((c) => /单位|元/.test(c) && !isFigure(c))
      .join(" "),
  );
  const totalLabel =
    rows
      .flatMap((r) => r.cells)
      .find((c) => /^预算数/.test(c))
      ?.replace(/[:：]$/, "") ?? null;
  const rate = rows.flatMap((r) => r.cells).find((c) => /^\d+(?:\.\d+)?\s*%$/.test(c.trim()));
  const lines: BudgetLine[] = [];
  for (const row of rows) {
    const { label, budget, executed, page } = rowToAmounts(row, unitRaw);
    if (budget === null && executed === null) continue;
    const total = lines[0];
    if (!total) {
      const line = emptyLine(totalLabel ?? label, unitRaw);
      Object.assign(line, { adjusted: budget, executed, rateReported: rate ? parseRate(rate) : null });
      if (label && totalLabel && label !== totalLabel) {
        warnings.push({
          code: "budget-merged",
          message: `rubric budget amounts printed on the row "${label}" with ${totalLabel} left empty: recorded once, as the total`,
          page,
        });
      }
      lines.push(line);
    } else if (total.adjusted === budget && total.executed === executed) {
      warnings.push({
        code: "budget-merged",
        message: `rubric budget row "${label ?? ""}" repeats the total's amounts: recorded once`,
        page,
      });
    } else {
      const source = label ? fundSourceOf(label) : null;
      if (!source) {
        warnings.push({
          code: "row-unplaced",
          message: `rubric budget row "${label ?? ""}" names no known fund source: ${row.cells.filter(Boolean).join(" | ")}`,
          page,
        });
        continue;
      }
      lines.push(Object.assign(emptyLine(label, unitRaw), { fundSource: source, adjusted: budget, executed }));
    }
  }
  return lines;
}
