// Layout family "gaoyi-report" (seed 004 (b), 高邑县民政局部门 2021 年度整体支出绩效自评报告): a county's
// narrative self-evaluation report. 一、部门基本情况 states the budget in prose (预算收入 and its split
// by fund source, 决算支出) and the goals (部门整体支出绩效目标, then 分项 goals "绩效目标：…");
// 三、(一) tells how the overall goal was met; 三、(二) scores the rubric item by item under weighted
// headings ("1、投入指标（20分）" … "自评得分 2 分"); 四、评价结论和评价等级 gives the total and grade;
// a 分项绩效项目清单 table lists the projects. Other counties write the same structure with other
// numbers, so everything here is read by its structure, never by this document's strings.
import type { Extraction } from "../../contracts/extraction.js";
import { emptyReport, type Indicator, type Report, type Warning } from "../../contracts/model.js";
import { scoreVocabulary } from "../common/detect.js";
import { projectListHeader, tableToProjects } from "./project-list.js";
import { proseToBudget } from "./budget.js";
import { linesToGoals } from "./goals.js";
import { NARRATIVE_TITLE, narrativeRegions } from "./region.js";
import { regionPages } from "../common/rubric-region.js";
import {
  joinBrokenParagraphs,
  linesToListing,
  numberingOf,
  plainLine,
  statedScore,
  type ListingItem,
  type TextLine,
} from "../common/scoring-listing.js";
import { cleanText, fiscalYearOf, labelKey } from "../common/text.js";
import { canonicalLevel1, canonicalLevel2, isLevel1Label } from "../common/vocabulary.js";
import type { LayoutFit, Normalizer, Result } from "../types.js";

const FAMILY = "gaoyi-report";

const VOCABULARY: [RegExp, number][] = [
  [/整体支出绩效自评报告$|绩效自评报告$/, 1],
  [/收支预决算|预决算情况/, 1],
  [/绩效目标实现情况/, 1],
  [/评价结论/, 1],
  [/评价等级/, 0.5],
  [/自评得分\d/, 1],
  [/指标\(\d+分\)$/, 1],
  [/^绩效目标:/, 0.5],
  [/分项绩效项目清单|^项目名称$/, 0.5],
];

export const gaoyiReport: Normalizer = {
  family: FAMILY,
  detect(extraction) {
    return narrativeRegions(extraction).map((blocks) => {
      const { score, found } = scoreVocabulary(extraction, blocks, VOCABULARY);
      return { family: FAMILY, score, blocks, reason: found };
    });
  },
  normalize: readReport,
};

/** Given a region, return its text blocks as lines without markup. */
function regionLines(extraction: Extraction, blocks: number[]): TextLine[] {
  return blocks.flatMap((i) => {
    const b = extraction.blocks[i];
    return b?.kind === "text"
      ? [{ text: plainLine(cleanText(b.text)), page: b.page, heading: b.role === "heading" }]
      : [];
  });
}

/** Given an extraction and a fit of this family, return the report its prose and tables hold. */
function readReport(extraction: Extraction, fit: LayoutFit): Result<Report> {
  const report = emptyReport("department", FAMILY);
  const warnings: Warning[] = [];
  const lines = regionLines(extraction, fit.blocks);
  const title = lines.find((l) => l.text.length <= 60 && NARRATIVE_TITLE.test(l.text))?.text ?? null;
  report.title = title;
  report.department = title ? departmentOfTitle(title) : null;
  report.fiscalYear = title ? fiscalYearOf(title) : null;
  report.budget = proseToBudget(
    joinBrokenParagraphs(lines)
      .filter((l) => !l.heading)
      .map((l) => l.text),
    warnings,
  );
  report.goals = linesToGoals(lines);
  report.indicators = linesToListing(lines, isLevel1Label).map(listingToIndicator);
  readConclusion(report, lines);
  readTables(report, extraction, fit.blocks, warnings);
  checkScores(report, warnings);
  report.pages = regionPages(extraction, fit.blocks);
  return { value: report, warnings };
}

