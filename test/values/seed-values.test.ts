// Every target and actual Value the seeds' expected answers record must come back from its raw
// text alone (seed README, "Conventions used in all five files").
import { describe, expect, it } from "vitest";
import { parseValue } from "../../normalizers/common/values.js";
import type { Value } from "../../contracts/model.js";
import { indicatorsOf, loadSeeds } from "./seeds.js";

const seeds = loadSeeds();

/** Given a seed's indicators, return every printed Value, target before actual. */
function valuesOf(seed: (typeof seeds)[number]): Value[] {
  return indicatorsOf(seed.document).flatMap((i) => [i.target, i.actual].filter((v): v is Value => v !== null));
}

describe("parseValue on the seeds' expected Values", () => {
  it("finds expected files to check", () => {
    expect(seeds.map((s) => s.name.slice(0, 3))).toEqual(["000", "001", "002", "003", "004"]);
  });

  it.each(seeds.map((seed) => [seed.name, seed] as const))(
    "reproduces every target and actual of %s from its raw text",
    (_name, seed) => {
      const expected = valuesOf(seed);
      expect(expected.map((value) => parseValue(value.raw))).toEqual(expected);
    },
  );

  it("reproduces all 420 Values of the five seeds", () => {
    const all = seeds.flatMap(valuesOf);
    const matching = all.filter((value) => JSON.stringify(parseValue(value.raw)) === JSON.stringify(value));
    expect([matching.length, all.length]).toEqual([420, 420]);
  });
});
