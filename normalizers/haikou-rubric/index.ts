// Layout family "haikou-rubric" (seed 004 (a), 海口市民政局 部门整体支出绩效自评表): a scoring rubric.
// Above the table: the title and 填报单位. The table: a budget block (预算安排情况(调整后) 预算数,
// 资金执行情况 执行数, 预算执行率), then 一级指标 / 二级指标 / 三级指标 / 指标内容 / 评价标准 / 分值 /
// 得分 rows, 一级 and 二级 labels carrying their weights in brackets ("投入(20)", "预算编制(10)"),
// then 合计 and the 偏差和措施 row; the 偏差 text may stand under the table. Scanned copies arrive
// OCR'd with rows merged and columns lost: the files of this folder read them by content and weights.
import type { Extraction } from "../../contracts/extraction.js";
import { emptyReport, type Indicator, type Report, type Warning } from "../../contracts/model.js";
import { rubricNameRestorer } from "./names.js";
import { regionPages, rubricRegions, textAfter } from "../common/rubric-region.js";
import { scoreVocabulary } from "../common/detect.js";
import { INDICATOR_HEADERS, type IndicatorField } from "../common/headers.js";
import { sumOrNull } from "./groups.js";
import { levelItems, type LevelledItem } from "./levels.js";
import { rubricBudgetRows } from "./budget.js";
import {
  columnSlots,
  FOOTER,
  isFragment,
  rowToRubricRow,
  rubricRowToItems,
  type RubricItem,
  type RubricRow,
} from "./rows.js";
import { rowToColumnMap, tablesAt, tablesToRows, type ColumnMap, type Row } from "../common/rows.js";
import { cleanText, textOrNull } from "../common/text.js";
import { readTitle } from "../common/titles.js";
import { canonicalLevel1, canonicalLevel2 } from "../common/vocabulary.js";
import type { LayoutFit, Normalizer, Result } from "../types.js";

const FAMILY = "haikou-rubric";

const VOCABULARY: [RegExp, number][] = [
  [/^一级指标$/, 1],
  [/^二级指标$/, 1],
  [/^三级指标$/, 0.5],
  [/^指标内容$/, 1],
  [/^评价标准$/, 2],
  [/^分值$/, 1],
  [/预算安排情况/, 1],
  [/资金执行情况/, 1],
  [/^预算执行率$/, 0.5],
  [/部门整体支出绩效自评表/, 0.5],
  [/^填报单位/, 0.5],
];

export const haikouRubric: Normalizer = {
  family: FAMILY,
  detect(extraction) {
    return rubricRegions(extraction).map((blocks) => {
      const { score, found } = scoreVocabulary(extraction, blocks, VOCABULARY);
      return { family: FAMILY, score, blocks, reason: found };
    });
  },
  normalize: readRubric,
};

/** Given a header row, return its column map when it heads a rubric (names and 评价标准 or 分值). */
function rubricHeader(row: Row): ColumnMap<IndicatorField> | null {
  const map = rowToColumnMap(row, INDICATOR_HEADERS);
  return map.has("name") && (map.has("level1") || map.has("level2")) && (map.has("criterion") || map.has("weight"))
    ? map
    : null;
}

/** Given an extraction and a fit of this family, return the report its rubric holds. */
function readRubric(extraction: Extraction, fit: LayoutFit): Result<Report> {
  const report = emptyReport("department", FAMILY);
  const warnings: Warning[] = [];
  Object.assign(report, readTitle(extraction, fit.blocks));
  report.department = departmentOf(extraction, fit.blocks);
  const tables = tablesAt(extraction, fit.blocks);
  const rows = tablesToRows(tables);
  const at = rows.findIndex((r) => rubricHeader(r) !== null);
  if (at < 0)
    return {
      value: report,
      warnings: [
        {
          code: "rubric-header-missing",
          message: "no 一级指标/三级指标/评价标准 header row in the rubric region",
          page: null,
        },
      ],
    };
  const map = rubricHeader(rows[at]!)!;
  report.budget = rubricBudgetRows(rows.slice(0, at), warnings);
  const width = rows[at]!.cells.length;
  const slots = columnSlots(map, width);
  const read = rows.slice(at + 1).map((row) => rowToRubricRow(row, row.cells.length === width ? slots : []));
  const { items, footer } = splitFooter(read, warnings);
  readFooter(report, footer, extraction, fit.blocks);
  const levelled = levelItems(items, warnings);
  rubricNameRestorer(extraction, fit.blocks)(levelled, warnings);
  report.indicators = levelled.map(itemToIndicator);
  fillLostScore(report, warnings);
  report.maxScore ??= sumOrNull(report.indicators.map((i) => i.weight));
  report.pages = regionPages(extraction, fit.blocks);
  return { value: report, warnings };
}

