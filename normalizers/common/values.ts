// Reading the figures printed in self-evaluation tables: indicator values (指标值 / 实际完成值)
// as `Value`s, and plain numbers, rates and amounts for budget lines, weights and scores.
// Conventions: docs/model.md ("The records": Value; "Reading conventions") and the seed README's
// "Conventions used in all five files". Every function here is pure and layout-agnostic.
import type { Value } from "../../contracts/model.js";
import { remembered } from "./text.js";

type Op = NonNullable<Value["op"]>;

/** Cells that mean "nothing printed here" (spec, Numbers): they are null, never 0. */
const NULL_MARKERS = new Set(["无", "暂无", "不适用", "不涉及", "无此项", "n/a", "na", "null", "空"]);
/** A cell made only of dashes or slashes: "-", "—", "——", "/", "／", "－". */
const DASHES_ONLY = /^[-‐‑‒–—―─━－/／\\]+$/;

/** Given a cell's text, return whether it is one of the printed ways of saying "no value". */
export const isNullMarker = remembered((text: string): boolean => {
  const t = text.replace(/\s+/g, "");
  return t === "" || DASHES_ONLY.test(t) || NULL_MARKERS.has(t.toLowerCase());
});

/**
 * Given printed text, return it with full-width ASCII (digits, ％, ＝, ＞, （, ．) made half-width
 * and the ideographic space made a space. The full-width comma "，" is left alone: in Chinese
 * prose it separates clauses, so reading it as a thousands separator would merge two numbers.
 */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000\u2212]/g, (ch) => {
    if (ch === "\u3000") return " ";
    if (ch === "\u2212") return "-"; // MINUS SIGN, as printed by some PDF producers
    if (ch === "\uFF0C") return ch;
    return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
  });
}

