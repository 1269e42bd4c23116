// One row of a project-wide table (seed 002) read into a Project and its indicators: by the header's
// columns when the row lines up with them, or else cell by cell in the form's order (序号, 部门名称,
// 项目名称, amounts, 执行率, 年初绩效目标, 完成情况, pairs, 问题, 整改), as the seed's dump requires:
// its rows are shifted by one to three columns and its header is garbled (seeds/README.md, 002).
import type { Indicator, Project, Warning } from "../../contracts/model.js";
import type { ProjectField } from "../common/headers.js";
import type { PairColumns, WideHeader } from "./header.js";
import {
  cellsToItems,
  cellsToPair,
  FORM_SLOTS,
  formSlot,
  isNone,
  itemsToSlots,
  type PairItem,
  type PairSlot,
} from "./pairs.js";
import type { Row } from "../common/rows.js";
import { textOrNull } from "../common/text.js";
import { parseAmount, parseNumber, parseRate } from "../common/values.js";
import { canonicalLevel1, canonicalLevel2, isLevel1Label, isLevel2Label } from "../common/vocabulary.js";

/** A project row as read, with the figures the consistency checks need. */
export interface ProjectRead {
  project: Project;
  indicators: Indicator[];
  budgetParts: number[];
  executedParts: number[];
  rateText: string;
  warnings: Warning[];
}

const isFigure = (text: string) => parseNumber(text) !== null;
const isPercent = (text: string) => /[%％]$/.test(text.trim()) && parseRate(text) !== null;

function seqOf(text: string): number | null {
  const n = parseNumber(text);
  return n !== null && Number.isInteger(n) ? n : null;
}

function noneOrText(text: string | undefined): string | null {
  return text && !isNone(text) ? textOrNull(text) : null;
}

function emptyProject(name: string): Project {
  return {
    seq: null,
    name,
    category: null,
    budget: null,
    executed: null,
    balance: null,
    rateReported: null,
    score: null,
    goal: null,
    achievement: null,
    problems: null,
    remedy: null,
  };
}

function pairToIndicator(
  project: string,
  slot: Omit<PairColumns, "content" | "summary">,
  item: PairItem,
  page: number | null,
): Indicator | null {
  if (item.content === null) return null;
  return {
    project,
    goalSeq: null,
    level1: slot.level1,
    level2: slot.level2,
    level1Raw: slot.level1Raw,
    level2Raw: slot.level2Raw,
    name: item.content,
    description: null,
    criterion: null,
    target: null,
    actual: null,
    weight: null,
    score: null,
    summary: item.summary,
    deviation: null,
    page,
  };
}

/**
 * Given a row and a header, return whether its cells sit under their headers: a name under 项目名称,
 * a figure (or nothing) under the budget, and the row's first percentage under 执行率.
 */
export function rowFitsHeader(row: Row, header: WideHeader): boolean {
  const at = (col: number | undefined) => (col === undefined ? "" : (row.cells[col] ?? ""));
  const name = at(header.columns.get("name"));
  const budget = at(header.budget?.total);
  const rateCol = header.columns.get("rate");
  const firstPercent = row.cells.findIndex(isPercent);
  const rate = at(rateCol);
  const rateFits =
    rateCol === undefined ||
    (firstPercent >= 0 ? firstPercent === rateCol : rate === "" || (header.ratePercent && isFigure(rate)));
  return name !== "" && !isFigure(name) && (budget === "" || isFigure(budget)) && rateFits;
}

/** Given a data row that fits its header, return the project read column by column. */
export function rowToProjectByColumns(row: Row, header: WideHeader, unitRaw: string): ProjectRead {
  const at = (field: ProjectField) => {
    const col = header.columns.get(field);
    return col === undefined ? "" : (row.cells[col] ?? "");
  };
  const amount = (col: number) => parseAmount(row.cells[col] ?? "", unitRaw);
  const figures = (cols: number[]) => cols.map(amount).filter((n): n is number => n !== null);
  const project: Project = {
    ...emptyProject(at("name")),
    seq: seqOf(at("seq")),
    category: textOrNull(at("category")),
    budget: header.budget ? amount(header.budget.total) : null,
    executed: header.executed ? amount(header.executed.total) : null,
    rateReported: parseRate(at("rate"), { percentColumn: header.ratePercent }),
    goal: textOrNull(at("goal")),
    achievement: textOrNull(at("achievement")),
    problems: noneOrText(at("problems")),
    remedy: noneOrText(at("remedy")),
  };
  const indicators = header.pairs.flatMap((pair) => {
    const item = cellsToPair(
      row.cells[pair.content] ?? "",
      pair.summary === null ? "" : (row.cells[pair.summary] ?? ""),
    );
    const indicator = item && pairToIndicator(project.name, pair, item, row.page);
    return indicator ? [indicator] : [];
  });
  return {
    project,
    indicators,
    rateText: at("rate"),
    warnings: [],
    budgetParts: figures(header.budget?.parts ?? []),
    executedParts: figures(header.executed?.parts ?? []),
  };
}

