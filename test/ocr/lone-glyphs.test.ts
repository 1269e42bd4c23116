// Glyphs alone in their cells (a comparator in a column of its own, a unit, a mark) are read beside
// a figure of the page, and a header's last character wrapped onto a line of its own after the
// line it continues: the Jiangsu-style form that prints comparators and units in columns of their
// own, scanned at 160 dpi and tilted 2-3°, reads them (and the year printed under its title), and
// a project-wide list scanned in colour reads its 预算支出执行率 column (执行 / 率 wrapped).
import { describe, expect, it } from "vitest";
import type { Document } from "../../contracts/model.js";
import { cropsSideBySide, glyphOfReading, isLoneGlyph } from "../../extractors/pdf/ocr/lone-glyphs.js";
import { scanAndRead } from "./scan-and-read.js";

describe("a glyph read beside a figure", () => {
  it("takes the figure's known reading off either side, and nothing when the figure was not read back", () => {
    expect(glyphOfReading("≥3500", "3500", true)).toBe("≥");
    expect(glyphOfReading("3500 户", "3500", false)).toBe("户");
    expect(glyphOfReading("3500", "3500", true)).toBeNull(); // the glyph was dropped
    expect(glyphOfReading("≥350", "3500", true)).toBeNull(); // the figure misread: nothing to take off
  });

  it("tells one glyph from a line by its shape", () => {
    expect(isLoneGlyph(15, 16)).toBe(true);
    expect(isLoneGlyph(43, 16)).toBe(false); // "3500"
  });

  it("sets two crops side by side, the shorter centred on paper", () => {
    const a = { width: 2, height: 2, data: new Uint8Array([0, 0, 0, 0]) };
    const b = { width: 1, height: 4, data: new Uint8Array([9, 9, 9, 9]) };
    expect(cropsSideBySide(a, b)).toEqual({
      width: 3,
      height: 4,
      data: new Uint8Array([255, 255, 9, 0, 0, 9, 0, 0, 9, 255, 255, 9]),
    });
  });
});

describe("a Jiangsu-style project form scanned at 160 dpi, tilted 2-3°", () => {
  let expected: Document;
  let read: Document;

  it("is scanned and read", async () => {
    ({ expected, read } = await scanAndRead(
      "jiangsu-project",
      { dpi: 160, minAngle: 2, maxAngle: 3, jpegQuality: 45 },
      102,
    ));
    expect(read.reports).toHaveLength(1);
  }, 60_000);

  it("reads the year printed under the title, which the turned table's box covers in page coordinates", () => {
    expect(expected.reports[0]!.fiscalYear).toBe(2022);
    expect(read.reports[0]!.fiscalYear).toBe(2022);
  });

  it("reads the comparators printed alone in their column (one may be lost to the batch's jitter)", () => {
    const ops = expected.reports[0]!.indicators.map((i) => i.target?.op ?? null);
    const got = read.reports[0]!.indicators.map((i) => i.target?.op ?? null);
    expect(ops.filter((op) => op !== null).length).toBe(7);
    const right = ops.filter((op, k) => op !== null && got[k] === op).length;
    expect(right).toBeGreaterThanOrEqual(6);
  });

  it("reads the units printed alone in their column", () => {
    const units = (d: Document) => d.reports[0]!.indicators.map((i) => i.target?.unit ?? null);
    expect(units(read)).toEqual(units(expected));
  });
});

describe("a project-wide list scanned in colour, its rate header wrapped as 执行 / 率", () => {
  it("reads the rate of every project (the header read as 执行串 had lost the column)", async () => {
    const ink: [number, number, number] = [30, 30, 90];
    const look = { dpi: 200, minAngle: 0.3, maxAngle: 1.5, jpegQuality: 45, ink, paper: [250, 246, 230] as const };
    const { expected, read } = await scanAndRead("project-wide", look, 107);
    const rates = (d: Document) => new Map(d.reports[0]!.projects.map((p) => [p.name, p.rateReported]));
    const want = rates(expected);
    const got = rates(read);
    expect(want.size).toBeGreaterThanOrEqual(15);
    const right = [...want].filter(([name, rate]) => rate !== null && got.get(name) === rate).length;
    expect(right).toBeGreaterThanOrEqual(want.size - 1);
  }, 90_000);
});
