// The seed dumps are another extractor's grids, with its defects; the normalizers must read them
// nearly as well as clean tables. The few cells below 100% are judgement calls the README explains
// that no general rule recovers (000: a 二级 label printed one row below its block; 001: the goals
// label printed on the last 部门职能 row).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalize } from "../../normalizers/index.js";
import { SCHEMA_ID } from "../../contracts/model.js";
import { SEEDS, scoreAgainst } from "../helpers.js";
import { seedExtraction } from "../seed-dump.js";

const DUMPS: [string, string, number][] = [
  ["000_3159a4f345e73b5b", "tianjin", 0.998],
  ["001_29d121b4221180d5", "liuzhou", 0.995],
];

describe("normalizers on the seed dumps", () => {
  for (const [seed, family, target] of DUMPS) {
    it(`reads dump ${seed} as one ${family} report at cell F1 ≥ ${(target * 100).toFixed(1)}%`, () => {
      const { value: reports, warnings } = normalize(seedExtraction(join(SEEDS, `${seed}.txt`)));
      expect(reports.map((r) => r.layout)).toEqual([family]);
      const document = { schema: SCHEMA_ID, source: {}, reports, warnings };
      const { cells } = scoreAgainst(join(SEEDS, "expected", `${seed}.json`), document);
      expect(cells.f1).toBeGreaterThanOrEqual(target);
    });
  }
});