/** One number as printed, with thousands separators allowed only in groups of three. */
const NUMBER_SOURCE = String.raw`-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const WHOLE_NUMBER = new RegExp(`^${NUMBER_SOURCE}$`);

/** Given a number's decimal text (no separators), return it with the point moved by `shift` places, exactly. */
export function shiftDecimal(digits: string, shift: number): string {
  const negative = digits.startsWith("-");
  const [intPart = "0", fracPart = ""] = (negative ? digits.slice(1) : digits).split(".");
  let all = intPart + fracPart;
  let point = intPart.length + shift;
  if (point <= 0) {
    all = "0".repeat(1 - point) + all;
    point = 1;
  }
  if (point > all.length) all += "0".repeat(point - all.length);
  const frac = all.slice(point);
  return `${negative ? "-" : ""}${all.slice(0, point)}${frac ? `.${frac}` : ""}`;
}

/** Given decimal text, return its number; -0 becomes 0 so that "-0.00" compares equal to "0". */
function toNumber(digits: string): number {
  const n = Number(digits);
  return n === 0 ? 0 : n;
}

/** Given a cell's text, return its separators-free numeric text if the whole cell is one number. */
function wholeNumberText(text: string): string | null {
  const t = toHalfWidth(text).replace(/\s+/g, "");
  if (!WHOLE_NUMBER.test(t)) return null;
  return t.replace(/,/g, "");
}

/** Given a cell such as "110,540.00", "１２" or "1.0", return its number; null for markers and prose. */
export function parseNumber(text: string): number | null {
  if (isNullMarker(text)) return null;
  const digits = wholeNumberText(text);
  return digits === null ? null : toNumber(digits);
}

/**
 * Given a printed weight or score, return its points: a number, or one followed by 分 (points) or %
 * (a weight out of 100): "20分" and "20%" are 20. Null for markers and prose.
 */
export function parsePoints(text: string): number | null {
  return parseNumber(toHalfWidth(text).replace(/\s*(分|%)\s*$/, ""));
}

export interface RateOptions {
  /** The column is headed as a percentage (执行率(%)), so a bare "96.8" means 96.8%. */
  percentColumn?: boolean;
}

/**
 * Given a printed rate, return it as a fraction (spec, BudgetLine.rateReported): "96.8%" -> 0.968,
 * "100.00%" -> 1. A bare number is taken as already a fraction unless the caller says the column
 * is in percent. The point is moved on the text, not by dividing, so no float noise appears.
 */
export function parseRate(text: string, options: RateOptions = {}): number | null {
  if (isNullMarker(text)) return null;
  const t = toHalfWidth(text).replace(/\s+/g, "");
  const percent = t.endsWith("%");
  const digits = wholeNumberText(percent ? t.slice(0, -1) : t);
  if (digits === null) return null;
  return toNumber(percent || options.percentColumn ? shiftDecimal(digits, -2) : digits);
}

/** Decimal places from a printed money unit to 万元 (spec, Numbers: amounts are in 万元). */
const UNIT_SHIFT: Record<string, number> = { 元: -4, 千元: -1, 万元: 0, 万: 0, 百万元: 2, 亿元: 4, 亿: 4 };

/** Given a unit as printed ("单位：元", "(万元)", "万元"), return the shift to 万元, or null if unknown. */
function unitShift(unitRaw: string | null): number | null {
  if (unitRaw === null) return 0;
  const unit = toHalfWidth(unitRaw).replace(/\s+|单位|[:：()[\]【】]/g, "");
  if (unit === "") return 0;
  return UNIT_SHIFT[unit] ?? null;
}

/**
 * Given an amount and the unit its table is printed in, return it in 万元; null for null markers,
 * prose and unknown units. A unit printed in the cell itself ("23,367.00万元") wins over the
 * table's. Seed 003's 总计 233,669,964.12 元 is 23366.996412 万元 exactly: the point is moved on
 * the text, so no float noise such as 23366.996412000002 appears.
 */
export function parseAmount(text: string, unitRaw: string | null): number | null {
  if (isNullMarker(text)) return null;
  const t = toHalfWidth(text).replace(/\s+/g, "");
  const match = new RegExp(`^(${NUMBER_SOURCE})(.*)$`).exec(t);
  if (!match || match[1] === undefined) return null;
  const shift = unitShift(match[2] ? match[2] : unitRaw);
  if (shift === null) return null;
  return toNumber(shiftDecimal(match[1].replace(/,/g, ""), shift));
}

/**
 * Dates and deadlines carry no value (seed README): a four-digit year ("2022年12月之前"), a month
 * number ("12月底前", "6月底前已全部发放。"; a duration is written "3个自然月", with 个), or a day
 * before which something is due ("15日前").
 */
const DATE_PATTERNS = [/\d{4}\s*年/, /\d\s*月/, /\d\s*[日号]\s*(?:之|以)?前/, /\d{1,2}\s*[:：]\s*\d{2}/];

/** Comparators written before the number, longest first so "不低于" is not read as "低于". */
const PREFIX_OPS: ReadonlyArray<readonly [string, Op]> = (
  [
    ["≥", ">="],
    ["≧", ">="],
    ["⩾", ">="],
    [">=", ">="],
    ["=>", ">="],
    ["不低于", ">="],
    ["不少于", ">="],
    ["至少", ">="],
    ["最少", ">="],
    ["最低", ">="],
    ["大于等于", ">="],
    ["大于或等于", ">="],
    ["不小于", ">="],
    ["不得低于", ">="],
    ["不得少于", ">="],
    ["≤", "<="],
    ["≦", "<="],
    ["⩽", "<="],
    ["<=", "<="],
    ["=<", "<="],
    ["不超过", "<="],
    ["不高于", "<="],
    ["不多于", "<="],
    ["不大于", "<="],
    ["小于等于", "<="],
    ["小于或等于", "<="],
    ["至多", "<="],
    ["最多", "<="],
    ["最高", "<="],
    ["不得超过", "<="],
    ["不得高于", "<="],
    ["控制在", "<="],
    ["=", "="],
    ["等于", "="],
    ["达到", "="],
    ["达", "="],
    [">", ">"],
    ["大于", ">"],
    ["高于", ">"],
    ["超过", ">"],
    ["多于", ">"],
    ["<", "<"],
    ["小于", "<"],
    ["低于", "<"],
    ["少于", "<"],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

/** Symbols that, opening a cell, state the bound of the whole cell ("≥上年筹集量70%", seed 000). */
const LEADING_SYMBOL_OPS: ReadonlyArray<readonly [string, Op]> = PREFIX_OPS.filter(([w]) => /^[≥≧⩾≤≦⩽<>=]/.test(w));

/**
 * Comparators written after the quantity. By the statutory reading of 以上/以下/以内 (民法典
 * 第一千二百五十九条: they include the number itself), "90%以上" is ">=" and "5万元以内" is "<=".
 */
const SUFFIX_OPS: ReadonlyArray<readonly [RegExp, Op]> = [
  [/^(?:及|或)?以上/, ">="],
  [/^(?:及|或)?(?:以下|以内|之内)/, "<="],
];

/** Where a unit stops: punctuation, brackets or whitespace (the rest of the cell is prose). */
const UNIT_STOP = /[\s，,。；;：:、！!？?（）()【】[\]“”"]/;

/**
 * Given the text before the number, return the comparator written right before it. A word counts
 * only there: in "低于法定时限90%" (seed 000) what is "below" is the statutory limit, and 90% is the
 * cut, not a bound.
 */
function adjacentOp(before: string): Op | null {
  const compact = before.replace(/\s+/g, "");
  for (const [word, op] of PREFIX_OPS) if (compact.endsWith(word)) return op;
  return null;
}

/** Given the text before the number, return the bound symbol opening the cell ("≥上年筹集量70%"). */
function leadingSymbolOp(before: string): Op | null {
  const compact = before.replace(/\s+/g, "");
  for (const [symbol, op] of LEADING_SYMBOL_OPS) if (compact.startsWith(symbol)) return op;
  return null;
}

/** Given the text after the number, return the unit and a trailing comparator (以上 / 以内 …). */
function unitAndSuffixOp(after: string): { unit: string | null; op: Op | null } {
  const rest = after.trimStart();
  const stop = rest.search(UNIT_STOP);
  const word = stop < 0 ? rest : rest.slice(0, stop);
  // A percent sign is the whole unit: "100%及时发放" has unit "%".
  const unitEnd = /^[%‰]/.test(word) ? 1 : word.length;
  const unit = word.slice(0, unitEnd);
  const tail = word.slice(unitEnd);
  for (let i = 0; i <= unit.length; i += 1) {
    for (const [pattern, op] of SUFFIX_OPS) {
      if (pattern.test(unit.slice(i) + tail)) return { unit: unit.slice(0, i) || null, op };
    }
  }
  // "15日内", "3个工作日内": a trailing 内 ("within") closing the cell is an upper bound too.
  if (stop < 0 && unit.length > 1 && unit.endsWith("内") && tail === "") {
    return { unit: unit.slice(0, -1), op: "<=" };
  }
  // "约100人左右": 左右 ("about") is no part of the unit and states no bound.
  const plain = unitWordOf(unit.replace(/左右$/, ""));
  return { unit: plain || null, op: null };
}

/** Unit words (spec, "Units are unit words"), longest first so 万平方米 wins over 万. */
const UNIT_WORDS = [
  "人",
  "人次",
  "万人",
  "万人次",
  "人/次",
  "个",
  "次",
  "项",
  "户",
  "万户",
  "家",
  "所",
  "座",
  "处",
  "条",
  "件",
  "台",
  "套",
  "辆",
  "张",
  "份",
  "本",
  "册",
  "篇",
  "场",
  "期",
  "批",
  "名",
  "元",
  "万元",
  "亿元",
  "千元",
  "平方米",
  "万平方米",
  "立方米",
  "公里",
  "千米",
  "米",
  "亩",
  "万亩",
  "公顷",
  "吨",
  "万吨",
  "公斤",
  "千克",
  "天",
  "日",
  "小时",
  "个月",
  "月",
  "年",
  "周",
  "课时",
  "学时",
  "分",
  "起",
  "例",
  "床",
  "间",
  "株",
  "棵",
  "头",
  "只",
  "种",
  "类",
  "门",
  "班",
  "届",
  "轮",
  "%",
  "‰",
].sort((a, b) => b.length - a.length);

/**
 * Given the word printed after a number, return its unit word: the word itself when short ("个小区",
 * "个自然月", "元/人·月"), else the unit word it opens when the rest is what is counted, written
 * out ("次团体心理治疗" -> 次, "人次的个体心理咨询辅导" -> 人次). A rate ("元每人每月") stays whole.
 */
export function unitWordOf(word: string): string {
  const prefix = UNIT_WORDS.find((u) => word.startsWith(u));
  if (prefix === undefined || /[/·]/.test(word)) return word;
  const rest = word.slice(prefix.length);
  if (rest.startsWith("每")) return word;
  return rest.startsWith("的") || rest.length >= 4 ? prefix : word;
}

/**
 * Given an indicator cell as printed, return its Value (spec, Value): null for empty cells and
 * null markers; otherwise `raw` is the trimmed text, and op/value/unit are read only when the cell
 * states exactly one quantity that is not a date. Otherwise they are null (seed README: dates,
 * several quantities, no number at all).
 */
export function parseValue(raw: string): Value | null {
  const trimmed = raw.trim();
  if (isNullMarker(trimmed)) return null;
  const none: Value = { raw: trimmed, op: null, value: null, unit: null };
  const text = toHalfWidth(trimmed);
  if (DATE_PATTERNS.some((p) => p.test(text))) return none;
  const numbers = [...text.matchAll(new RegExp(NUMBER_SOURCE, "g"))];
  const only = numbers[0];
  if (numbers.length !== 1 || only === undefined) return none;
  let before = text.slice(0, only.index);
  let digits = only[0];
  // A hyphen right after a word that is no comparator is a dash ("标准-2"), not a minus sign.
  if (digits.startsWith("-") && /\S$/.test(before) && adjacentOp(before) === null) {
    before += "-";
    digits = digits.slice(1);
  }
  const { unit, op: suffixOp } = unitAndSuffixOp(text.slice(only.index + only[0].length));
  const op = adjacentOp(before) ?? leadingSymbolOp(before) ?? suffixOp;
  return { raw: trimmed, op, value: toNumber(digits.replace(/,/g, "")), unit };
}
