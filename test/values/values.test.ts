// The rules of value parsing, one example each: spec "Value" and "Numbers", seed README conventions.
import { describe, expect, it } from "vitest";
import { isNullMarker, parseAmount, parseNumber, parseRate, parseValue } from "../../normalizers/common/values.js";

const v = (raw: string, op: string | null, value: number | null, unit: string | null) => ({ raw, op, value, unit });

describe("parseValue", () => {
  it("returns null for empty cells and null markers", () => {
    expect(["", "  ", "-", "—", "——", "/", "／", "无", " 不适用 ", "N/A"].map(parseValue)).toEqual(
      Array(10).fill(null),
    );
  });

  it("keeps raw exactly as printed apart from surrounding whitespace", () => {
    expect(parseValue("  ≥ １２ 万人\n")).toEqual(v("≥ １２ 万人", ">=", 12, "万人"));
  });

  it("reads comparator symbols, half- and full-width", () => {
    expect(["≥1", ">=1", "＞＝1", "≤1", "<=1", "=1", "＝1", ">1", "<1"].map((raw) => parseValue(raw)?.op)).toEqual([
      ">=",
      ">=",
      ">=",
      "<=",
      "<=",
      "=",
      "=",
      ">",
      "<",
    ]);
  });

  it("reads comparator words written right before the number", () => {
    const words = [
      "不低于",
      "不少于",
      "至少",
      "大于等于",
      "大于或等于",
      "不小于",
      "不超过",
      "不高于",
      "不多于",
      "小于等于",
      "小于或等于",
      "达到",
      "达",
      "等于",
      "大于",
      "高于",
      "超过",
      "小于",
      "低于",
    ];
    expect(words.map((w) => parseValue(`${w}5个`)?.op)).toEqual([
      ">=",
      ">=",
      ">=",
      ">=",
      ">=",
      ">=",
      "<=",
      "<=",
      "<=",
      "<=",
      "<=",
      "=",
      "=",
      "=",
      ">",
      ">",
      ">",
      "<",
      "<",
    ]);
  });

  it("ignores a comparator word whose object is another quantity (seed 000, 行政许可审批压缩时限)", () => {
    expect(parseValue("低于法定时限90%")).toEqual(v("低于法定时限90%", null, 90, "%"));
  });

  it("lets a bound symbol opening the cell govern a number further on (seed 000)", () => {
    expect(parseValue("≥上年筹集量70%")).toEqual(v("≥上年筹集量70%", ">=", 70, "%"));
  });

  it("reads 以上 / 以下 / 以内 after the quantity as inclusive bounds", () => {
    expect(parseValue("控制在5万元以内")).toEqual(v("控制在5万元以内", "<=", 5, "万元"));
    expect(parseValue("90%及以上")).toEqual(v("90%及以上", ">=", 90, "%"));
    expect(parseValue("5%以下")).toEqual(v("5%以下", "<=", 5, "%"));
    expect(parseValue("3个工作日内")).toEqual(v("3个工作日内", "<=", 3, "个工作日"));
  });

  it("reads thousands separators, full-width digits, decimals and negatives", () => {
    expect(parseValue("110,540.00万元")).toEqual(v("110,540.00万元", null, 110540, "万元"));
    expect(parseValue("１２个")).toEqual(v("１２个", null, 12, "个"));
    expect(parseValue("0.083")).toEqual(v("0.083", null, 0.083, null));
    expect(parseValue("-5%")).toEqual(v("-5%", null, -5, "%"));
    expect(parseValue("≥-1.5%")).toEqual(v("≥-1.5%", ">=", -1.5, "%"));
  });

  it("takes the unit up to the first punctuation, and a percent sign alone", () => {
    expect(parseValue("100%及时发放")).toEqual(v("100%及时发放", null, 100, "%"));
    expect(parseValue("100%，完成目标值")).toEqual(v("100%，完成目标值", null, 100, "%"));
    expect(parseValue("≥439人/月")).toEqual(v("≥439人/月", ">=", 439, "人/月"));
    expect(parseValue("≤3个自然月")).toEqual(v("≤3个自然月", "<=", 3, "个自然月"));
  });

  it("gives dates and deadlines no value", () => {
    for (const raw of ["2022年12月之前", "12月底前", "6月底前已全部发放。", "2022年11月29日", "15日前"]) {
      expect(parseValue(raw)).toEqual(v(raw, null, null, null));
    }
  });

  it("gives a text stating several quantities no value", () => {
    expect(parseValue("农业户口≥5000人 非农业户口≥20000人")).toEqual(
      v("农业户口≥5000人 非农业户口≥20000人", null, null, null),
    );
    expect(parseValue("90%-100%")).toEqual(v("90%-100%", null, null, null));
  });

  it("gives a text without any number no value", () => {
    expect(["及时", "是", "长期/优", "有效提升"].map(parseValue)).toEqual([
      v("及时", null, null, null),
      v("是", null, null, null),
      v("长期/优", null, null, null),
      v("有效提升", null, null, null),
    ]);
  });
});

