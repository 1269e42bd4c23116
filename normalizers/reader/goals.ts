// The goals block of a form, read by the form reader (index.ts): rows under 预期目标 /
// 实际完成情况 headers, or the goals written into one cell beside their label (总体绩效目标 |
// "目标1：… 目标2：…"), numbered goals becoming one Goal each.
import type { Goal, Report } from "../../contracts/model.js";
import { GOAL_HEADERS, fieldOfHeader, type GoalField } from "../common/headers.js";
import { cellOf, filled, type ColumnMap, type Row } from "../common/rows.js";
import { cleanText, filledTextOrNull, labelKey } from "../common/text.js";
import { parseNumber } from "../common/values.js";

/** A goal row under its header: the goal and what was achieved. */
export function readGoalRow(report: Report, map: ColumnMap<GoalField>, row: Row): void {
  const text = filledTextOrNull(cellOf(row, map, "text"));
  if (!text) return;
  const seq = parseNumber(cellOf(row, map, "seq"));
  report.goals.push({
    seq: seq !== null && Number.isInteger(seq) ? seq : null,
    text,
    actual: filledTextOrNull(cellOf(row, map, "actual")),
    deviation: filledTextOrNull(cellOf(row, map, "deviation")),
  });
}

/** Labels printed beside the goals they head, in one row. */
const GOAL_LABEL =
  /^(年度)?(总体|整体)?绩效目标$|^年度(总体)?目标$|^(部门)?整体绩效目标$|^总体目标$|^年度主要(绩效)?目标$/;
/** "目标1：", "目标一：", "1.", "（1）": where a numbered goal starts inside the cell. */
const NUMBERED =
  /(?<=^|\s|[。；;])(?:目标\s*([0-9一二三四五六七八九十]+)\s*[:：、.．]|([0-9]+)\s*[、.．](?!\d)|[(（]([0-9]+)[)）])/g;
const CHINESE_DIGITS = "一二三四五六七八九十";

/** Given the number of a goal as printed ("3", "三"), return it. */
function goalNumber(text: string): number {
  const at = CHINESE_DIGITS.indexOf(text);
  return at >= 0 && text.length === 1 ? at + 1 : Number(text);
}

/** Given a cell holding goals, return them: one per number printed, else the whole cell as one goal. */
export function cellToGoals(raw: string): Goal[] {
  const text = cleanText(raw);
  const marks = [...text.matchAll(NUMBERED)];
  if (marks.length < 2) return [{ seq: null, text, actual: null, deviation: null }];
  return marks
    .map((m, i) => {
      const start = m.index! + m[0].length;
      const end = marks[i + 1]?.index ?? text.length;
      return {
        seq: goalNumber(m[1] ?? m[2] ?? m[3] ?? ""),
        text: text.slice(start, end).trim(),
        actual: null,
        deviation: null,
      };
    })
    .filter((g) => g.text !== "");
}

/**
 * Given a row, read the goals written beside their label (总体绩效目标 | "目标1：…") into the report
 * and return true; false when the row is no such row (a header row naming its columns is not).
 */
export function readInlineGoals(report: Report, row: Row): boolean {
  const cells = filled(row);
  if (cells.length !== 2 || !GOAL_LABEL.test(labelKey(cells[0]!))) return false;
  if (fieldOfHeader(labelKey(cells[1]!), GOAL_HEADERS) !== null || cells[1]!.length < 8) return false;
  const at = row.cells.indexOf(cells[1]!);
  report.goals.push(...cellToGoals(row.raw[at] ?? cells[1]!));
  return true;
}

/** "年度目标1：健全基本养老服务体系", "绩效目标二": a goal heading the indicators printed under it. */
const GOAL_HEADING = /^(?:年度目标|绩效目标|目标)\s*([0-9]+|[一二三四五六七八九十])\s*[:：、.．]?\s*(.*)$/s;

/** Given a cell, return the goal it heads, its number and text ("" when none follows), else null. */
export function goalOfHeading(cell: string): { seq: number; text: string } | null {
  const m = GOAL_HEADING.exec(cleanText(cell));
  return m ? { seq: goalNumber(m[1]!), text: m[2]!.trim() } : null;
}

/**
 * Given a row, read the goal it heads when its only text is a numbered goal with its text
 * ("年度目标1：健全基本养老服务体系": the indicators printed under it are that goal's) and return its
 * number; null when the row is no such row.
 */
export function readGoalHeading(report: Report, row: Row): number | null {
  const cells = filled(row);
  const goal = cells.length === 1 ? goalOfHeading(cells[0]!) : null;
  if (!goal || goal.text === "") return null;
  if (!report.goals.some((g) => g.seq === goal.seq))
    report.goals.push({ seq: goal.seq, text: goal.text, actual: null, deviation: null });
  return goal.seq;
}