/** Given a header, return the slots pairs are laid onto: the header's own when it names every pair, else the form's. */
function slotsOf(header: WideHeader): PairSlot[] {
  if (header.pairs.length > 0 && header.pairs.every((p) => p.level2 !== null)) {
    return header.pairs.map((p) => ({ ...p, optional: p.level2 === "可持续影响指标" }));
  }
  const printed = (test: (text: string) => boolean, canonical: (text: string) => string | null, want: string | null) =>
    header.labels.find((l) => test(l.text) && canonical(l.text) === want)?.text ?? null;
  return FORM_SLOTS.map((level2) => {
    const level1 = canonicalLevel1(null, level2);
    return formSlot(level2, {
      level1Raw: printed(isLevel1Label, (t) => canonicalLevel1(t), level1),
      level2Raw: printed((t) => isLevel2Label(t) && !isLevel1Label(t), canonicalLevel2, level2),
    });
  });
}

/**
 * Given a row's amount figures in order, return the budget and executed groups. The two groups
 * print as many parts each (合计 + 其中), so the 实际支出 group opens at the middle figure.
 */
function figuresToGroups(
  figures: string[],
  unitRaw: string,
): { budget: number[]; executed: number[]; ambiguous: boolean } {
  const values = figures.map((f) => parseAmount(f, unitRaw)!);
  if (values.length === 1) return { budget: values, executed: [], ambiguous: false };
  const half = values.length / 2;
  if (!Number.isInteger(half)) return { budget: values.slice(0, 1), executed: [], ambiguous: true };
  return { budget: values.slice(0, half), executed: values.slice(half), ambiguous: false };
}

/** Given a data row that does not fit its header, return the project read from its cells in order. */
export function rowToProjectBySequence(row: Row, header: WideHeader, unitRaw: string): ProjectRead {
  const cells = row.cells.filter((c) => c !== "");
  const warnings: Warning[] = [];
  let i = 0;
  const seq = cells.length > 1 && !isFigure(cells[1]!) ? seqOf(cells[0]!) : null;
  if (seq !== null) i++;
  const texts: string[] = [];
  while (i < cells.length && !isFigure(cells[i]!) && !isPercent(cells[i]!)) texts.push(cells[i++]!);
  const figures: string[] = [];
  while (i < cells.length && isFigure(cells[i]!)) figures.push(cells[i++]!);
  const rateText = i < cells.length && isPercent(cells[i]!) ? cells[i++]! : "";
  const [goal, achievement] = [cells[i++], cells[i++]];
  const name = texts.at(-1) ?? "";
  const groups = figuresToGroups(figures, unitRaw);
  if (groups.ambiguous)
    warnings.push({
      code: "ambiguous-layout",
      message: `${name}: ${figures.length} amounts cannot be split into budget and spending; only the budget is read`,
      page: row.page,
    });
  const project: Project = {
    ...emptyProject(name),
    seq,
    category: texts.length > 1 ? textOrNull(texts[0]) : null,
    budget: groups.budget[0] ?? null,
    executed: groups.executed[0] ?? null,
    rateReported: parseRate(rateText),
    goal: textOrNull(goal),
    achievement: textOrNull(achievement),
  };
  const { items, closing } = cellsToItems(cells.slice(i));
  const { placed, unplaced } = itemsToSlots(items, slotsOf(header));
  const tail = [...unplaced.map((item) => item.content ?? ""), ...closing];
  if (unplaced.length > 0)
    warnings.push({
      code: "row-unplaced",
      message: `${name}: ${unplaced.length} cells beyond the form's indicator columns read as 问题/整改`,
      page: row.page,
    });
  [project.problems, project.remedy] = [noneOrText(tail[0]), noneOrText(tail[1])];
  const indicators = placed.flatMap(([slot, item]) => {
    const indicator = pairToIndicator(name, slot, item, row.page);
    return indicator ? [indicator] : [];
  });
  return {
    project,
    indicators,
    rateText,
    warnings,
    budgetParts: groups.budget.slice(1),
    executedParts: groups.executed.slice(1),
  };
}
