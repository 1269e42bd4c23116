// Reading the scoring listing of a narrative self-evaluation report: numbered headings carrying
// their weights ("1、投入指标（20分）", "（1）绩效目标指标管理（10分）", "(1) 收入预算完成率（2 分）")
// over paragraphs stating each item's score ("…，自评得分 2 分。"). Seed 004 (b), section 三(二).
// The depth of a heading is given by its numbering style, as a reader sees it: a style already open
// closes everything below it; a new style opens a level below the current one. An item is a
// heading with a paragraph under it and no headings below it, or a "名称：…" paragraph under a
// heading (投入 items: "绩效目标科学性：…，自评得分7分。").
import { cleanText } from "./text.js";
import { parseWeightedLabel } from "./vocabulary.js";

export interface TextLine {
  text: string;
  page: number | null;
  heading: boolean;
}

export interface ListingItem {
  level1Raw: string | null;
  level2Raw: string | null;
  name: string;
  weight: number | null;
  score: number | null;
  summary: string | null;
  page: number | null;
}

/** Numbering styles of Chinese reports, each a depth marker: 一、 （一） 1、 1. （1） ①. */
const NUMBERINGS: [string, RegExp][] = [
  ["cn", /^[一二三四五六七八九十]+[、.．]\s*/],
  ["(cn)", /^[(（][一二三四五六七八九十]+[)）]\s*/],
  ["n、", /^\d+\s*、\s*/],
  ["n.", /^\d+\s*[.．](?!\d)\s*/],
  ["(n)", /^[(（]\d+[)）]\s*/],
  ["circled", /^[①-⑳]\s*/],
];

/** A weight closing a heading: "（20分）", "(10 分)", "(2分)". */
const CLOSING_WEIGHT = /[(（]\s*\d+(?:\.\d+)?\s*分?\s*[)）]\s*$/;
/** The score a paragraph states: "自评得分 2 分", "得分7分". */
const STATED_SCORE = /得分\s*[:：为]?\s*(\d+(?:\.\d+)?)\s*分/g;
/** "名称：正文": an item named before a colon; the name is short and has no punctuation. */
const NAMED_PARAGRAPH = /^([^：:，,。；;、]{2,24})[：:]\s*(.+)$/s;

/** Given a line, return its numbering style and the text after the numbering, or null when unnumbered. */
export function numberingOf(text: string): { style: string; rest: string } | null {
  for (const [style, pattern] of NUMBERINGS) {
    const m = pattern.exec(text);
    if (m) return { style, rest: text.slice(m[0].length).trim() };
  }
  return null;
}

/** Given a text block, return it without markdown emphasis and surrounding whitespace. */
export function plainLine(text: string): string {
  return text.replace(/\*\*|__/g, "").trim();
}

/** Given a text, return the last score it states, or null. */
export function statedScore(text: string): number | null {
  const all = [...text.matchAll(STATED_SCORE)];
  const last = all[all.length - 1];
  return last ? Number(last[1]) : null;
}

/** Given a line, return it as a weighted heading (numbered, short, closing on its weight), or null. */
function weightedHeading(line: TextLine): { style: string; label: string } | null {
  const numbered = numberingOf(line.text);
  if (!numbered || numbered.rest.length > 40 || !CLOSING_WEIGHT.test(numbered.rest)) return null;
  return { style: numbered.style, label: numbered.rest };
}

/** Numbering markers that open a heading, as one alternation (the styles of NUMBERINGS). */
const MARKER = String.raw`(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+\s*[、.．](?!\d)|[①-⑳])`;
/** A heading run onto the end of the paragraph above it: "…自评得分3分。(2)预算编制(10分)". */
const TRAILING_HEADING = new RegExp(String.raw`^(.*[。！？!?])\s*(${MARKER}[^。！？!?]{1,40})$`, "s");
/** A weighted heading with its paragraph run onto it: "(1)数量指标（10分）特困供养人员…". */
const LEADING_HEADING = new RegExp(
  String.raw`^(${MARKER}\s*[^。，,；;！？]{1,30}?[(（]\s*\d+(?:\.\d+)?\s*分?\s*[)）])\s*(\S.*)$`,
  "s",
);

/**
 * Given lines, return them with headings that text extraction ran onto a neighbouring paragraph
 * split off again (a PDF's short heading line merged with the paragraph above or below it).
 */
export function splitRunOnHeadings(lines: TextLine[]): TextLine[] {
  return lines.flatMap((line) => {
    if (line.heading) return [line];
    const trailing = TRAILING_HEADING.exec(line.text);
    if (trailing)
      return [{ ...line, text: trailing[1]!.trim() }, ...splitRunOnHeadings([{ ...line, text: trailing[2]!.trim() }])];
    const leading = LEADING_HEADING.exec(line.text);
    if (leading)
      return [
        { ...line, text: leading[1]!.trim() },
        { ...line, text: leading[2]!.trim() },
      ];
    return [line];
  });
}

