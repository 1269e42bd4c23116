// The label vocabulary every layout normalizer shares: indicator levels (一级/二级指标), rubric
// weights printed inside labels, and budget fund sources. Model: docs/model.md,
// "Vocabulary of levels" and BudgetLine.fundSource; examples from the seeds' expected files.
import type { FundSource } from "../../contracts/model.js";
import { remembered } from "./text.js";

/** Canonical level-1 labels (spec, Vocabulary of levels). */
export const LEVEL1_LABELS = [
  "产出指标",
  "效益指标",
  "满意度指标",
  "成本指标",
  "投入指标",
  "过程指标",
  "效果指标",
] as const;

/** Canonical level-2 labels of the goal-table layouts, keyed by the stem that identifies them. */
const LEVEL2_BY_STEM: Readonly<Record<string, string>> = {
  数量: "数量指标",
  质量: "质量指标",
  时效: "时效指标",
  成本: "成本指标",
  经济效益: "经济效益指标",
  社会效益: "社会效益指标",
  生态效益: "生态效益指标",
  可持续影响: "可持续影响指标",
  // Satisfaction level2 labels are canonicalised to 服务对象满意度指标 (seed README, seeds 000/001).
  服务对象满意度: "服务对象满意度指标",
  满意度: "服务对象满意度指标",
  服务对象: "服务对象满意度指标",
  // The cost level2s of templates that print 成本指标 as a level1.
  经济成本: "经济成本指标",
  社会成本: "社会成本指标",
  生态环境成本: "生态环境成本指标",
};

/** Given a level-2 label as canonicalLevel2 returns it, return whether it is in the vocabulary (spec, "Level labels"). */
export function isCanonicalLevel2(label: string | null): boolean {
  return label !== null && Object.values(LEVEL2_BY_STEM).includes(label);
}

/** The level1 each canonical level2 belongs to, used to repair mislabelled level-1 cells. */
const LEVEL1_OF_LEVEL2: Readonly<Record<string, string>> = {
  数量指标: "产出指标",
  质量指标: "产出指标",
  时效指标: "产出指标",
  // Seeds 000 and 001 print 成本指标 under 产出指标.
  成本指标: "产出指标",
  经济效益指标: "效益指标",
  社会效益指标: "效益指标",
  生态效益指标: "效益指标",
  可持续影响指标: "效益指标",
  服务对象满意度指标: "满意度指标",
  经济成本指标: "成本指标",
  社会成本指标: "成本指标",
  生态环境成本指标: "成本指标",
};

/** The level-2 vocabulary for docs/headers.md: each printed stem, its canonical label and the level1 above it. */
export const LEVEL2_VOCABULARY: ReadonlyArray<readonly [string, string, string | null]> = Object.entries(
  LEVEL2_BY_STEM,
).map(([stem, label]) => [stem, label, LEVEL1_OF_LEVEL2[label] ?? null] as const);

/**
 * Second levels of the 部门整体支出 rubric tables (seed 004: 预算编制(10), 预算执行 (25) …), kept
 * as printed without their weight. Listed so that `isLevel2Label` recognises them in any column.
 */
const RUBRIC_LEVEL2 = new Set([
  "目标设定",
  "预算配置",
  "预算编制",
  "绩效目标指标管理",
  "预算执行",
  "预算管理",
  "资产管理",
  "绩效评价",
  "职责履行",
  "履职效益",
  "部门整体效益",
  "社会公众满意度",
]);

const LEVEL1_STEMS = LEVEL1_LABELS.map((label) => label.slice(0, -2));

/** Given a cell's text, return it without markup line breaks and whitespace ("产出\n\n指标" -> "产出指标"). */
function compact(text: string): string {
  return text.replace(/<br\s*\/?>/gi, "").replace(/[\s\u3000]+/g, "");
}

/** A bracketed weight: "(10)", "（9分）", "(10 分)"; also one left unclosed at the end by OCR. */
const WEIGHT_GROUP = /[(（](\d+(?:\.\d+)?)分?(?:[)）]|$)/g;

/**
 * Given a label that may carry its weight ("预算编制(10)", "(9分)", "投入<br>(20)",
 * "过程（执行）指标（40 分）"), return the label without the weight, whitespace and line breaks,
 * and the weight (the last bracketed number), or null when none is printed.
 */
export function parseWeightedLabel(text: string): { label: string; weight: number | null } {
  const { label, weight } = weightedLabelOnce(text);
  return { label, weight };
}

const weightedLabelOnce = remembered((text: string): { label: string; weight: number | null } => {
  // Brackets left empty (a weight lost to OCR or to a cell edge) carry nothing: "预算管理()".
  const flat = compact(text).replace(/[(（]\s*[)）]/g, "");
  const matches = [...flat.matchAll(WEIGHT_GROUP)];
  const last = matches[matches.length - 1];
  if (last === undefined || last[1] === undefined) return { label: flat, weight: null };
  const label = flat.slice(0, last.index) + flat.slice(last.index + last[0].length);
  return { label, weight: Number(last[1]) };
});

/** Given a label without weight, return it without any bracketed aside ("过程(执行)指标" -> "过程指标"). */
function withoutAsides(label: string): string {
  return label
    .replace(/[(（][^)）]*[)）]/g, "")
    .replace(/[(（][^)）]*$/, "") // "过程 (执": an aside cut off by OCR
    .replace(/[:：]+$/, "");
}

/**
 * Given a bare label and candidate stems, return the stem it spells: the stem itself, the stem
 * plus 指标 or 目标 ("产出目标", seed 002), or a truncation of stem+指标 that keeps the whole stem
 * ("社会效益指", seed 003).
 */
