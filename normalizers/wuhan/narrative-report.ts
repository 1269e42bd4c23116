// Pieces of narrative reports with attached tables (seed 003, 武汉市蔡甸区民政局 2022年度整体绩效自评结果):
// the department named by the report's heading, and one budget total
// printed twice (a 收入决算明细表 in 元 and the attached 自评表 in 万元) joined into one line.
import type { BudgetLine, Warning } from "../../contracts/model.js";

/** Endings of the names of government units (局, 委员会, 办公室, 中心 …). */
const UNIT_NAME_END = /(?:局|委员会|委|办公室|办|厅|院|署|中心|政府|部|会|所|站|馆|队|处|司)$/;

/** Given a text, return whether it is only the name of a unit: short, no figures, no punctuation. */
export function isUnitName(text: string): boolean {
  return (
    text.length >= 3 &&
    text.length <= 30 &&
    !/\d/.test(text) &&
    !/[，,。；;：:、（）()\s]/.test(text) &&
    UNIT_NAME_END.test(text)
  );
}

/** Given "编制单位：武汉市蔡甸区民政局(本级）", return the unit named without its aside ("武汉市蔡甸区民政局"). */
export function unitAfterLabel(text: string, label: RegExp): string | null {
  const m = new RegExp(`(?:${label.source})\\s*[:：]\\s*([^\\s:：]+)`).exec(text);
  if (!m) return null;
  const name = m[1]!.replace(/[（(][^）)]*[）)]?$/, "");
  return name || null;
}

/**
 * Given the report's text blocks in order, the 编制单位 and the 单位名称 printed in its tables,
 * return the department: the heading that names a unit (seed 003 prints 武汉市蔡甸区民政局 above the
 * title), else a title opening with one ("…民政局2022年度…"), else 编制单位, else 单位名称 (which seed
 * 003 prints in its short form 蔡甸区民政局).
 */
export function departmentOf(texts: string[], issuer: string | null, shortName: string | null): string | null {
  const heading = texts.slice(0, 3).find(isUnitName);
  if (heading) return heading;
  for (const text of texts.slice(0, 3)) {
    const m = /^(.{3,30}?)\s*(?:19|20)\d{2}\s*年/.exec(text);
    if (m && isUnitName(m[1]!)) return m[1]!;
  }
  return issuer ?? shortName;
}

/** Places of a money unit relative to 元: the finer the unit, the more exact its figures. */
const UNIT_RANK: Record<string, number> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };

/** Two amounts agree when they differ by less than the cent of 万元 the coarser table prints. */
function agree(a: number | null, b: number | null): boolean {
  return a === null || b === null || Math.abs(a - b) < 0.005 + 1e-9;
}

/**
 * Given budget lines read in order, return them with duplicate totals joined: where two total lines
 * agree on the adjusted and executed amounts, the one printed in the finer unit is kept and takes
 * from the other what it lacks (seed 003: the 明细表's 总计 in 元 takes the 自评表's 执行率 100%).
 * Totals that disagree are both kept, with a warning.
 */
export function mergeTotals(lines: BudgetLine[]): { lines: BudgetLine[]; warnings: Warning[] } {
  const totals = lines.filter((l) => l.fundSource === "total");
  const others = lines.filter((l) => l.fundSource !== "total");
  if (totals.length < 2) return { lines: [...totals, ...others], warnings: [] };
  const [a, b] = totals as [BudgetLine, BudgetLine];
  if (!agree(a.adjusted, b.adjusted) || !agree(a.executed, b.executed)) {
    const message = `two totals disagree: ${a.fundSourceRaw} ${a.adjusted} / ${a.executed} and ${b.fundSourceRaw} ${b.adjusted} / ${b.executed}`;
    return { lines: [...totals, ...others], warnings: [{ code: "source-inconsistent", message, page: null }] };
  }
  const rank = (l: BudgetLine) => UNIT_RANK[l.unitRaw ?? "万元"] ?? 4;
  const [keep, give] = rank(b) < rank(a) ? [b, a] : [a, b];
  const merged: BudgetLine = { ...keep };
  for (const key of Object.keys(merged) as (keyof BudgetLine)[]) {
    if (merged[key] === null) Object.assign(merged, { [key]: give[key] });
  }
  const message = `the total ${keep.fundSourceRaw} (${keep.unitRaw ?? "万元"}) and ${give.fundSourceRaw} (${give.unitRaw ?? "万元"}) are one line; ${give.fundSourceRaw} supplies what ${keep.fundSourceRaw} lacks`;
  return { lines: [merged, ...totals.slice(2), ...others], warnings: [{ code: "budget-merged", message, page: null }] };
}
