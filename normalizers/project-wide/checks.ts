// Checks of a project table against itself, recorded as `source-inconsistent` warnings and never
// "fixed" (seeds/README.md, 002: 婚姻登记工作 61.8 against its part 64.00 and a rate of 98%; two
// projects printing identical figures whose parts do not add up; 区人才工作专项 printing 100% for
// 99.2%; 序号 6 absent). What the document printed stays in the model.
import type { Warning } from "../../contracts/model.js";
import type { ProjectRead } from "./rows.js";

/** Amounts are printed to the cent of 万元 at most: a difference below this is rounding. */
const AMOUNT_TOLERANCE = 0.005;

function inconsistent(message: string, page: number | null): Warning {
  return { code: "source-inconsistent", message, page };
}

/** Given a printed rate ("99%", "96.80%"), return its decimal places as a percentage. */
function percentDecimals(text: string): number {
  const m = /\.(\d+)\s*[%％]/.exec(text);
  return m ? m[1]!.length : 0;
}

/** Given a total and its printed parts (其中), return a warning when the parts do not add up to it. */
function partsWarning(
  name: string,
  what: string,
  total: number | null,
  parts: number[],
  page: number | null,
): Warning | null {
  if (total === null || parts.length === 0) return null;
  const sum = parts.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - total) <= AMOUNT_TOLERANCE) return null;
  return inconsistent(
    `${name}: ${what} ${total} but its parts add up to ${Number(sum.toFixed(6))} (${parts.join(" + ")})`,
    page,
  );
}

/** Given a project as read, return the warnings its figures call for (parts, rate against executed / budget). */
export function checkProject(read: ProjectRead, page: number | null): Warning[] {
  const { project: p } = read;
  const warnings = [
    partsWarning(p.name, "项目年度预算金额", p.budget, read.budgetParts, page),
    partsWarning(p.name, "实际支出金额", p.executed, read.executedParts, page),
  ].filter((w): w is Warning => w !== null);
  if (p.budget && p.executed !== null && p.rateReported !== null) {
    const decimals = percentDecimals(read.rateText);
    const computed = Number(((p.executed / p.budget) * 100).toFixed(decimals));
    const printed = Number((p.rateReported * 100).toFixed(decimals));
    if (computed !== printed) {
      warnings.push(
        inconsistent(
          `${p.name}: 实际支出 ${p.executed} / 预算 ${p.budget} = ${computed}% but 预算支出执行率 is printed ${read.rateText}`,
          page,
        ),
      );
    }
  }
  return warnings;
}

/**
 * Given the 序号 of every project row in order, return a warning naming gaps and rows without one.
 * The numbers are read from the document, so they bound nothing: gaps are listed only when there
 * are no more of them than rows (a 序号 column collapsed into one cell reads as 12345678910).
 */
export function checkSequence(rows: { seq: number | null; name: string }[]): Warning[] {
  const seqs = new Set(rows.flatMap((r) => (r.seq === null ? [] : [r.seq])));
  if (seqs.size === 0) return [];
  const highest = [...seqs].reduce((a, b) => Math.max(a, b), 0);
  const missingCount = highest - [...seqs].filter((n) => n >= 1 && n <= highest).length;
  const missing: number[] = [];
  if (missingCount <= rows.length) for (let n = 1; n <= highest; n++) if (!seqs.has(n)) missing.push(n);
  const runaway = missingCount > rows.length ? `序号 run to ${highest} over ${rows.length} row(s)` : "";
  const unnumbered = rows.filter((r) => r.seq === null).map((r) => r.name);
  if (missing.length === 0 && unnumbered.length === 0 && !runaway) return [];
  const parts = [
    runaway,
    missing.length ? `序号 ${missing.join(", ")} absent` : "",
    unnumbered.length ? `no 序号 on ${unnumbered.join(", ")}` : "",
  ].filter(Boolean);
  return [inconsistent(`project rows: ${parts.join("; ")}`, null)];
}
