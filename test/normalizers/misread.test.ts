// Headers OCR misread by one character are read as the header they were misread from, and only
// where nothing else is meant: a word the vocabulary knows stays as read, as do sentences, figures,
// cells of rows without another header and a misreading two known headers are equally near. A Chongqing-style sheet scanned at 150 dpi
// with worn rules, whose 指标权重 OCR reads as 指标权道, keeps its weights.
import { describe, expect, it } from "vitest";
import type { Document } from "../../contracts/model.js";
import { misreadHeader, patternToWord } from "../../normalizers/common/misread.js";
import { scanAndRead } from "../ocr/scan-and-read.js";

describe("a header misread by one character", () => {
  const header = ["一级指标", "二级指标", "三级指标"];

  it("is read as the header", () => {
    expect(misreadHeader("指标权道", header)).toBe("指标权重");
    expect(misreadHeader("预算支出执行串", ["项目名称", "预算支出执行串"])).toBe("预算支出执行率");
    expect(misreadHeader("实际完成植", header)).toBe("实际完成值");
  });

  it("stays as read in a row where no other cell is a header", () => {
    expect(misreadHeader("实际完成植", ["产出指标", "数量指标", "实际完成植", "100"])).toBeNull();
  });

  it("stays as read when the vocabulary knows it, or it is no label", () => {
    expect(misreadHeader("效益指标", header)).toBeNull(); // a level, one character from 绩效指标
    expect(misreadHeader("指标权重", header)).toBeNull(); // known as read
    expect(misreadHeader("按时足额发放救助资金，保障困难群众基本生活", header)).toBeNull(); // a sentence
    expect(misreadHeader("完成值98", header)).toBeNull(); // a figure
    expect(misreadHeader("目标植", header)).toBeNull(); // three characters from a three-character header: too little to go on
  });

  it("reads the words patterns spell, and nothing from patterns that are not plain words", () => {
    expect(patternToWord(/^指标权重$/)).toEqual({ text: "指标权重", whole: true });
    expect(patternToWord(/^分值\(分\)$/)).toEqual({ text: "分值(分)", whole: true });
    expect(patternToWord(/执行率/)).toEqual({ text: "执行率", whole: false });
    expect(patternToWord(/^本年(度)?指标值$/)).toBeNull();
  });
});

describe("a Chongqing-style project sheet scanned at 150 dpi with worn rules", () => {
  it("keeps the weights of its indicators", async () => {
    const look = {
      dpi: 150,
      minAngle: 0.5,
      maxAngle: 2.5,
      jpegQuality: 40,
      ruleDarkness: 0.7,
      ruleGaps: 0.04,
      sealAt: "figures" as const,
    };
    const { expected, read } = await scanAndRead("chongqing-sheet", look, 106);
    const weights = (d: Document) => d.reports[0]!.indicators.map((i) => i.weight);
    expect(weights(expected).filter((w) => w !== null).length).toBeGreaterThanOrEqual(8);
    expect(weights(read)).toEqual(weights(expected));
  }, 60_000);
});