/** A page number standing alone between the pages' text: "5", "- 5 -", "第 5 页", "第5页 共12页". */
const PAGE_NUMBER = /^[-—–\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:[\s/共]*\d+\s*页?)?[-—–\s]*$/;
/** A weight opening a line: the end of a heading the page break cut before it ("（40 分）"). */
const OPENING_WEIGHT = /^[(（]\s*\d+(?:\.\d+)?\s*分?\s*[)）]/;

/**
 * Given lines, return them with page numbers dropped and each numbered heading that a page break
 * cut before its weight ("3、产出指标" | "（40分）…") made whole again: else the listing would end at
 * the cut heading, or give its items' scores to the item above.
 */
export function joinCutHeadings(lines: readonly TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  for (const line of lines) {
    if (PAGE_NUMBER.test(line.text)) continue;
    const last = out[out.length - 1];
    const weight = OPENING_WEIGHT.exec(line.text);
    const cut =
      last && weight && numberingOf(last.text) !== null && last.text.length <= 40 && !CLOSING_WEIGHT.test(last.text);
    if (!cut) {
      out.push({ ...line });
      continue;
    }
    last.text = `${last.text}${weight[0]}`;
    const rest = line.text.slice(weight[0].length).trim();
    if (rest) out.push({ ...line, heading: false, text: rest });
  }
  return out;
}

/** Given lines, return them with run-on headings split off and paragraphs that a page break cut in two joined again. */
export function joinBrokenParagraphs(lines: TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  for (const line of splitRunOnHeadings(joinCutHeadings(lines))) {
    const last = out[out.length - 1];
    const isBody = !line.heading && numberingOf(line.text) === null;
    if (last && isBody && !last.heading && numberingOf(last.text) === null && !/[。！？!?：:]$/.test(last.text)) {
      last.text = cleanText(`${last.text}\n${line.text}`);
    } else out.push({ ...line });
  }
  return out;
}

interface Node {
  label: string;
  weight: number | null;
  parent: Node | null;
  children: number;
  bodies: TextLine[];
}

function chainOf(node: Node): Node[] {
  const chain: Node[] = [];
  for (let n: Node | null = node; n; n = n.parent) chain.unshift(n);
  return chain;
}

function nodeToItems(node: Node): ListingItem[] {
  const chain = chainOf(node);
  const level1Raw = chain[0]!.label;
  const named = node.bodies
    .map((b) => ({ b, m: NAMED_PARAGRAPH.exec(b.text) }))
    .filter((x) => x.m && statedScore(x.b.text) !== null);
  if (named.length) {
    return named.map(({ b, m }) => ({
      level1Raw,
      level2Raw: chain[1]?.label ?? null,
      name: m![1]!.trim(),
      weight: null,
      score: statedScore(m![2]!),
      summary: cleanText(m![2]!),
      page: b.page,
    }));
  }
  if (node.children > 0 || node.bodies.length === 0) return [];
  const summary = cleanText(node.bodies.map((b) => b.text).join("\n"));
  return [
    {
      level1Raw,
      level2Raw: chain[1]?.label ?? null,
      name: parseWeightedLabel(node.label).label,
      weight: node.weight,
      score: statedScore(summary),
      summary,
      page: node.bodies[0]!.page,
    },
  ];
}

/**
 * Given the lines of a report, return the items of its scoring listing: from the first weighted
 * heading that names a level 1 (投入/过程/产出/效果…) to the first numbered heading without a weight
 * (the next section, "四、评价结论和评价等级").
 */
export function linesToListing(lines: TextLine[], isLevel1: (label: string) => boolean): ListingItem[] {
  const nodes: Node[] = [];
  const stack: { style: string; node: Node }[] = [];
  for (const line of joinBrokenParagraphs(lines)) {
    const heading = weightedHeading(line);
    if (!heading) {
      if (stack.length === 0) continue;
      const closes = line.heading || (numberingOf(line.text) !== null && line.text.length <= 40);
      if (closes && statedScore(line.text) === null) break;
      stack[stack.length - 1]!.node.bodies.push(line);
      continue;
    }
    if (stack.length === 0 && !isLevel1(heading.label)) continue;
    const open = stack.findIndex((s) => s.style === heading.style);
    if (open >= 0) stack.length = open;
    const parent = stack[stack.length - 1]?.node ?? null;
    const node: Node = {
      label: heading.label,
      weight: parseWeightedLabel(heading.label).weight,
      parent,
      children: 0,
      bodies: [],
    };
    if (parent) parent.children++;
    nodes.push(node);
    stack.push({ style: heading.style, node });
  }
  return nodes.flatMap(nodeToItems);
}
