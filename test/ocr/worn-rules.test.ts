// Rules printed faint by worn toner and scanned at 150 dpi come apart in pieces whose gaps are wider
// than noise makes. Left apart, the pieces met too few rules to be kept: the header row of a
// sheet's indicators joined the first row below it ("一级指标产出指标"), and every level was lost.
import { describe, expect, it } from "vitest";
import type { Document } from "../../contracts/model.js";
import { scanAndRead, WORN_LOOK } from "./scan-and-read.js";

describe("a Sichuan-style project sheet scanned at 150 dpi with worn rules and the seal over the figures", () => {
  it("reads the level labels of every indicator and the project the sheet is about", async () => {
    const { expected, read } = await scanAndRead("sichuan-sheet", WORN_LOOK, 777);
    const levels = (d: Document) => d.reports[0]!.indicators.map((i) => [i.name, i.level1, i.level2]);
    expect(levels(expected).every(([, l1, l2]) => l1 && l2)).toBe(true);
    expect(levels(read)).toEqual(levels(expected));
    expect(read.reports[0]!.kind).toBe(expected.reports[0]!.kind);
    expect(read.reports[0]!.projects.map((p) => p.name)).toEqual(expected.reports[0]!.projects.map((p) => p.name));
  }, 60_000);
});
