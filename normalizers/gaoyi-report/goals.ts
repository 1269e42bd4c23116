// Goals stated in the prose of a narrative report (seed 004 (b)): the overall goal under a heading
// such as "1. 部门整体支出绩效目标", whose achievement is told under "（一）总体绩效目标实现情况", and
// one goal per numbered heading of the 分项 part, each stated in a "绩效目标：…" paragraph.
import type { Goal } from "../../contracts/model.js";
import { joinBrokenParagraphs, numberingOf, type TextLine } from "../common/scoring-listing.js";

const OVERALL_GOAL = /(?:部门整体支出|部门整体|整体支出|总体|整体)(?:年度)?绩效目标$/;
const OVERALL_ACTUAL = /(?:总体|整体)(?:绩效)?目标(?:的)?(?:实现|完成)情况$/;
const ITEM_GOAL = /^(?:年度)?绩效目标\s*[:：]\s*(.+)$/s;

/** Given a line, return whether it opens a new part: a heading, or a short numbered line. */
function opensPart(line: TextLine): boolean {
  return line.heading || (numberingOf(line.text) !== null && line.text.length <= 40);
}

/** Given lines and a pattern for a heading, return the text of the paragraphs under the first such heading that has some. */
function textUnder(lines: TextLine[], heading: RegExp): string | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!opensPart(line) || !heading.test(numberingOf(line.text)?.rest ?? line.text)) continue;
    const body: string[] = [];
    for (let j = i + 1; j < lines.length && !opensPart(lines[j]!); j++) body.push(lines[j]!.text);
    if (body.length) return body.join("");
  }
  return null;
}

/** Given the number a heading opens with ("3、", "(2)"), return it. */
function headingNumber(text: string): number | null {
  const m = /^[(（]?\s*(\d+)/.exec(text);
  return m && numberingOf(text) ? Number(m[1]) : null;
}

/** Given a report's lines, return its goals: the overall goal first, then one per "绩效目标：" paragraph. */
export function linesToGoals(raw: TextLine[]): Goal[] {
  const lines = joinBrokenParagraphs(raw);
  const goals: Goal[] = [];
  const overall = textUnder(lines, OVERALL_GOAL);
  if (overall) goals.push({ seq: null, text: overall, actual: textUnder(lines, OVERALL_ACTUAL), deviation: null });
  let seq: number | null = null;
  for (const line of lines) {
    if (opensPart(line)) seq = headingNumber(line.text) ?? seq;
    const m = ITEM_GOAL.exec(line.text);
    if (m && !opensPart(line)) goals.push({ seq, text: m[1]!.trim(), actual: null, deviation: null });
  }
  return goals;
}
