// Every (level1Raw, level2Raw) -> (level1, level2) pair and every budget row label -> fundSource
// in the seeds' expected answers must come back from the vocabulary (spec, Vocabulary of levels).
import { describe, expect, it } from "vitest";
import { canonicalLevel1, canonicalLevel2, fundSourceOf } from "../../normalizers/common/vocabulary.js";
import { indicatorsOf, loadSeeds } from "./seeds.js";

const seeds = loadSeeds();

describe("the level vocabulary on the seeds' expected labels", () => {
  it.each(seeds.map((seed) => [seed.name, seed] as const))(
    "canonicalises every printed level2 of %s",
    (_name, seed) => {
      // A null level2Raw with a level2 is seed 002's: the column, not a label, names the level2.
      const printed = indicatorsOf(seed.document).filter((i) => i.level2Raw !== null);
      expect(printed.map((i) => canonicalLevel2(i.level2Raw))).toEqual(printed.map((i) => i.level2));
    },
  );

  it.each(seeds.map((seed) => [seed.name, seed] as const))(
    "canonicalises every printed level1 of %s given the canonical level2 below it",
    (_name, seed) => {
      const indicators = indicatorsOf(seed.document);
      expect(indicators.map((i) => canonicalLevel1(i.level1Raw, i.level2))).toEqual(indicators.map((i) => i.level1));
    },
  );

  it("needs the level2 context only for seed 003's 产出效益 blocks", () => {
    const all = seeds.flatMap((seed) => indicatorsOf(seed.document));
    const needContext = all.filter((i) => canonicalLevel1(i.level1Raw) !== i.level1);
    expect([...new Set(needContext.map((i) => i.level1Raw))]).toEqual(["产出效益"]);
  });
});

describe("fundSourceOf on the seeds' budget lines", () => {
  it.each(seeds.map((seed) => [seed.name, seed] as const))(
    "names the fund source of every budget line of %s",
    (_name, seed) => {
      const lines = seed.document.reports.flatMap((report) => report.budget);
      expect(lines.map((line) => fundSourceOf(line.fundSourceRaw ?? ""))).toEqual(lines.map((line) => line.fundSource));
    },
  );
});