/** Given the rows under the header, return the indicator items and the footer rows (合计, 总分, 偏差). */
function splitFooter(read: RubricRow[], warnings: Warning[]): { items: RubricItem[]; footer: RubricRow[] } {
  const items: RubricItem[] = [];
  const footer: RubricRow[] = [];
  for (const row of read) {
    const first = row.names[0] ?? "";
    if (FOOTER.test(first) || footer.length) footer.push(row);
    else if (
      row.names.length === 0 &&
      row.level1 === null &&
      row.level2 === null &&
      row.figureLines.length === 0 &&
      row.description.length === 0
    )
      continue;
    else if (isFragment(row)) {
      warnings.push({
        code: "ocr-reconstructed",
        message: `rubric row "${[row.level1, row.level2, ...row.names, ...row.description].filter(Boolean).join(" ")}" names no indicator and prints no figure: read as a heading fragment`,
        page: row.page,
      });
    } else items.push(...rubricRowToItems(row, warnings));
  }
  return { items, footer };
}

/** Given the footer rows, set the maximum and total scores and the budget line's 偏差和措施 text. */
function readFooter(report: Report, footer: RubricRow[], extraction: Extraction, blocks: number[]): void {
  for (const row of footer) {
    const figures = row.figureLines.flat();
    const label = row.names[0] ?? "";
    if (/^(合计|总计)$/.test(label)) {
      report.maxScore ??= figures[0] ?? null;
      if (figures.length > 1) report.totalScore ??= figures[1]!;
    } else if (figures.length) report.totalScore ??= figures[figures.length - 1]!;
    if (/偏差|措施/.test(label)) {
      const text = textOrNull([...row.description, ...row.criterion].join("\n"));
      const line = report.budget[0];
      if (line) line.deviation = text ?? textAfter(extraction, blocks)[0] ?? null;
    }
  }
}

function itemToIndicator(item: LevelledItem): Indicator {
  const level2 = canonicalLevel2(item.level2Raw);
  return {
    project: null,
    goalSeq: null,
    level1: canonicalLevel1(item.level1Raw, level2),
    level2,
    level1Raw: item.level1Raw,
    level2Raw: item.level2Raw,
    name: item.name,
    description: item.description,
    criterion: item.criterion,
    target: null,
    actual: null,
    weight: item.weight,
    score: item.score,
    summary: null,
    deviation: null,
    page: item.page,
  };
}

/**
 * A weight restored from its label leaves the score unknown; when it is the only one, the printed
 * total gives it (seed 004 (a): 预算编制完整性, 96 less the other scores = 2).
 */
function fillLostScore(report: Report, warnings: Warning[]): void {
  const missing = report.indicators.filter((i) => i.weight !== null && i.score === null);
  const only = missing[0];
  if (missing.length !== 1 || !only || report.totalScore === null) return;
  const others = report.indicators.reduce((s, i) => s + (i.score ?? 0), 0);
  const rest = Number((report.totalScore - others).toFixed(6));
  if (rest < 0 || rest > only.weight!) return;
  only.score = rest;
  warnings.push({
    code: "ocr-reconstructed",
    message: `rubric "${only.name}": score lost; ${rest} is what the printed total ${report.totalScore} leaves after the other scores`,
    page: only.page,
  });
}

/** Given a region, return the unit named by 填报单位 / 部门名称 in its text or tables. */
function departmentOf(extraction: Extraction, blocks: number[]): string | null {
  for (const i of blocks) {
    const b = extraction.blocks[i];
    const texts =
      b?.kind === "text" ? [b.text] : b ? tablesToRows([b.table]).map((r) => r.cells.filter(Boolean).join(" ")) : [];
    for (const text of texts) {
      const m = /(?:填报单位|部门名称|单位名称|评价单位)\s*[:：]?\s*([^\s:：|]+)/.exec(cleanText(text));
      if (m && m[1]) return m[1];
    }
  }
  return null;
}
