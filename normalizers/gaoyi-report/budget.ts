// Budget lines stated in the prose of a narrative report (seed 004 (b), 部门收支预决算情况):
// "2021年度预算收入6778.59万元，其中：一般公共预算收入6223.59万元，基金预算收入555万元，…" gives the
// total budget and its split by fund source; "2021年决算支出6696.24万元" gives what was spent. The
// 决算收入 sentence is income (with carry-overs), not a budget figure, and its "其中" list is not
// read; rows that are no fund source (财政专户核拨收入) are left out with a warning (seed README, 004).
import type { BudgetLine, Warning } from "../../contracts/model.js";
import { emptyBudgetLine } from "../common/budget.js";
import { parseAmount } from "../common/values.js";
import { fundSourceOf } from "../common/vocabulary.js";

const AMOUNT = String.raw`(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元)`;
/** A fund-source word before 预算收入 makes it one item of the split, not the total ("一般公共预算收入"). */
const NOT_TOTAL = String.raw`(?<!一般公共|基金|资本经营|其他来源|专户核拨)`;
/** The budget total, preferring what the report calls its budget income. */
const BUDGET_TOTALS = [
  new RegExp(String.raw`((?:\d{4}\s*年度?)?\s*(?:部门)?${NOT_TOTAL}预算收入)\s*(?:为|共计|合计|总计)?\s*` + AMOUNT),
  new RegExp(
    String.raw`((?:\d{4}\s*年度?)?\s*(?:部门)?(?:年初)?${NOT_TOTAL}预算(?:数|总额|支出))\s*(?:为|共计|合计|总计)?\s*` +
      AMOUNT,
  ),
];
const EXECUTED_TOTAL = new RegExp(
  String.raw`((?:\d{4}\s*年度?)?\s*(?:部门)?(?:决算支出|实际支出|支出决算数?))\s*(?:总额|金额)?\s*(?:为|共计|合计|总计)?\s*` +
    AMOUNT,
);
const SPLIT_ITEM = new RegExp(String.raw`^(.+?)\s*` + AMOUNT + "$");

function line(fundSource: BudgetLine["fundSource"], fundSourceRaw: string, unitRaw: string): BudgetLine {
  return emptyBudgetLine(fundSource, fundSourceRaw, unitRaw);
}

const compact = (text: string) => text.replace(/\s+/g, "");

/** Given the text after a total, return the "其中：A x万元，B y万元" items of its sentence. */
function splitItems(rest: string): { label: string; amount: string; unit: string }[] {
  const sentence = rest.split(/[。；;]/)[0] ?? "";
  const at = sentence.search(/其中[:：]?/);
  if (at < 0) return [];
  return (
    sentence
      .slice(at)
      .replace(/^其中[:：]?/, "")
      // A half-width comma followed by three digits groups thousands ("1,200.5万元"); others separate items.
      .split(/[，、]|,(?!\d{3}(?:\D|$))/)
      .flatMap((part) => {
        const m = SPLIT_ITEM.exec(part.trim());
        return m ? [{ label: compact(m[1]!), amount: m[2]!, unit: m[3]! }] : [];
      })
  );
}

/** Given the paragraphs of a report, return the budget lines its prose states: the total first. */
export function proseToBudget(paragraphs: string[], warnings: Warning[]): BudgetLine[] {
  const text = paragraphs.join("\n");
  const budget = BUDGET_TOTALS.map((p) => p.exec(text)).find((m) => m !== null);
  const executed = EXECUTED_TOTAL.exec(text);
  if (!budget && !executed) return [];
  const labels = [budget?.[1], executed?.[1]].filter((l): l is string => !!l).map(compact);
  const total = line("total", labels.join(" / "), budget?.[3] ?? executed?.[3] ?? "万元");
  if (budget) total.initial = parseAmount(budget[2]!, budget[3]!);
  if (executed) total.executed = parseAmount(executed[2]!, executed[3]!);
  const lines = [total];
  const rest = budget ? text.slice(budget.index + budget[0].length) : "";
  for (const item of splitItems(rest)) {
    const source = fundSourceOf(item.label);
    if (source === null || source === "total") {
      warnings.push({
        code: "not-represented",
        message: `budget item "${item.label} ${item.amount}${item.unit}" is no fund source: not recorded`,
        page: null,
      });
      continue;
    }
    const split = line(source, item.label, item.unit);
    split.initial = parseAmount(item.amount, item.unit);
    lines.push(split);
  }
  if (/决算收入/.test(text)) {
    warnings.push({
      code: "not-represented",
      message: "决算收入 (income, with carry-overs) is not a budget figure: not recorded",
      page: null,
    });
  }
  return lines;
}
