// The rules of the label vocabulary, one example each: spec "Vocabulary of levels", seeds 000–004.
import { describe, expect, it } from "vitest";
import {
  canonicalLevel1,
  canonicalLevel2,
  fundSourceOf,
  isLevel1Label,
  isLevel2Label,
  parseWeightedLabel,
} from "../../normalizers/common/vocabulary.js";

describe("parseWeightedLabel", () => {
  it("splits a rubric label from its bracketed weight", () => {
    expect(
      ["预算编制(10)", "(9分)", "投入<br>(20)", "预算执行 (25)", "质量指标（10 分）", "过程（执行）指标（40 分）"].map(
        parseWeightedLabel,
      ),
    ).toEqual([
      { label: "预算编制", weight: 10 },
      { label: "", weight: 9 },
      { label: "投入", weight: 20 },
      { label: "预算执行", weight: 25 },
      { label: "质量指标", weight: 10 },
      { label: "过程（执行）指标", weight: 40 },
    ]);
  });

  it("leaves a label without a weight whole", () => {
    expect(parseWeightedLabel("过程 (执)")).toEqual({ label: "过程(执)", weight: null });
  });
});

describe("canonicalLevel2", () => {
  it("completes truncated labels and rejoins broken ones", () => {
    expect(["社会效益指", "社会效益", "数量\n指标", "可持续影响"].map(canonicalLevel2)).toEqual([
      "社会效益指标",
      "社会效益指标",
      "数量指标",
      "可持续影响指标",
    ]);
  });

  it("canonicalises satisfaction labels to 服务对象满意度指标", () => {
    expect(["满意度指标", "服务对象满意度", "满意度", "服务对象满意度指标"].map(canonicalLevel2)).toEqual(
      Array(4).fill("服务对象满意度指标"),
    );
  });

  it("keeps a rubric second level as printed without its weight", () => {
    expect(["预算编制(10)", "绩效评价（8 分）", "社会公众满意度（6 分）"].map(canonicalLevel2)).toEqual([
      "预算编制",
      "绩效评价",
      "社会公众满意度",
    ]);
  });

  it("returns null for an empty cell", () => {
    expect([null, "", " "].map(canonicalLevel2)).toEqual([null, null, null]);
  });
});

describe("canonicalLevel1", () => {
  it("reads printed level-1 labels with weights, asides and line breaks", () => {
    expect(
      ["投入(20)", "产出", "产出\n\n指标", "产出目标", "过程 (执)", "过程（执行）指标（40 分）", "效果(15)"].map((l) =>
        canonicalLevel1(l),
      ),
    ).toEqual(["投入指标", "产出指标", "产出指标", "产出指标", "过程指标", "过程指标", "效果指标"]);
  });

  it("places a level2 printed in the level-1 column under its level1", () => {
    expect(["可持续影响指标", "社会效益", "服务对象满意度"].map((l) => canonicalLevel1(l))).toEqual([
      "效益指标",
      "效益指标",
      "满意度指标",
    ]);
  });

  it("maps an unclear label by the level2 below it (seed 003, 产出效益)", () => {
    expect(canonicalLevel1("产出效益", "数量指标")).toBe("产出指标");
    expect(canonicalLevel1("产出效益")).toBeNull();
    expect(canonicalLevel1(null, "时效指标")).toBe("产出指标");
  });

  it("keeps a printed level1 over the level2's usual one", () => {
    expect(canonicalLevel1("成本指标", "经济成本指标")).toBe("成本指标");
    expect(canonicalLevel1("产出指标", "成本指标")).toBe("产出指标");
  });
});

describe("isLevel1Label and isLevel2Label", () => {
  it("tell level-1 labels from level-2 labels and from other text", () => {
    const cells = [
      "产出指标",
      "投入(20)",
      "产出效益",
      "可持续影响指标",
      "预算编制(10)",
      "满意度指标",
      "一级指标",
      "及时发放",
    ];
    expect(cells.map((c) => [isLevel1Label(c), isLevel2Label(c)])).toEqual([
      [true, false],
      [true, false],
      [true, false],
      [false, true],
      [false, true],
      [true, true],
      [false, false],
      [false, false],
    ]);
  });
});

describe("fundSourceOf", () => {
  it("names the fund source of the usual budget row labels", () => {
    const labels = [
      "合计",
      "总 计",
      "部门预算金额(万元)",
      "部门整体支出总额",
      "一般公共预算",
      "其中：一般公共预算拨款",
      "一般公共预算财政拨款收入",
      "政府性基金预算",
      "国有资本经营预算",
      "财政资金",
      "其中: 财政拨款",
      "其他资金",
      "其他收入",
      "其他",
    ];
    expect(labels.map(fundSourceOf)).toEqual([
      "total",
      "total",
      "total",
      "total",
      "general_public",
      "general_public",
      "general_public",
      "government_fund",
      "state_capital",
      "fiscal",
      "fiscal",
      "other",
      "other",
      "other",
    ]);
  });

  it("returns null for rows that are no fund source", () => {
    expect(["基本支出总额", "项目支出总额", "财政专户核拨收入", "结转结余总额"].map(fundSourceOf)).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});
