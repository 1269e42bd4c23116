// The cell scorer on documents built by hand, where every cell's verdict is known in advance.
import { describe, expect, it } from "vitest";
import { comparable, similarity } from "../../src/score/compare.js";
import { scoreDocument, tallyToScores, totalTally } from "../../src/score/index.js";

const indicator = (name: string, extra: Record<string, unknown> = {}) => ({
  project: null,
  goalSeq: null,
  level1: "产出指标",
  level2: "数量指标",
  name,
  target: { raw: "≥100人", op: ">=", value: 100, unit: "人" },
  actual: { raw: "120人", op: null, value: 120, unit: "人" },
  weight: 10,
  score: 10,
  criterion: null,
  ...extra,
});
const report = (indicators: unknown[], extra: Record<string, unknown> = {}) => ({
  kind: "department",
  department: "某某县民政局",
  fiscalYear: 2023,
  totalScore: 95,
  grade: "优",
  budget: [
    { fundSource: "total", adjusted: 100, executed: 96, rateReported: 0.96, initial: 100, weight: 10, score: 9.6 },
  ],
  goals: [],
  indicators,
  projects: [],
  ...extra,
});
const doc = (...reports: unknown[]) => ({ reports });

describe("the cell scorer", () => {
  it("gives F1 1 to a document scored against itself, counting every non-null field once", () => {
    const d = doc(report([indicator("救助人数"), indicator("床位数")]));
    const total = totalTally(scoreDocument(d, d).tallies);
    // report 5 fields, budget 6, indicators 2 × 11 non-null fields (criterion is null on both sides).
    expect(total).toMatchObject({ tp: 5 + 6 + 22, fp: 0, fn: 0 });
    expect(tallyToScores(total).f1).toBe(1);
  });

  it("counts a wrong value as one false negative and one false positive, and names it", () => {
    const expected = doc(report([indicator("救助人数")]));
    const actual = doc(report([indicator("救助人数", { score: 8 })]));
    const { tallies, diffs } = scoreDocument(expected, actual, "x.json");
    expect(tallies.indicator).toMatchObject({ tp: 10, fp: 1, fn: 1 });
    expect(diffs).toEqual(["x.json indicator [] 救助人数 .score: expected 10 got 8"]);
  });

  it("scores the cells of figures on their own: a wrong score, a wrong unit and a missing record", () => {
    const expected = doc(report([indicator("救助人数"), indicator("床位数")]));
    const actual = doc(
      report([indicator("救助人数", { score: 8, target: { raw: "≥100个", op: ">=", value: 100, unit: "个" } })]),
    );
    const { numeric } = scoreDocument(expected, actual);
    // Figures: report 2 (year, total), budget 6, each indicator 4 (target, actual, weight, score).
    // The wrong score is one miss and one false figure; the unit is text; the missing record's 4 figures are missed.
    expect(numeric).toEqual({ tp: 2 + 6 + 3, fp: 1, fn: 1 + 4 });
  });

  it("counts a missing record's cells as false negatives and an invented one's as false positives", () => {
    const expected = doc(report([indicator("救助人数"), indicator("床位数")]));
    const actual = doc(report([indicator("救助人数"), indicator("完全不同的指标名称")]));
    const { tallies, diffs } = scoreDocument(expected, actual);
    expect(tallies.indicator).toMatchObject({ tp: 11, fn: 11, fp: 11, matchedRecords: 1 });
    expect(diffs).toContain(" indicator missing: [] 床位数");
    expect(diffs).toContain(" indicator extra: [] 完全不同的指标名称");
  });

  it("treats a figure null on both sides as no cell, and a figure invented where none was printed as a false positive", () => {
    const expected = doc(report([indicator("救助人数", { score: null, weight: null })], { totalScore: null }));
    const actual = doc(report([indicator("救助人数", { score: 7, weight: null })], { totalScore: null }));
    const { tallies } = scoreDocument(expected, actual);
    expect(tallies.indicator).toMatchObject({ tp: 9, fp: 1, fn: 0 });
    expect(tallies.report).toMatchObject({ tp: 4, fp: 0, fn: 0 });
  });

  it("scores an unreadable or empty actual as every expected cell missed", () => {
    const expected = doc(report([indicator("救助人数")]));
    const total = totalTally(scoreDocument(expected, { reports: [] }).tallies);
    expect(total).toMatchObject({ tp: 0, fp: 0, fn: 5 + 6 + 11 });
    expect(tallyToScores(total)).toEqual({ precision: 1, recall: 0, f1: 0 });
  });

  it("compares text after folding width, spaces, quotes and a final full stop, and numbers within 1e-6", () => {
    expect(comparable("  ≥ １５ 万人。")).toBe("≥15万人");
    expect(comparable("“好”—")).toBe('"好"-');
    const expected = doc(
      report([indicator("救助人数", { target: { raw: "≥15万人", op: ">=", value: 15, unit: "万人" } })]),
    );
    const actual = doc(
      report([indicator("救助 人数", { target: { raw: "≥ １５万人。", op: ">=", value: 15.0000001, unit: "万人" } })]),
    );
    expect(totalTally(scoreDocument(expected, actual).tallies).fn).toBe(0);
  });

  it("measures likeness by shared character pairs, so a name cut short still pairs with its record", () => {
    expect(similarity("社会效益指标", "社会效益指标")).toBe(1);
    expect(similarity("社会效益指", "社会效益指标")).toBeCloseTo(8 / 9, 6);
    expect(similarity("", "x")).toBe(0);
  });
});
