// Layout family "target-declaration": the performance targets declared with a budget (项目支出绩效
// 目标申报表 / 财政项目支出绩效目标填报表 / 绩效目标表), one sheet per project, as the five tables of
// realdocs tianbaoxitong pp. 31–35 (WPS). A sheet: title and year (inside the table or above it);
// 项目名称 / 项目性质 / 项目类别; 主管部门 / 实施单位; 计划开始日期 / 计划完成日期; 项目资金 as label–amount
// pairs, the project's whole-life figures (项目资金总额, 其中：财政资金, 其他资金) beside the year's
// (年度资金申请总额, 其中：当年财政拨款, 上年结转资金, 其他资金); 项目总目标 / 年度总体目标; then
// 一级/二级/三级指标 with 年度(/项目)指标值. Read as a report of kind "project" with targets only:
// nothing is printed for actuals, weights or scores, and nothing is invented for them. The year's
// amounts become budget lines with `initial` set (what is budgeted when the year opens). What is
// distinctive is only detection: the form reader (reader/index.ts) reads the sheet, its label–amount
// pairs (reader/budget.ts, readDeclaredPairs) and its 项目总目标 beside the year's goal.
import { scoreVocabulary } from "./common/detect.js";
import { tablesAt, tablesToRows } from "./common/rows.js";
import { readForm } from "./reader/index.js";
import { rowToIndicatorColumns } from "./reader/indicator-columns.js";
import { sheetRegions } from "./reader/sheets.js";
import type { Normalizer } from "./types.js";

const FAMILY = "target-declaration";

const VOCABULARY: [RegExp, number][] = [
  [/绩效目标(申报|填报)?表$/, 2],
  [/^项目名称:?$/, 1],
  [/^(主管部门|主管单位):?$/, 1],
  [/^项目资金/, 1],
  [/^(年度总体目标|年度绩效目标)$/, 1],
  [/^一级指标$/, 1],
  [/^(三级指标|指标名称)$/, 0.5],
  [/指标值$/, 1],
];

export const targetDeclaration: Normalizer = {
  family: FAMILY,
  detect(extraction) {
    return sheetRegions(extraction).map((blocks) => {
      const { score, found } = scoreVocabulary(extraction, blocks, VOCABULARY);
      const headers = tablesToRows(tablesAt(extraction, blocks)).flatMap((row) => rowToIndicatorColumns(row) ?? []);
      // A sheet with an actual or score column evaluates its targets: project-sheet's.
      const declares = headers.length > 0 && headers.every((c) => !c.map.has("actual") && !c.map.has("score"));
      return {
        family: FAMILY,
        score: declares ? score : 0,
        blocks,
        reason: declares ? found : "no indicator header with targets only",
      };
    });
  },
  normalize: (extraction, fit) => readForm(extraction, fit.blocks, { family: FAMILY, describeColumns: false }),
};
