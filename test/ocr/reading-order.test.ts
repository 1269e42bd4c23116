// The text printed just above a skewed scan's table (the year under the title): the table's box in
// page coordinates is the hull of a turned rectangle and reaches above that text, so reading order
// and what counts as residue inside a table's frame are told on the upright page.
import { describe, expect, it } from "vitest";
import type { LatticeTable } from "../../extractors/pdf/ocr/lattice.js";
import { ocrPagesToLayouts } from "../../extractors/pdf/ocr/layouts.js";
import { withoutResidue, type PageResult } from "../../extractors/pdf/ocr/page.js";

/** A page with a title, the year under it, and a table turned by a few degrees (its hull starts above the year). */
function skewedPage(): PageResult {
  return {
    number: 1,
    width: 842,
    height: 595,
    lines: 3,
    seconds: { layout: 0, recognition: 0 },
    texts: [
      {
        text: "项目支出绩效自评表",
        box: { page: 1, x0: 360, y0: 41, x1: 524, y1: 65 },
        top: 42,
        role: "heading",
        confidence: 0.99,
      },
      {
        text: "（2022年度）",
        box: { page: 1, x0: 412, y0: 81, x1: 470, y1: 94 },
        top: 82,
        role: "paragraph",
        confidence: 0.93,
      },
    ],
    tables: [
      {
        page: 1,
        rows: [[{ text: "项目名称", rowSpan: 1, colSpan: 1, box: null, confidence: 0.99 }]],
        box: { page: 1, x0: 39, y0: 75, x1: 831, y1: 396 },
        xs: [42, 828],
        rowTops: [99],
        rowBottoms: [380],
        method: "ocr",
      },
    ],
  };
}

describe("reading order on a skewed scan", () => {
  it("keeps the line printed over a skewed table, before it", () => {
    const [layout] = ocrPagesToLayouts([skewedPage()]);
    expect(layout!.items.map((i) => (i.kind === "text" ? i.block.text : "table"))).toEqual([
      "项目支出绩效自评表",
      "（2022年度）",
      "table",
    ]);
  });

  it("takes for residue only lines whose middle is inside a table's upright frame", () => {
    const table = { box: { x0: 100, y0: 300, x1: 2200, y1: 1000 } } as LatticeTable;
    const year = { x0: 1124, y0: 227, x1: 1285, y1: 257 };
    const ring = { x0: 2120, y0: 900, x1: 2230, y1: 940 }; // a seal's ring crossing the frame
    expect(withoutResidue([year, ring], [table])).toEqual([year]);
  });
});