function stemOf(printed: string, stems: readonly string[]): string | null {
  // "产出类指标", "满意度类": a 类 ("kind of") before 指标 says the same as the label without it.
  const bare = printed.replace(/类(?=指标$|目标$|$)/, "");
  for (const stem of stems) {
    if (bare === `${stem}目标`) return stem;
    if (bare.length >= stem.length && `${stem}指标`.startsWith(bare)) return stem;
  }
  return null;
}

/** Given a raw label, return its text reduced for vocabulary matching. */
function bareLabel(raw: string): string {
  return withoutAsides(parseWeightedLabel(raw).label);
}

/**
 * Given a printed level-2 label, return its canonical form: one of the goal-table labels when it
 * spells one (completing truncations, rejoining broken lines), otherwise the label as printed
 * without its weight (rubric layouts: "预算编制(10)" -> 预算编制). Null for an empty cell.
 */
export function canonicalLevel2(raw: string | null): string | null {
  if (raw === null) return null;
  const { label } = parseWeightedLabel(raw);
  if (label === "") return null;
  const stem = stemOf(withoutAsides(label), Object.keys(LEVEL2_BY_STEM));
  return stem === null ? label : (LEVEL2_BY_STEM[stem] ?? label);
}

/** Given a canonical level2, return the level1 it belongs to, if the vocabulary says. */
function level1Above(level2Canonical: string | null | undefined): string | null {
  if (level2Canonical === null || level2Canonical === undefined) return null;
  return LEVEL1_OF_LEVEL2[level2Canonical] ?? null;
}

/**
 * Given a printed level-1 label and, where known, the canonical level2 below it, return the
 * canonical level1. A printed level1 ("投入(20)", "产出目标", "过程 (执)") wins. A level2 label
 * printed in the level-1 column (可持续影响指标, 社会效益, 服务对象满意度) gives the level1 it
 * belongs to. Anything else, such as seed 003's "产出效益" over 数量/质量/时效, or an empty cell,
 * is decided by the level2 below it; null when that does not settle it either.
 */
export function canonicalLevel1(raw: string | null, level2Canonical?: string | null): string | null {
  const bare = raw === null ? "" : bareLabel(raw);
  if (bare === "") return level1Above(level2Canonical);
  const stem = stemOf(bare, LEVEL1_STEMS);
  if (stem !== null) return `${stem}指标`;
  return level1Above(canonicalLevel2(raw)) ?? level1Above(level2Canonical);
}

/** "产出效益": a label made only of level-1 stems, as printed where two blocks' labels ran together. */
const LEVEL1_COMPOSITE = new RegExp(`^(?:${LEVEL1_STEMS.join("|")}){2,}(?:指标|目标)?$`);

/** Given a cell's text, return whether it reads as a level-1 label (with or without weight). */
export function isLevel1Label(text: string): boolean {
  const bare = bareLabel(text);
  if (bare === "") return false;
  return stemOf(bare, LEVEL1_STEMS) !== null || LEVEL1_COMPOSITE.test(bare);
}

/** Given a cell's text, return whether it reads as a level-2 label, goal-table or rubric. */
export function isLevel2Label(text: string): boolean {
  const bare = bareLabel(text);
  if (bare === "") return false;
  return stemOf(bare, Object.keys(LEVEL2_BY_STEM)) !== null || RUBRIC_LEVEL2.has(bare);
}

/**
 * Rows that split the budget by purpose, not by source: seed 003's 基本支出总额 / 项目支出总额 are
 * not fund sources (seed README), nor are carry-overs (结转结余) or 财政专户 receipts (seed 004).
 */
const NOT_FUND_SOURCE = /^(?:基本支出|项目支出|人员经费|公用经费|财政专户)|结转|结余/;

/** Fund-source patterns in the order they are tried: the specific before the general. */
export const FUND_SOURCE_PATTERNS: ReadonlyArray<readonly [RegExp, FundSource]> = [
  // 非财政资金 is money outside the budget: "other", and must not match 财政资金 below.
  [/^非财政/, "other"],
  [/国有资本/, "state_capital"],
  // 政府性基金预算财政拨款收入 (seed 003) and 基金预算收入 (seed 004) before 财政拨款.
  [/政府性基金|^基金预算/, "government_fund"],
  // 一般公共预算财政拨款收入 (seed 003) before 财政拨款.
  [/一般公共预算/, "general_public"],
  [/^其他/, "other"],
  // A unit's own money (单位资金 / 自有资金) is none of the budget's sources.
  [/^(?:单位|自有)资金/, "other"],
  // 当年 / 本年 / 本级财政拨款: this year's fiscal money, as project sheets print it.
  [/^(?:当年|本年|本级)?财政(?:资金|拨款)/, "fiscal"],
  [/合计|总计|总额|预算金额/, "total"],
  // Seed 004 labels its totals by the figures themselves: 预算数, 2021年度预算收入, 决算支出.
  [/^(?:\d{4}年度?)?(?:预算数|预算收入|决算支出|决算数)/, "total"],
];

/**
 * Given a budget row label, return its fund source (spec, BudgetLine.fundSource), or null for a
 * row that is none (基本支出, 财政专户核拨收入). "其中：" and list numbering ("一、") are ignored.
 */
export function fundSourceOf(label: string): FundSource | null {
  const bare = compact(label)
    .replace(/^其中[:：]?/, "")
    .replace(/^(?:[一二三四五六七八九十]+|\d+)[、.．]/, "")
    .replace(/[(（](?:单位[:：]?)?(?:万元|元|亿元)[)）]/g, "");
  if (NOT_FUND_SOURCE.test(bare)) return null;
  for (const [pattern, source] of FUND_SOURCE_PATTERNS) if (pattern.test(bare)) return source;
  return null;
}
