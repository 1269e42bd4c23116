// Indicator pairs of the project-wide tables (seed 002): each indicator is a 年度指标内容 cell (what is
// measured, its bound written into the text) and a 完成情况 cell (a short status such as 已完成).
// Where an extractor lost the columns, a row's cells are read in order and the pairs laid onto the
// form's slots; where the form printed both parts in one cell, the cell is split.
import { canonicalLevel1 } from "../common/vocabulary.js";

/** Cells that fill a pair slot with nothing (seed 002: the merged "不适用" over 生态效益). */
const NOT_APPLICABLE = /^(?:不适用|不涉及|无此项|不适宜)[。.]?$/;
/** Cells that close a row (项目执行中存在的问题 "无"), never a slot: they read "none". */
const NONE = /^(?:无|暂无|没有|[-—–/／]+)[。.]?$/;

/**
 * A 完成情况 status: short, no figures and no clause breaks, ending in a word of completion. Seed
 * 002 prints 已完成, its typo 已先成, 及时完成, 有效发挥作用; other forms print 已达成, 已到位, 已实现.
 */
const COMPLETION_END = /(?:完成|先成|达成|达到|发挥作用|到位|实现|达标|合格)$/;
const COMPLETION_MAX_CHARS = 8;

export function isNotApplicable(text: string): boolean {
  return NOT_APPLICABLE.test(text.trim());
}

export function isNone(text: string): boolean {
  return NONE.test(text.trim());
}

/** Given a cell, return whether it reads as a 完成情况 status rather than an indicator's content. */
export function isCompletion(text: string): boolean {
  const t = text.trim().replace(/[。.!！]+$/, "");
  return (
    t.length > 0 &&
    t.length <= COMPLETION_MAX_CHARS &&
    !/\d/.test(t) &&
    !/[，,；;：:、]/.test(t) &&
    COMPLETION_END.test(t)
  );
}

export interface PairItem {
  /** The 年度指标内容; null where the slot is printed 不适用. */
  content: string | null;
  summary: string | null;
}

/**
 * Given a content cell whose 完成情况 cell is empty, return it split at its last "；" when what
 * follows is a status: seed 002 project 7 prints "奖励及时率100%；及时完成" in one cell. A "；"
 * between two clauses of content ("…不少于400本；印制并发放…") is left alone.
 */
export function splitJoinedCell(text: string): PairItem {
  const at = Math.max(text.lastIndexOf("；"), text.lastIndexOf(";"));
  const tail = at > 0 ? text.slice(at + 1).trim() : "";
  if (tail && isCompletion(tail)) return { content: text.slice(0, at).trim(), summary: tail };
  return { content: text, summary: null };
}

/** Given a content cell and its 完成情况 cell (possibly empty), return the pair it prints. */
export function cellsToPair(content: string, summary: string): PairItem | null {
  if (!content) return null;
  if (isNotApplicable(content)) return { content: null, summary: null };
  if (summary && !isNotApplicable(summary)) return { content, summary };
  return splitJoinedCell(content);
}

/**
 * Given the cells after 绩效目标整体完成情况 in reading order (blanks dropped), return the pairs and
 * the closing cells (问题, 整改). A cell where a content is due is content, whatever it says (seed
 * 002 project 10's 时效 is the single cell "按时完成"); the next cell is its 完成情况 only if it
 * reads as a status. Trailing "无" cells close the row.
 */
export function cellsToItems(cells: string[]): { items: PairItem[]; closing: string[] } {
  let end = cells.length;
  while (end > 0 && cells.length - end < 2 && isNone(cells[end - 1]!)) end--;
  const items: PairItem[] = [];
  for (let i = 0; i < end; i++) {
    const cell = cells[i]!;
    const next = i + 1 < end ? cells[i + 1]! : "";
    if (isNotApplicable(cell)) items.push({ content: null, summary: null });
    else if (next && isCompletion(next)) {
      items.push({ content: cell, summary: next });
      i++;
    } else items.push(splitJoinedCell(cell));
  }
  return { items, closing: cells.slice(end) };
}

/** A slot of the form an indicator pair can fill: its levels as canonical and as printed. */
export interface PairSlot {
  level1: string | null;
  level2: string | null;
  level1Raw: string | null;
  level2Raw: string | null;
  /** The form prints the column, but most projects leave it empty. */
  optional: boolean;
}

/**
 * The pair columns of the standard project form, left to right. 可持续影响指标 is optional: seed 002
 * fills it for one project only (养老服务), and its other rows print seven pairs, not eight.
 */
export const FORM_SLOTS: readonly string[] = [
  "数量指标",
  "质量指标",
  "时效指标",
  "经济效益指标",
  "社会效益指标",
  "生态效益指标",
  "可持续影响指标",
  "服务对象满意度指标",
];

export function formSlot(level2: string, raw: { level1Raw: string | null; level2Raw: string | null }): PairSlot {
  return { level1: canonicalLevel1(null, level2), level2, ...raw, optional: level2 === "可持续影响指标" };
}

/**
 * Given pairs read in order and the form's slots, return each pair with its slot. Optional slots
 * give way while pairs are fewer than slots; then pairs fill the slots from the left and the last
 * pair takes the last slot (满意度 closes the form). Pairs beyond the slots are returned unplaced.
 */
export function itemsToSlots(
  items: PairItem[],
  slots: readonly PairSlot[],
): { placed: [PairSlot, PairItem][]; unplaced: PairItem[] } {
  const open = [...slots];
  for (let i = open.length - 1; i >= 0 && items.length < open.length; i--) if (open[i]!.optional) open.splice(i, 1);
  if (items.length > open.length)
    return {
      placed: items.slice(0, open.length).map((item, i) => [open[i]!, item]),
      unplaced: items.slice(open.length),
    };
  const last = open.length - 1;
  const placed = items.map((item, i): [PairSlot, PairItem] => [open[i === items.length - 1 ? last : i]!, item]);
  return { placed, unplaced: [] };
}
