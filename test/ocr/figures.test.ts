import { describe, expect, it } from "vitest";
import type { Cell } from "../../contracts/extraction.js";
import { doubtfulFigures, figureColumns, figureShape, fitsColumn } from "../../extractors/pdf/ocr/figures.js";

const cell = (text: string): Cell => ({ text, rowSpan: 1, colSpan: 1, box: null, confidence: 0.95 });
const table = (rows: string[][]) => rows.map((r) => r.map(cell));

describe("figures in doubt on a scanned table", () => {
  it("reads the shape of well-formed figures and refuses malformed ones", () => {
    expect(figureShape("94.97%")).toEqual({ percent: true, decimals: 2 });
    expect(figureShape("16,539.54")).toEqual({ percent: false, decimals: 2 });
    expect(figureShape("≥95%")).toEqual({ percent: true, decimals: 0 });
    expect(figureShape("-1693.77")).toEqual({ percent: false, decimals: 2 });
    expect(figureShape("94.97%0")).toBeNull();
    expect(figureShape("1O0")).toBeNull();
    expect(figureShape("9 10")).toBeNull();
  });

  it("flags a rate whose percent sign was read as digits, and nothing else, in a column of rates", () => {
    const rows = table([
      ["资金", "预算数", "执行数", "执行率"],
      ["合计", "14845.77", "14099.06", "94.97%"],
      ["一般公共预算", "13517.34", "12837.51", "94.9790"],
      ["政府性基金", "1328.43", "1261.55", "94.97%"],
      ["其他资金", "0", "0", "100.00%"],
    ]);
    expect(figureColumns(rows).get("3:1")).toEqual({ maxDecimals: 2, percent: true });
    expect(doubtfulFigures(rows).map(({ row, col }) => [row, col])).toEqual([[2, 3]]);
  });

  it("flags a malformed reading in a column of scores, but not a column of targets with units", () => {
    const rows = table([
      ["指标", "指标值", "分值", "得分"],
      ["床位补助数量", "≤2300张", "5", "5"],
      ["服务人数", "≥6000人", "5", "4.5"],
      ["满意度", "≥95%", "10", "1O"],
      ["准确率", "=100%", "10", "10"],
    ]);
    expect(doubtfulFigures(rows).map(({ row, col }) => [row, col])).toEqual([[3, 3]]);
    expect(fitsColumn("10", { maxDecimals: 1, percent: false })).toBe(true);
  });

  it("flags a letter read for a digit in a column of figures printed two grid columns wide", () => {
    const wide = (text: string): Cell => ({ ...cell(text), colSpan: 2 });
    const rows = [
      [cell("资金来源"), wide("调整后预算数"), null, cell("执行率")],
      [cell("合计"), wide("14845.77"), null, cell("100.00%")],
      [cell("一般公共预算"), wide("13517.34"), null, cell("100.00%")],
      [cell("政府性基金"), wide("1328.43"), null, cell("100.00%")],
      [cell("其他资金"), wide("o"), null, cell("")],
    ];
    expect(figureColumns(rows).get("1:2")).toEqual({ maxDecimals: 2, percent: false });
    expect(doubtfulFigures(rows).map(({ row, col }) => [row, col])).toEqual([[4, 1]]);
    expect(fitsColumn("按实际发生数", { maxDecimals: 0, percent: false })).toBe(true);
  });

  it("flags in a column of targets with units the readings a seal broke, and nothing that reads as a figure with its unit or as words", () => {
    const rows = table([
      ["指标", "年度指标值"],
      ["城乡低保保障人数", "≥3.50(万人"],
      ["特困人员救助供养人数", "≥0.40(万人)"],
      ["低保对象认定准确率", "≥98.00(%)"],
      ["低保动态管理覆盖率", "10.00()"],
      ["救助资金按月发放及时率", "100%"],
      ["新增床位数", "240张"],
      ["项目完工时间", "2023年11月底前"],
      ["困难群众基本生活保障水平", "有效保障"],
    ]);
    expect(figureColumns(rows).get("1:1")).toEqual({ maxDecimals: 2, percent: false, units: true });
    expect(doubtfulFigures(rows).map(({ row, col }) => [row, col])).toEqual([
      [1, 1],
      [4, 1],
    ]);
    const targets = { maxDecimals: 2, percent: false, units: true };
    expect(fitsColumn("=100.00(%)", targets)).toBe(true);
    expect(fitsColumn("12(个)", targets)).toBe(true);
    // A bracket around a digit or a sign is no unit.
    expect(fitsColumn("=100.00(0)", targets)).toBe(false);
    expect(fitsColumn("12(↑)", targets)).toBe(false);
    expect(fitsColumn("≥3.50000(万人)", targets)).toBe(false);
  });

  it("does not take a column of words with some counts in them for one of figures", () => {
    const rows = table([
      ["指标", "实际完成值"],
      ["新建站点", "已建成12个站点"],
      ["覆盖率", "基本覆盖"],
      ["床位", "新增240张床位"],
      ["完工时间", "2023年11月底前完工"],
      ["满意度", "95%"],
    ]);
    expect(figureColumns(rows).get("1:1")).toBeUndefined();
  });

  it("doubts a bare comparator in a column that prints ≥ and ≤, but not in one that prints more than one", () => {
    const rows = table([
      ["指标", "指标值"],
      ["准确率", "≥95%"],
      ["发放率", ">95%"],
      ["覆盖率", "=100%"],
      ["满意度", "≥90%"],
    ]);
    expect(doubtfulFigures(rows).map(({ row, col }) => [row, col])).toEqual([[2, 1]]);
    const bare = table([
      ["指标", "指标值"],
      ["站点数", ">150.00(家)"],
      ["培训次数", ">6.00(次)"],
      ["满意度", "≥90.00(%)"],
    ]);
    expect(figureColumns(bare).get("1:1")).toEqual({ maxDecimals: 2, percent: false, units: true, bare: true });
    expect(doubtfulFigures(bare)).toEqual([]);
  });
});
