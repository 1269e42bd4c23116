// The PDF extractor's stages one by one, on small made-up inputs: text repairs, glyph advances,
// ruling lines from an operator list, grids from rules, whitespace columns, and stitching.
import fc from "fast-check";
import { OPS } from "../../extractors/pdf/pdfjs.js";
import { describe, expect, it } from "vitest";
import type { Cell } from "../../contracts/extraction.js";
import type { PageTable } from "../../extractors/pdf/assign.js";
import { latticeToGrid } from "../../extractors/pdf/cells.js";
import { charToUnified, lineJoiner, textToUnified, tidySpaces } from "../../extractors/pdf/cjk.js";
import { charsToAdvances } from "../../extractors/pdf/glyphs.js";
import { isSplitRow, joinAcrossBreak, repeatedHeader } from "../../extractors/pdf/join.js";
import { segmentsToLattices } from "../../extractors/pdf/lattice.js";
import { operatorListToSegments } from "../../extractors/pdf/operators.js";
import type { Segment } from "../../extractors/pdf/segments.js";
import { defaultPdfSettings } from "../../extractors/pdf/settings.js";
import { pagesToBlocks, type PageLayout } from "../../extractors/pdf/stitch.js";
import { gapsToBoundaries } from "../../extractors/pdf/stream-columns.js";

const cell = (text: string, rowSpan = 1, colSpan = 1): Cell => ({ text, rowSpan, colSpan, box: null });

describe("Chinese text repairs", () => {
  it("maps Kangxi radicals and CJK Radicals Supplement code points to the unified ideographs", () => {
    expect(textToUnified("⼀级指标")).toBe("一级指标");
    expect(charToUnified("⻅")).toBe("见");
    expect(textToUnified("⻓期⻔诊")).toBe("长期门诊");
    expect(textToUnified("满意度≥90%")).toBe("满意度≥90%");
  });

  it("names the code point a Simplified Chinese face draws when a producer picked another sharing its glyph", () => {
    expect(textToUnified("低保\u2f3e、特困\u6236")).toBe("低保户、特困户");
    expect(textToUnified("2019\u20152021")).toBe("2019—2021");
  });

  it("drops spaces that touch a Chinese character and keeps those between Latin words and numbers", () => {
    expect(tidySpaces("≥15 万人")).toBe("≥15万人");
    expect(tidySpaces("社区事务受理 、社区管理")).toBe("社区事务受理、社区管理");
    expect(tidySpaces("“两新 ”组织")).toBe("“两新”组织");
    expect(tidySpaces("  Relief   count 2022 ")).toBe("Relief count 2022");
  });

  it("joins wrapped lines with nothing in Chinese and inside numbers, with a space between Latin words", () => {
    expect(lineJoiner("有效的整合社区公共服务资源", "为周边居民")).toBe("");
    expect(lineJoiner("4,100,", "000.00")).toBe("");
    expect(lineJoiner("Relief", "count")).toBe(" ");
  });
});

describe("glyph advances", () => {
  it("gives every ideograph of an item the same advance", () => {
    expect(charsToAdvances([..."项目名称"], 32, 8, defaultPdfSettings.glyphs)).toEqual([8, 8, 8, 8]);
  });

  it("lets a space pdf.js inserted for a gap take what the glyphs leave of the item's width", () => {
    const advances = charsToAdvances([..."0.00 其他"], 60, 8, defaultPdfSettings.glyphs);
    expect(advances.slice(0, 4)).toEqual([4, 4, 4, 4]);
    expect(advances[4]).toBeCloseTo(60 - 16 - 16);
  });
});

describe("ruling lines from the operator list", () => {
  const page: [number, number, number, number, number, number] = [1, 0, 0, -1, 0, 842];

  it("reads stroked lines and thin filled rectangles through the current transform, skipping white fills", () => {
    const fnArray = [
      OPS.save,
      OPS.transform,
      OPS.constructPath,
      OPS.setFillRGBColor,
      OPS.constructPath,
      OPS.setFillRGBColor,
      OPS.constructPath,
      OPS.restore,
    ];
    const rect = (x: number, y: number, w: number, h: number) =>
      new Float32Array([0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4]);
    const argsArray = [
      [],
      [2, 0, 0, 2, 10, 0],
      [OPS.stroke, [new Float32Array([0, 0, 100, 1, 50, 100])], null],
      ["#000000"],
      [OPS.fill, [rect(0, 0, 0.3, 40)], null],
      ["#ffffff"],
      [OPS.fill, [rect(0, 0, 0.3, 40)], null],
      [],
    ];
    const segments = operatorListToSegments(fnArray, argsArray as unknown[][], page, defaultPdfSettings.segments);
    expect(segments.map((s) => ({ ...s, at: Math.round(s.at * 100) / 100 }))).toEqual([
      { axis: "h", at: 642, from: 10, to: 110 },
      { axis: "v", at: 10.3, from: 762, to: 842 },
    ]);
  });
});

