// Layout family "liuzhou" (seed 001, 柳州市民政局 2022年度部门整体绩效自评表): 部门名称 / 部门编码;
// 部门预算安排资金(万元) with one row per 资金来源 (合计, 其中：一般公共预算拨款, 政府性基金, …);
// 部门职能概述 rows; 部门整体支出年度绩效目标 rows (one goal per row, no 序号); 自评得分(满分100分)
// with 预算执行(10分) and its score; then 衡量指标 with 一级/二级指标, 指标内容 (the name), 指标值, 分值,
// 实际完成值, 指标得分, 完成情况简要描述, 偏差原因及改进措施.
// What is distinctive is only detection: the form reader (reader/index.ts) reads every section, the
// points printed in the labels (自评得分(满分100分), 预算执行(10分)) and the goals labelled down the first column.
import { formFits } from "./common/detect.js";
import { readForm } from "./reader/index.js";
import type { Normalizer } from "./types.js";

const FAMILY = "liuzhou";

const VOCABULARY: [RegExp, number][] = [
  [/部门预算安排资金/, 1],
  [/^资金来源$/, 1],
  [/^年中预算调整数$/, 1],
  [/部门职能概述/, 2],
  [/部门整体支出年度绩效目标$|部门整体支出年度绩效目标\(/, 1],
  [/衡量指标/, 1],
  [/^自评得分/, 1],
  [/^指标内容$/, 0.5],
  [/^完成情况简要描述$/, 0.5],
];

export const liuzhou: Normalizer = {
  family: FAMILY,
  detect: (extraction) => formFits(extraction, FAMILY, VOCABULARY, /^部门名称$/),
  normalize: (extraction, fit) => readForm(extraction, fit.blocks, { family: FAMILY, describeColumns: false }),
};