/** "高邑县民政局部门 2021 年度整体支出绩效自评报告" -> 高邑县民政局: the title without its year and its kind. */
export function departmentOfTitle(title: string): string | null {
  const name = title
    .replace(/\s+/g, "")
    .replace(/(?:19|20)\d{2}年度?/, "")
    .replace(/(?:部门)?(?:整体)?(?:支出)?(?:绩效)?(?:自评|评价)报告$/, "");
  return name === "" ? null : name;
}

function listingToIndicator(item: ListingItem): Indicator {
  const level2 = canonicalLevel2(item.level2Raw);
  return {
    project: null,
    goalSeq: null,
    level1: canonicalLevel1(item.level1Raw, level2),
    level2,
    level1Raw: item.level1Raw,
    level2Raw: item.level2Raw,
    name: item.name,
    description: null,
    criterion: null,
    target: null,
    actual: null,
    weight: item.weight,
    score: item.score,
    summary: item.summary,
    deviation: null,
    page: item.page,
  };
}

const CONCLUSION = /评价结论|自评结论|评价等级/;
const GRADE = /等级\s*(?:为|是|[:：])?\s*(优秀|良好|合格|不合格|优|良|中|差)/;
const MAXIMUM = /满分\s*(?:为|[:：])?\s*(\d+(?:\.\d+)?)/;
const TOTAL = /(?:总得分|综合得分|自评总分|总分)\s*(?:为|[:：])?\s*(\d+(?:\.\d+)?)/;

/** Given the lines, set the conclusion (the text under the 评价结论 heading), total, maximum and grade. */
function readConclusion(report: Report, raw: TextLine[]): void {
  const lines = joinBrokenParagraphs(raw);
  const at = lines.findIndex((l) => (l.heading || numberingOf(l.text)) && CONCLUSION.test(l.text));
  if (at < 0) return;
  const body: string[] = [];
  for (let j = at + 1; j < lines.length && !lines[j]!.heading && !numberingOf(lines[j]!.text); j++)
    body.push(lines[j]!.text);
  const text = body.join("");
  report.conclusion = text || null;
  const total = TOTAL.exec(text);
  report.totalScore = total ? Number(total[1]) : statedScore(text);
  const max = MAXIMUM.exec(text);
  report.maxScore = max ? Number(max[1]) : null;
  report.grade = GRADE.exec(text)?.[1] ?? null;
}

/** Given the region's tables, read the project list and name the others, which the model does not hold. */
function readTables(report: Report, extraction: Extraction, blocks: number[], warnings: Warning[]): void {
  for (const i of blocks) {
    const b = extraction.blocks[i];
    if (b?.kind !== "table") continue;
    if (projectListHeader(b.table) >= 0) report.projects.push(...tableToProjects(b.table, warnings));
    else {
      const head = (b.table.rows[0] ?? [])
        .map((c) => labelKey(c?.text))
        .filter(Boolean)
        .join(" / ");
      warnings.push({
        code: "not-represented",
        message: `table headed "${head}" is outside the model`,
        page: b.table.rowPages[0] ?? null,
      });
    }
  }
}

/** The items' scores should add up to the printed total; a report that says otherwise is noted, not fixed. */
function checkScores(report: Report, warnings: Warning[]): void {
  const scores = report.indicators.map((i) => i.score);
  if (report.totalScore === null || scores.length === 0 || scores.some((s) => s === null)) return;
  const sum = Number(scores.reduce((s, v) => s! + v!, 0)!.toFixed(6));
  if (Math.abs(sum - report.totalScore) > 1e-6) {
    warnings.push({
      code: "source-inconsistent",
      message: `the listed scores add up to ${sum}, the printed total is ${report.totalScore}`,
      page: null,
    });
  }
  const unweighted = report.indicators.filter((i) => i.weight === null).map((i) => i.name);
  if (unweighted.length) {
    warnings.push({
      code: "source-inconsistent",
      message: `items scored without a weight of their own: ${unweighted.join(", ")}`,
      page: null,
    });
  }
}
