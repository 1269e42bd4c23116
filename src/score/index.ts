// Cell-level scoring of extracted Documents against expected ones (docs/scoring.md). Every
// compared field of every paired record is one cell: a true positive when both sides agree; a
// false negative when the expected value is missing or different; a false positive when the
// extracted value is present but wrong, or belongs to a record that pairs with nothing.
import { pairRecords, sameNumber, sameText, similarity, comparable, type Equality } from "./compare.js";

type Json = Record<string, unknown>;
export type RecordKind = "report" | "budget" | "goal" | "indicator" | "project";

/** The fields compared for each kind of record, and how (paths into nested Values with dots). */
export const SCORED_FIELDS: Readonly<Record<RecordKind, Readonly<Record<string, Equality>>>> = {
  report: { kind: sameText, department: sameText, fiscalYear: sameNumber, totalScore: sameNumber, grade: sameText },
  budget: {
    adjusted: sameNumber,
    executed: sameNumber,
    rateReported: sameNumber,
    initial: sameNumber,
    weight: sameNumber,
    score: sameNumber,
  },
  goal: { text: sameText, actual: sameText },
  indicator: {
    level1: sameText,
    level2: sameText,
    name: sameText,
    "target.raw": sameText,
    "target.op": sameText,
    "target.value": sameNumber,
    "target.unit": sameText,
    "actual.raw": sameText,
    "actual.value": sameNumber,
    weight: sameNumber,
    score: sameNumber,
    criterion: sameText,
  },
  project: { name: sameText, budget: sameNumber, executed: sameNumber, rateReported: sameNumber, score: sameNumber },
};

/** Where each kind of record sits in a report. */
const LISTS: Readonly<Record<Exclude<RecordKind, "report">, string>> = {
  budget: "budget",
  goal: "goals",
  indicator: "indicators",
  project: "projects",
};

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
  expectedRecords: number;
  actualRecords: number;
  matchedRecords: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

export type CellTally = Pick<Tally, "tp" | "fp" | "fn">;

export interface DocumentScore {
  tallies: Partial<Record<RecordKind, Tally>>;
  /** The cells of figures alone (fields compared as numbers: amounts, rates, weights, scores, values, years). */
  numeric: CellTally;
  /** One line per disagreement: "<where> indicator [project goal] name .field: expected … got …". */
  diffs: string[];
}

const emptyTally = (): Tally => ({ tp: 0, fp: 0, fn: 0, expectedRecords: 0, actualRecords: 0, matchedRecords: 0 });
const field = (record: Json, path: string): unknown =>
  path.split(".").reduce<unknown>((v, k) => (v == null ? v : (v as Json)[k]), record);
const listOf = (record: Json | undefined, key: string): Json[] =>
  Array.isArray(record?.[key]) ? (record[key] as Json[]) : [];

/** Given a record, return how a disagreement names it. */
function recordLabel(kind: RecordKind, r: Json): string {
  if (kind === "indicator") return `[${String(r.project ?? "")}${String(r.goalSeq ?? "")}] ${String(r.name)}`;
  if (kind === "budget") return String(r.fundSource);
  if (kind === "goal") return `#${String(r.seq)} ${String(r.text).slice(0, 20)}`;
  if (kind === "project") return String(r.name);
  return `${String(r.department)} ${String(r.fiscalYear)}`;
}

/** Given an expected and an actual indicator, return how alike they are (same project and goal count). */
function indicatorLikeness(e: Json, a: Json): number {
  let s = similarity(e.name, a.name);
  if ((e.goalSeq ?? null) !== (a.goalSeq ?? null)) s -= 0.2;
  if (comparable(e.project) !== comparable(a.project)) s -= 0.2;
  const et = field(e, "target.raw");
  const at = field(a, "target.raw");
  if (et && at && sameText(et, at)) s += 0.05;
  return s;
}

/** Given two reports, return how alike they are: department, kind, year and shared indicator names. */
function reportLikeness(e: Json, a: Json): number {
  let s = sameText(e.department, a.department) ? 1 : 0;
  if (e.kind === a.kind) s += 0.5;
  if (sameNumber(e.fiscalYear, a.fiscalYear)) s += 0.5;
  const names = new Set(listOf(a, "indicators").map((i) => comparable(i.name)));
  const expected = listOf(e, "indicators");
  return s + expected.filter((i) => names.has(comparable(i.name))).length / Math.max(1, expected.length);
}

const LIKENESS: Readonly<Record<RecordKind, [(e: Json, a: Json) => number, number]>> = {
  report: [reportLikeness, 0.5],
  budget: [(e, a) => (e.fundSource === a.fundSource ? 1 : 0), 1],
  goal: [(e, a) => (e.seq != null && e.seq === a.seq ? 1 : 0) + similarity(e.text, a.text), 0.6],
  indicator: [indicatorLikeness, 0.6],
  project: [(e, a) => similarity(e.name, a.name), 0.7],
};