describe("grids from rules", () => {
  /** Given rules as [axis, at, from, to], return segments. */
  const rules = (list: ["h" | "v", number, number, number][]): Segment[] =>
    list.map(([axis, at, from, to]) => ({ axis, at, from, to }));

  it("joins two grid cells into one where the rule between them is missing", () => {
    // A 3 x 3 grid: the top row's first two cells merged, the left column's lower two cells merged.
    const segments = rules([
      ["h", 0, 0, 300],
      ["h", 20, 0, 300],
      ["h", 40, 100, 300],
      ["h", 60, 0, 300],
      ["v", 0, 0, 60],
      ["v", 100, 20, 60],
      ["v", 200, 0, 60],
      ["v", 300, 0, 60.4],
    ]);
    const [lattice] = segmentsToLattices(segments, defaultPdfSettings.lattice);
    const grid = latticeToGrid(lattice!, defaultPdfSettings.lattice);
    expect(grid.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan])).toEqual([
      [0, 0, 1, 2],
      [0, 2, 1, 1],
      [1, 0, 2, 1],
      [1, 1, 1, 1],
      [1, 2, 1, 1],
      [2, 1, 1, 1],
      [2, 2, 1, 1],
    ]);
  });

  it("treats rules a point apart as one (a border drawn once per cell)", () => {
    const segments = rules([
      ["h", 0, 0, 100],
      ["h", 0.7, 0, 100],
      ["h", 30, 0, 100],
      ["v", 0, 0, 30],
      ["v", 50, 0, 30],
      ["v", 50.9, 0, 30],
      ["v", 100, 0, 30],
    ]);
    const grid = latticeToGrid(
      segmentsToLattices(segments, defaultPdfSettings.lattice)[0]!,
      defaultPdfSettings.lattice,
    );
    expect(grid.xs.length - 1).toBe(2);
    expect(grid.ys.length - 1).toBe(1);
  });
});

describe("columns from whitespace", () => {
  it("places the fewest boundaries that fall in every row's gaps, each amid the gaps it serves", () => {
    const boundaries = gapsToBoundaries([
      [50, 60],
      [52, 70],
      [120, 130],
      [40, 140],
    ]);
    expect(boundaries.map((b) => b.x)).toEqual([56, 125]);
    expect(boundaries[0]!.range).toEqual([52, 60]);
  });
});

describe("joining a table across a page break", () => {
  const header = [cell("一级指标"), cell("指标"), cell("分值")];

  it("finds the header the next page repeats, even for a part of the table further down", () => {
    const table = [[cell("部门名称"), cell("测试局", 1, 2), null], header, [cell("产出指标"), cell("人数"), cell("5")]];
    expect(repeatedHeader(table, [header, [cell(""), cell("床位"), cell("5")]], 6)).toEqual({ count: 1, start: 1 });
  });

  it("finds a repeated header whose first label the page stretched over the blank cells under it, and cuts it to the header", () => {
    const table = [header, [cell("产出指标"), cell("人数"), cell("5")]];
    const next = [
      [cell("一级指标", 3), cell("指标"), cell("分值")],
      [null, cell("床位"), cell("5")],
      [null, cell("户数"), cell("5")],
    ];
    expect(repeatedHeader(table, next, 6)).toEqual({ count: 1, start: 0 });
    expect(next[0]![0]!.rowSpan).toBe(1);
    expect(next[1]![0]).toEqual(cell("", 2));
  });

  it("extends a merged label over the empty cell at the top of the next page", () => {
    const table = [header, [cell("产出指标", 2), cell("人数"), cell("5")], [null, cell("床位"), cell("5")]];
    const rest = joinAcrossBreak(table, [[cell(""), cell("时效"), cell("5")]]);
    expect(table[1]![0]!.rowSpan).toBe(3);
    expect(rest[0]![0]).toBeNull();
  });

  it("joins a row the break split: text goes on where the last row had text, nothing else is filled", () => {
    const table = [header, [cell("产出"), cell("人数"), cell("5")], [cell("产出"), cell("开展社区"), cell("5")]];
    const first = [cell(""), cell("活动"), cell("")];
    expect(isSplitRow(table, first)).toBe(true);
    expect(joinAcrossBreak(table, [first])).toEqual([]);
    expect(table[2]![1]!.text).toBe("开展社区活动");
  });

  it("does not take a new row for a split one when it fills the score column again", () => {
    const table = [header, [cell("产出"), cell("人数"), cell("5")], [cell("产出"), cell("床位"), cell("5")]];
    expect(isSplitRow(table, [cell(""), cell("完善流程"), cell("0.5")])).toBe(false);
  });

  /** Given rows, the page and the top and bottom of the table, return a one-table page. */
  const pageWith = (rows: (Cell | null)[][], page: number, top: number): PageLayout => ({
    number: page,
    width: 595,
    height: 842,
    items: [
      {
        kind: "table",
        table: {
          page,
          rows,
          xs: [50, 150, 250, 350],
          rowTops: rows.map((_, i) => top + 20 * i),
          rowBottoms: rows.map((_, i) => top + 20 * (i + 1)),
          box: { x0: 50, x1: 350, y0: top, y1: top + 20 * rows.length },
          method: "lattice",
        } satisfies PageTable,
      },
    ],
  });

  it("gives back the table split at any row with its header repeated (property)", () => {
    const body = fc.array(
      fc.tuple(
        fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/),
        fc.stringMatching(/^[a-z]{1,6}$/),
        fc.integer({ min: 0, max: 99 }),
      ),
      { minLength: 2, maxLength: 30 },
    );
    fc.assert(
      fc.property(body, fc.nat(), (rows, at) => {
        const grid = [header, ...rows.map(([a, b, n]) => [cell(a), cell(b), cell(String(n))])];
        const cut = 2 + (at % (grid.length - 1));
        const first = pageWith(
          grid.slice(0, cut).map((r) => r.map((c) => ({ ...c! }))),
          1,
          842 - 40 - 20 * cut,
        );
        const second = pageWith(
          [header, ...grid.slice(cut)].map((r) => r.map((c) => ({ ...c! }))),
          2,
          40,
        );
        const blocks = pagesToBlocks(cut < grid.length ? [first, second] : [first], defaultPdfSettings.stitch);
        expect(blocks).toHaveLength(1);
        const table = blocks[0]!.kind === "table" ? blocks[0]!.table : null;
        expect(table!.rows.map((r) => r.map((c) => c?.text))).toEqual(grid.map((r) => r.map((c) => c!.text)));
      }),
      { numRuns: 200 },
    );
  });
});
