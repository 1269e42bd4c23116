// Layout family "project-sheet": the national 项目支出绩效自评表 (project self-evaluation sheet) and
// its regional variants, one sheet per project, often many in one file. A sheet reads top down:
// 项目名称; 主管部门 / 实施单位; 项目资金(万元) with 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 /
// 得分 and one row per fund (年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金); 年度总体目标
// (预期目标 / 实际完成情况); the indicator table (一级/二级/三级指标, 年度指标值, 实际完成值, 分值, 得分,
// 偏差原因分析及改进措施); 总分. What is distinctive here is only detection (a sheet opens with 项目名称
// and evaluates its targets); the rows are read by the form reader (reader/index.ts), so the
// Sichuan-style (指标性质 / 指标值 / 度量单位 / 完成值 / 权重) and Chongqing-style (指标名称 / 计量单位 /
// 年初指标值 / 调整指标值 / 全年完成值 / 得分系数 / 指标权重 / 指标得分 / 是否核心指标) tables are the same family.
// A sheet without an actual or score column is a target declaration (target-declaration.ts).
import type { Extraction } from "../contracts/extraction.js";
import { scoreVocabulary } from "./common/detect.js";
import { readForm } from "./reader/index.js";
import { rowToIndicatorColumns, type IndicatorColumns } from "./reader/indicator-columns.js";
import { tablesAt, tablesToRows } from "./common/rows.js";
import { sheetRegions } from "./reader/sheets.js";
import type { Normalizer } from "./types.js";

const FAMILY = "project-sheet";

const VOCABULARY: [RegExp, number][] = [
  [/项目支出绩效自评表/, 1],
  [/^项目名称:?$/, 1],
  [/^(主管部门|主管单位):?$/, 1],
  [/^(项目)?实施单位:?$/, 0.5],
  [/^项目资金/, 1],
  [/^年度总体目标$/, 1],
  [/^一级指标$/, 1],
  [/^(三级指标|指标名称)$/, 0.5],
  [/^(实际完成值|完成值|全年完成值|实际完成值\(B\))$/, 1],
  [/^(得分|指标得分)$/, 1],
  [/^总分$/, 0.5],
];

export const projectSheet: Normalizer = {
  family: FAMILY,
  detect(extraction) {
    return sheetRegions(extraction).map((blocks) => {
      const { score, found } = scoreVocabulary(extraction, blocks, VOCABULARY);
      // Without an actual or a score column the sheet declares targets: target-declaration's.
      const evaluates = indicatorHeaders(extraction, blocks).some((c) => c.map.has("actual") || c.map.has("score"));
      return {
        family: FAMILY,
        score: evaluates ? score : 0,
        blocks,
        reason: evaluates ? found : "no 实际完成值 or 得分 column: a target declaration",
      };
    });
  },
  normalize: (extraction, fit) => readForm(extraction, fit.blocks, { family: FAMILY, describeColumns: false }),
};

/** Given a region, return the indicator header rows it holds. */
function indicatorHeaders(extraction: Extraction, blocks: number[]): IndicatorColumns[] {
  return tablesToRows(tablesAt(extraction, blocks)).flatMap((row) => rowToIndicatorColumns(row) ?? []);
}