/** Given two lists of one kind of record, add their cells to the score and return the pairs made. */
function compareRecords(
  kind: RecordKind,
  expected: Json[],
  actual: Json[],
  into: DocumentScore,
  where: string,
): [Json, Json][] {
  const t = (into.tallies[kind] ??= emptyTally());
  t.expectedRecords += expected.length;
  t.actualRecords += actual.length;
  const [likeness, floor] = LIKENESS[kind];
  const { pairs, missing, extra } = pairRecords(expected, actual, likeness, floor);
  t.matchedRecords += pairs.length;
  const fields = Object.entries(SCORED_FIELDS[kind]);
  const n = into.numeric;
  for (const [e, a] of pairs) {
    for (const [path, equal] of fields) {
      const ev = field(e, path);
      const av = field(a, path);
      const figure = equal === sameNumber;
      if (ev == null && av == null) continue;
      if (ev != null && av != null && equal(ev, av)) {
        t.tp++;
        if (figure) n.tp++;
        continue;
      }
      if (ev != null) t.fn++;
      if (av != null) t.fp++;
      if (figure && ev != null) n.fn++;
      if (figure && av != null) n.fp++;
      into.diffs.push(
        `${where} ${kind} ${recordLabel(kind, e)} .${path}: expected ${JSON.stringify(ev)} got ${JSON.stringify(av)}`,
      );
    }
  }
  const present = (r: Json, figures: boolean) =>
    fields.filter(([path, equal]) => field(r, path) != null && (!figures || equal === sameNumber)).length;
  for (const e of missing) {
    t.fn += present(e, false);
    n.fn += present(e, true);
    into.diffs.push(`${where} ${kind} missing: ${recordLabel(kind, e)}`);
  }
  for (const a of extra) {
    t.fp += present(a, false);
    n.fp += present(a, true);
    into.diffs.push(`${where} ${kind} extra: ${recordLabel(kind, a)}`);
  }
  return pairs;
}

/** Given an expected and an actual Document (parsed JSON), return their cell tallies and disagreements. */
export function scoreDocument(expected: unknown, actual: unknown, where = ""): DocumentScore {
  const score: DocumentScore = { tallies: {}, numeric: { tp: 0, fp: 0, fn: 0 }, diffs: [] };
  const er = listOf(expected as Json, "reports");
  const ar = listOf(actual as Json, "reports");
  const pairs = compareRecords("report", er, ar, score, where);
  const kinds = Object.keys(LISTS) as Exclude<RecordKind, "report">[];
  for (const [e, a] of pairs)
    for (const kind of kinds) compareRecords(kind, listOf(e, LISTS[kind]), listOf(a, LISTS[kind]), score, where);
  // The records of a report that paired with nothing count in full against the side that has them.
  for (const e of er.filter((r) => !pairs.some(([p]) => p === r)))
    for (const kind of kinds) compareRecords(kind, listOf(e, LISTS[kind]), [], score, where);
  for (const a of ar.filter((r) => !pairs.some(([, p]) => p === r)))
    for (const kind of kinds) compareRecords(kind, [], listOf(a, LISTS[kind]), score, where);
  return score;
}

/** Given a tally, return its precision, recall and F1 (1 where nothing was expected and nothing given). */
export function tallyToScores({ tp, fp, fn }: Pick<Tally, "tp" | "fp" | "fn">): Scores {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Given per-kind tallies, return their sum over all kinds. */
export function totalTally(tallies: Partial<Record<RecordKind, Tally>>): Tally {
  const all = emptyTally();
  for (const t of Object.values(tallies)) for (const k of Object.keys(all) as (keyof Tally)[]) all[k] += t[k];
  return all;
}

/** Given several documents' scores, return their cells of figures added up. */
export function addNumeric(scores: readonly DocumentScore[]): CellTally {
  return scores.reduce(
    (sum, s) => ({ tp: sum.tp + s.numeric.tp, fp: sum.fp + s.numeric.fp, fn: sum.fn + s.numeric.fn }),
    {
      tp: 0,
      fp: 0,
      fn: 0,
    },
  );
}

/** Given several documents' tallies, return them added kind by kind. */
export function addTallies(scores: readonly DocumentScore[]): Partial<Record<RecordKind, Tally>> {
  const sum: Partial<Record<RecordKind, Tally>> = {};
  for (const s of scores) {
    for (const [kind, t] of Object.entries(s.tallies) as [RecordKind, Tally][]) {
      const into = (sum[kind] ??= emptyTally());
      for (const k of Object.keys(into) as (keyof Tally)[]) into[k] += t[k];
    }
  }
  return sum;
}