describe("parseNumber", () => {
  it("reads whole-cell numbers as printed", () => {
    expect(["110,540.00", "１２", "1.0", "-535.69", " 9.7 "].map(parseNumber)).toEqual([110540, 12, 1, -535.69, 9.7]);
  });

  it("returns null for null markers and for anything that is not only a number", () => {
    expect(["-", "—", "/", "无", "不适用", "", "9.7分", "1,2"].map(parseNumber)).toEqual(Array(8).fill(null));
  });
});

describe("parseRate", () => {
  it("turns percentages into fractions without float noise", () => {
    expect(["96.8%", "100.00%", "99.23%", "0.07%", "１００％"].map((t) => parseRate(t))).toEqual([
      0.968, 1, 0.9923, 0.0007, 1,
    ]);
  });

  it("reads a bare number as a percentage only in a column headed as percent", () => {
    expect(parseRate("96.8", { percentColumn: true })).toBe(0.968);
    expect(parseRate("96.8%", { percentColumn: true })).toBe(0.968);
    expect(parseRate("0.968")).toBe(0.968);
  });

  it("returns null for null markers and prose", () => {
    expect(["-", "无", "", "约97%"].map((t) => parseRate(t))).toEqual([null, null, null, null]);
  });
});

describe("parseAmount", () => {
  it("divides 元 by 10,000 exactly (seed 003, 收入决算明细表)", () => {
    expect(parseAmount("233,669,964.12", "元")).toBe(23366.996412);
    expect(parseAmount("218,492,342.07", "单位：元")).toBe(21849.234207);
    expect(parseAmount("3,346,189.60", "元")).toBe(334.61896);
  });

  it("keeps 万元, multiplies 亿元 and treats a missing unit as 万元", () => {
    expect(parseAmount("110,540.00", "万元")).toBe(110540);
    expect(parseAmount("12.5", "亿元")).toBe(125000);
    expect(parseAmount("-535.69", null)).toBe(-535.69);
  });

  it("prefers a unit printed in the cell over the table's", () => {
    expect(parseAmount("23,367.00万元", "元")).toBe(23367);
  });

  it("returns null for null markers, prose and unknown units, and 0 for zero", () => {
    expect([
      parseAmount("-", "元"),
      parseAmount("约5万元", null),
      parseAmount("5", "美元"),
      parseAmount("0.00", "元"),
    ]).toEqual([null, null, null, 0]);
  });
});

describe("isNullMarker", () => {
  it("recognises the printed ways of saying no value, and only those", () => {
    expect(["-", "—", "/", "无", "不适用", " ", "暂无"].every(isNullMarker)).toBe(true);
    expect(["0", "无效", "100%", "是"].some(isNullMarker)).toBe(false);
  });
});
