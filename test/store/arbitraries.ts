// fast-check generators of canonical Documents: any valid field values, nulls, unicode text.
import fc from "fast-check";
import {
  FORMATS,
  FUND_SOURCES,
  OPS,
  TEXT_LAYERS,
  type BudgetLine,
  type Document,
  type Goal,
  type Indicator,
  type Project,
  type Report,
  type Value,
  type Warning,
} from "../../contracts/model.js";

/** Text as documents carry it: any code points, grapheme clusters, and typical printed cells. */
export const text: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.constantFrom("", " ", "≥15万人", "96.8%", "天津市民政局", "产出\n\n指标", "a\u0000b", "𠀀𪚥", "不适用"),
);
const textOrNull = fc.option(text, { nil: null });

/** Finite numbers, -0 and extremes included; the model refuses NaN and infinities. */
export const number: fc.Arbitrary<number> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(0, -0, 96.8, 0.968, 110540, 1e-7, Number.MAX_SAFE_INTEGER),
);
const numberOrNull = fc.option(number, { nil: null });
const intOrNull = fc.option(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constantFrom(0, -1, 2022)), { nil: null });
const pageOrNull = fc.option(fc.integer({ min: 1, max: 2_000_000_000 }), { nil: null });

export const value: fc.Arbitrary<Value> = fc.record({
  raw: text,
  op: fc.option(fc.constantFrom(...OPS), { nil: null }),
  value: numberOrNull,
  unit: textOrNull,
});

const budgetLine: fc.Arbitrary<BudgetLine> = fc.record({
  fundSource: fc.constantFrom(...FUND_SOURCES),
  fundSourceRaw: textOrNull,
  unit: fc.constant("万元" as const),
  unitRaw: textOrNull,
  initial: numberOrNull,
  adjustment: numberOrNull,
  adjusted: numberOrNull,
  executed: numberOrNull,
  rateReported: numberOrNull,
  weight: numberOrNull,
  score: numberOrNull,
  deviation: textOrNull,
});

const goal: fc.Arbitrary<Goal> = fc.record({ seq: intOrNull, text, actual: textOrNull, deviation: textOrNull });

const indicator: fc.Arbitrary<Indicator> = fc.record({
  project: textOrNull,
  goalSeq: intOrNull,
  level1: textOrNull,
  level2: textOrNull,
  level1Raw: textOrNull,
  level2Raw: textOrNull,
  name: text,
  description: textOrNull,
  criterion: textOrNull,
  target: fc.option(value, { nil: null }),
  actual: fc.option(value, { nil: null }),
  weight: numberOrNull,
  score: numberOrNull,
  summary: textOrNull,
  deviation: textOrNull,
  page: pageOrNull,
});

const project: fc.Arbitrary<Project> = fc.record({
  seq: intOrNull,
  name: text,
  category: textOrNull,
  budget: numberOrNull,
  executed: numberOrNull,
  balance: numberOrNull,
  rateReported: numberOrNull,
  score: numberOrNull,
  goal: textOrNull,
  achievement: textOrNull,
  problems: textOrNull,
  remedy: textOrNull,
});

const report: fc.Arbitrary<Report> = fc.record({
  kind: fc.constantFrom("department" as const, "project" as const),
  layout: text.filter((s) => s.length > 0),
  title: textOrNull,
  department: textOrNull,
  fiscalYear: intOrNull,
  totalScore: numberOrNull,
  maxScore: numberOrNull,
  grade: textOrNull,
  budget: fc.array(budgetLine, { maxLength: 3 }),
  goals: fc.array(goal, { maxLength: 3 }),
  indicators: fc.array(indicator, { maxLength: 5 }),
  projects: fc.array(project, { maxLength: 3 }),
  conclusion: textOrNull,
  pages: fc.array(fc.integer({ min: 1, max: 5000 }), { maxLength: 4 }),
});

const warning: fc.Arbitrary<Warning> = fc.record({
  code: text.filter((s) => s.length > 0),
  message: text,
  page: pageOrNull,
});

/** A valid Document; the caller gives it a unique sha256 before storing it. */
export const documentArb: fc.Arbitrary<Document> = fc.record({
  schema: fc.constant("jixiao/report@1" as const),
  source: fc.record({
    path: text,
    sha256: fc.constant("0".repeat(64)),
    format: fc.constantFrom(...FORMATS),
    textLayer: fc.constantFrom(...TEXT_LAYERS),
    pages: fc.option(fc.nat(), { nil: null }),
  }),
  reports: fc.array(report, { maxLength: 3 }),
  warnings: fc.array(warning, { maxLength: 3 }),
});
