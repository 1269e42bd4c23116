// The harder scans of fixtures/hard-scans (150 dpi, up to 3° per page differing by page, JPEG
// 30-40, colour, worn and broken rules, a seal over the figures, sheets shifted and zoomed on the
// glass): their cell F1, which may only rise, and their checks, which must find what the document
// prints wrong and accuse it of nothing else. The scans of fixtures/ are checked likewise in
// test/accuracy/fixtures.test.ts.
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractFile } from "../../src/pipeline.js";
import { FIXTURES, scoreAgainst } from "../helpers.js";
import { expectFindingsOfDocument } from "./findings.js";

const HARD = join(FIXTURES, "hard-scans");

// Cell F1 the harder scans reach today (characters under the seal's legend are the misses), so that they can only get better.
const FLOOR: Record<string, number> = {
  "liuzhou-worn.scan.pdf": 0.95,
  "project-sheet-skewed.scan.pdf": 0.98,
  "target-declaration-colour.scan.pdf": 0.9,
};

describe("the harder scans", () => {
  for (const name of readdirSync(HARD)
    .filter((f) => f.endsWith(".scan.pdf"))
    .sort()) {
    const file = join(HARD, name);
    it(
      `reads ${name} at its floor and finds on it only what its document prints wrong`,
      { timeout: 240_000 },
      async () => {
        const { document, extraction } = await extractFile(file);
        expect(FLOOR[basename(file)]).toBeDefined();
        expect(scoreAgainst(`${file}.expected.json`, document).cells.f1).toBeGreaterThanOrEqual(FLOOR[basename(file)]!);
        expectFindingsOfDocument(file, document, extraction);
      },
    );
  }
});
