// Every fixture is extracted and scored with ../shared/tools/score.mjs against its expected
// Document. Each layout family has the cell F1 it must reach; the table below rises as the
// normalizers are built, and a fixture whose family has no target yet still must be read.
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { extractFile } from "../../src/pipeline.js";
import { fixturePairs, scoreAgainst } from "../helpers.js";

/** Cell F1 each fixture must reach, by the name before its producer suffix. */
const TARGETS: Record<string, number> = {
  tianjin: 1,
  liuzhou: 1,
  "project-wide": 1,
  wuhan: 1,
};

function familyOf(file: string): string {
  return basename(file).split(".")[0]!;
}

describe("extraction accuracy on the fixtures", () => {
  for (const [file, expected] of fixturePairs()) {
    const target = TARGETS[familyOf(file)];
    it(`reads ${basename(file)} at cell F1 ${target != null ? `≥ ${target * 100}%` : "(no target yet)"}`, async () => {
      const { document } = await extractFile(file);
      const { cells, diffs } = scoreAgainst(expected, { ...document, source: { ...document.source } });
      if (target == null) return expect(document.source.sha256).toMatch(/^[0-9a-f]{64}$/);
      if (cells.f1 < target) console.log(diffs.split("\n").slice(0, 40).join("\n"));
      expect(cells.f1).toBeGreaterThanOrEqual(target);
    });
  }
});
