// Property tests over generated cells: what a generator printed must parse back to what it meant
// (STYLE.md, "Round-trip and property tests where the input space is large").
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isNullMarker, parseAmount, parseNumber, parseRate, parseValue } from "../../normalizers/common/values.js";

type Op = ">=" | "<=" | "=" | ">" | "<";

/** The printed forms of each comparator before a number (spec, Value.op). */
const PREFIX_FORMS: ReadonlyArray<readonly [Op, string]> = [
  [">=", "≥"],
  [">=", ">="],
  [">=", "＞＝"],
  [">=", "不低于"],
  [">=", "不少于"],
  [">=", "至少"],
  [">=", "大于等于"],
  [">=", "大于或等于"],
  [">=", "不小于"],
  ["<=", "≤"],
  ["<=", "<="],
  ["<=", "不超过"],
  ["<=", "不高于"],
  ["<=", "不多于"],
  ["<=", "小于等于"],
  ["<=", "小于或等于"],
  ["<=", "控制在"],
  ["=", "="],
  ["=", "＝"],
  ["=", "达到"],
  ["=", "等于"],
  [">", ">"],
  [">", "大于"],
  [">", "高于"],
  [">", "超过"],
  ["<", "<"],
  ["<", "小于"],
  ["<", "低于"],
];

/** The printed forms of an inclusive bound after the quantity. */
const SUFFIX_FORMS: ReadonlyArray<readonly [Op, string]> = [
  [">=", "以上"],
  [">=", "及以上"],
  ["<=", "以下"],
  ["<=", "以内"],
];

const UNITS = [
  "%",
  "‰",
  "万人",
  "个",
  "万元",
  "亿元",
  "人/月",
  "个区",
  "万人次",
  "人次",
  "张",
  "项",
  "户",
  "次",
  "条",
  "件",
  "小时",
  "个自然月",
  "个小区",
  "个社区",
  "对",
];

const NULL_MARKERS = ["-", "—", "——", "–", "－", "/", "／", "无", "暂无", "不适用", "N/A"];

const FULL_WIDTH_DIGITS = "０１２３４５６７８９";

/** A non-negative decimal as integer mantissa and number of decimals: 1234.5 is {mantissa: 12345n, decimals: 1}. */
const decimalArb = fc.record({
  mantissa: fc.bigInt({ min: 0n, max: 10n ** 12n }),
  decimals: fc.integer({ min: 0, max: 2 }),
});

/** Given a mantissa and decimals, return the plain decimal text: 12345n, 1 -> "1234.5". */
function plainText(mantissa: bigint, decimals: number): string {
  const digits = mantissa.toString().padStart(decimals + 1, "0");
  return decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** Given plain decimal text, return it with thousands separators in the integer part. */
function withSeparators(text: string): string {
  const [int = "", frac] = text.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ",");
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** Given decimal text, return it with full-width digits, as some DOCX tables print them. */
function fullWidth(text: string): string {
  return text.replace(/\d/g, (d) => FULL_WIDTH_DIGITS[Number(d)] ?? d);
}

/** Given a decimal, return its exact value as one correctly rounded division. */
function exactValue(mantissa: bigint, decimals: number, shift = 0): number {
  const scale = decimals - shift;
  return scale >= 0 ? Number(mantissa) / 10 ** scale : Number(mantissa) * 10 ** -scale;
}

const styledNumberArb = fc
  .tuple(decimalArb, fc.constantFrom("plain", "separated", "full-width"), fc.boolean())
  .map(([{ mantissa, decimals }, style, negative]) => {
    const plain = plainText(mantissa, decimals);
    const styled =
      style === "plain" ? plain : style === "separated" ? withSeparators(plain) : fullWidth(withSeparators(plain));
    const value = exactValue(mantissa, decimals);
    return { text: `${negative ? "-" : ""}${styled}`, value: negative && value !== 0 ? -value : value };
  });

const spaceArb = fc.constantFrom("", " ", "\u3000");

describe("parseValue properties", () => {
  it("parses a comparator before a number and unit back to what generated it", () => {
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom(...PREFIX_FORMS)),
        spaceArb,
        styledNumberArb,
        spaceArb,
        fc.option(fc.constantFrom(...UNITS)),
        (form, gap, number, unitGap, unit) => {
          const raw = `${form?.[1] ?? ""}${gap}${number.text}${unit === null ? "" : unitGap + unit}`;
          expect(parseValue(raw)).toEqual({ raw: raw.trim(), op: form?.[0] ?? null, value: number.value, unit });
        },
      ),
    );
  });

  it("parses a bound written after the quantity back to what generated it", () => {
    fc.assert(
      fc.property(
        styledNumberArb,
        fc.constantFrom(...UNITS),
        fc.constantFrom(...SUFFIX_FORMS),
        (number, unit, [op, word]) => {
          const raw = `${number.text}${unit}${word}`;
          expect(parseValue(raw)).toEqual({ raw, op, value: number.value, unit });
        },
      ),
    );
  });

  it("gives no value to a text that states two quantities", () => {
    fc.assert(
      fc.property(styledNumberArb, styledNumberArb, fc.constantFrom(...UNITS), (a, b, unit) => {
        const raw = `≥${a.text}${unit}，≥${b.text}${unit}`;
        expect(parseValue(raw)).toEqual({ raw, op: null, value: null, unit: null });
      }),
    );
  });
});

describe("null marker properties", () => {
  it("reads every null marker, however padded, as null everywhere", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NULL_MARKERS),
        spaceArb,
        fc.constantFrom("", " ", "\n", "\t"),
        (marker, before, after) => {
          const cell = `${before}${marker}${after}`;
          expect([
            isNullMarker(cell),
            parseValue(cell),
            parseNumber(cell),
            parseRate(cell),
            parseAmount(cell, "元"),
          ]).toEqual([true, null, null, null, null]);
        },
      ),
    );
  });
});

describe("number, rate and amount properties", () => {
  it("parses a styled number back to its value", () => {
    fc.assert(
      fc.property(styledNumberArb, (number) => {
        expect(parseNumber(number.text)).toBe(number.value);
      }),
    );
  });

  it("turns a percentage into the fraction it denotes, without float noise", () => {
    fc.assert(
      fc.property(decimalArb, ({ mantissa, decimals }) => {
        expect(parseRate(`${plainText(mantissa, decimals)}%`)).toBe(exactValue(mantissa, decimals, -2));
      }),
    );
  });

  it("converts 元 to 万元 exactly and back to the same 分", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.boolean(), (fen, separated) => {
        const plain = plainText(fen, 2);
        const wan = parseAmount(separated ? withSeparators(plain) : plain, "元");
        expect(wan).toBe(Number(fen) / 1e6);
        expect(Math.round((wan ?? Number.NaN) * 1e6)).toBe(Number(fen));
        expect(parseAmount(String(wan), "万元")).toBe(wan);
      }),
    );
  });

  it("converts 亿元 to 万元 exactly", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), (cents) => {
        expect(parseAmount(plainText(cents, 2), "亿元")).toBe(Number(cents) * 100);
      }),
    );
  });
});
