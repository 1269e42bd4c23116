// The OCR extractor on the scanned fixtures (npm run fixtures:scan): pages rasterized at 160 dpi,
// turned by under 2°, noised, JPEG-compressed and stamped with a red seal over the table's corner.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tablesOf, type Cell } from "../../contracts/extraction.js";
import { rgbaToGray } from "../../extractors/pdf/ocr/image.js";
import { ocrPdfPages, defaultOcrSettings, type OcrResult } from "../../extractors/pdf/ocr/index.js";
import { grayToLayout } from "../../extractors/pdf/ocr/layout.js";
import { documentToRaster } from "../../extractors/pdf/ocr/render.js";
import { bytesToDocument } from "../../extractors/pdf/load.js";
import { FIXTURES } from "../helpers.js";

const LIUZHOU = join(FIXTURES, "liuzhou.scan.pdf");
const TIANJIN = join(FIXTURES, "tianjin.scan.pdf");

function cellsOf(result: OcrResult): Cell[] {
  return tablesOf(result).flatMap((t) => t.rows.flat().filter((c): c is Cell => c != null));
}

function texts(result: OcrResult): string[] {
  return cellsOf(result).map((c) => c.text);
}

describe("the scanned liuzhou report, read by the default engine", () => {
  let result: OcrResult;
  beforeAll(async () => {
    result = await ocrPdfPages(readFileSync(LIUZHOU), LIUZHOU, [1, 2]);
  }, 120_000);

  it("reads the budget figures as whole cells, digit for digit", () => {
    expect(texts(result)).toEqual(
      expect.arrayContaining([
        "16539.54",
        "-1693.77",
        "14845.77",
        "14053.03",
        "-535.69",
        "13517.34",
        "2486.51",
        "-2486.51",
        "97.36",
        "10.00",
      ]),
    );
  });

  it("reads targets with their comparators and units, including the one under the seal's edge", () => {
    expect(texts(result)).toEqual(expect.arrayContaining(["≤2300张", "≥6000人", "≥95%", "≤100%", "=100%"]));
  });

  it("reads indicator names and the department as whole cells", () => {
    expect(texts(result)).toEqual(
      expect.arrayContaining([
        "柳州市民政局",
        "民办养老机构床位补助数量",
        "开展政府购买居家养老服务人数",
        "补助县区资金拨付准确率、资金足额发放率",
      ]),
    );
  });

  it("finds the first page's grid with its spans: 21 rows of 10 columns, the fund-source label down 6 rows", () => {
    const first = tablesOf(result).find((t) => t.rowPages[0] === 1)!;
    expect(first.rows).toHaveLength(21);
    expect(first.rows.every((row) => row.length === 10)).toBe(true);
    expect(first.rows[1]![0]).toMatchObject({ text: "部门预算安排资金（万元）", rowSpan: 6, colSpan: 1 });
    expect(first.rows[0]![1]).toMatchObject({ text: "柳州市民政局", colSpan: 4 });
  });

  it("does not read the seal's legend as text: the department's name is in one cell only", () => {
    expect(texts(result).filter((t) => t.includes("民政局"))).toEqual(["柳州市民政局"]);
    const free = result.blocks.flatMap((b) => (b.kind === "text" ? [b.text] : []));
    expect(free.join("")).not.toContain("民政局");
  });

  it("gives every cell a confidence and a box in points on its page", () => {
    for (const cell of cellsOf(result)) {
      expect(cell.confidence).toBeGreaterThanOrEqual(0);
      expect(cell.confidence).toBeLessThanOrEqual(1);
      expect(cell.box!.x0).toBeGreaterThanOrEqual(0);
      expect(cell.box!.x1).toBeLessThanOrEqual(596);
      expect(cell.box!.y1).toBeLessThanOrEqual(842);
    }
  });

  it("warns about low-confidence cells with their page and position", () => {
    for (const w of result.warnings.filter((w) => w.code === "ocr-low-confidence")) {
      expect(w.page).toBeOneOf([1, 2]);
      expect(w.message).toMatch(
        /^page [12], (table \d+ on the page, row \d+, column \d+|text at y=[\d.]+): ".*" read with confidence 0\.\d\d$/,
      );
    }
  });
});

describe("the red seal on a scanned page", () => {
  it("produces no ruling line: every rule found lies on a boundary of the table's grid", async () => {
    const doc = await bytesToDocument(readFileSync(LIUZHOU), LIUZHOU);
    try {
      const raster = await documentToRaster(doc, 1, defaultOcrSettings.dpi);
      const { gray, seal } = rgbaToGray(raster.image, defaultOcrSettings.seal);
      expect(seal.data.reduce((n, v) => n + v, 0)).toBeGreaterThan(10_000); // the seal is there, and was seen
      const layout = grayToLayout(gray, seal, raster.scale, defaultOcrSettings);
      expect(layout.tables).toHaveLength(1);
      const table = layout.tables[0]!;
      const onBoundary = (at: number, boundaries: number[]) => boundaries.some((b) => Math.abs(b - at) <= 8);
      for (const s of layout.segments) expect(onBoundary(s.at, s.horizontal ? table.ys : table.xs)).toBe(true);
      // The seal sits over the lower right corner; the last rows keep their ten columns.
      expect(table.xs).toHaveLength(11);
    } finally {
      await doc.destroy();
    }
  });
});

describe("a scanned tianjin page with indicators, read by the default engine", () => {
  it("reads targets, actuals, weights and scores as whole cells", async () => {
    const result = await ocrPdfPages(readFileSync(TIANJIN), TIANJIN, [3]);
    const row = (name: string) =>
      tablesOf(result)
        .flatMap((t) => t.rows)
        .find((r) => r.some((c) => c?.text === name))!
        .map((c) => c?.text ?? null);
    expect(row("计划完成低保对象救助人数")).toEqual(expect.arrayContaining(["≥15万人", "14.64万人", "0.5", "0.4"]));
    expect(row("计划完成临时救助人数")).toEqual(expect.arrayContaining(["≥6.7万人次", "6.7万人次", "0.5"]));
    expect(row("困难群体救助流程合规率")).toEqual(expect.arrayContaining(["=100%", "100%"]));
  }, 60_000);
});

describe("the scanned fixtures", () => {
  for (const name of ["liuzhou", "tianjin", "haikou-gaoyi"]) {
    it(`keeps ${name}.scan.pdf under 1 MB, image-only, with an expected file describing it`, async () => {
      const file = join(FIXTURES, `${name}.scan.pdf`);
      const bytes = readFileSync(file);
      expect(bytes.length).toBeLessThan(1024 * 1024);
      const expected = JSON.parse(readFileSync(`${file}.expected.json`, "utf8"));
      const { createHash } = await import("node:crypto");
      expect(expected.source).toEqual({
        path: `${name}.scan.pdf`,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        format: "pdf",
        textLayer: "ocr",
        pages: expected.source.pages,
      });
      const doc = await bytesToDocument(bytes, file);
      try {
        expect(doc.numPages).toBe(expected.source.pages);
        const text = await (await doc.getPage(1)).getTextContent();
        expect(text.items).toHaveLength(0);
      } finally {
        await doc.destroy();
      }
    });
  }
});
