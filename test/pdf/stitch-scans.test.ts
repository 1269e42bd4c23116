// One stitcher for text layers and scans: a table continued on a scanned page that lies otherwise
// on the glass (another scale and margins, a page a few points larger), whose repeated header OCR
// read afresh with a character changed, or which carries no header row at all.
import { describe, expect, it } from "vitest";
import type { Cell } from "../../contracts/extraction.js";
import type { PageTable } from "../../extractors/pdf/assign.js";
import { defaultPdfSettings } from "../../extractors/pdf/settings.js";
import { pagesToBlocks, sameSize, type PageLayout } from "../../extractors/pdf/stitch.js";

const read = (text: string, rowSpan = 1): Cell => ({ text, rowSpan, colSpan: 1, box: null, confidence: 0.93 });
const HEADER = ["一级指标", "二级指标", "三级指标", "分值", "得分"];
const XS = [40, 110, 180, 400, 470, 540];

/** Given rows, the page, the table's top, a zoom and a shift (a scanned sheet), and the page size, return a one-table page. */
function scannedPage(
  rows: (Cell | null)[][],
  page: number,
  top: number,
  zoom = 1,
  shift = 0,
  size = [595, 842],
): PageLayout {
  const xs = XS.map((x) => Math.round((shift + x * zoom) * 100) / 100);
  const h = 20 * zoom;
  return {
    number: page,
    width: size[0]!,
    height: size[1]!,
    items: [
      {
        kind: "table",
        table: {
          page,
          rows,
          xs,
          rowTops: rows.map((_, i) => top + h * i),
          rowBottoms: rows.map((_, i) => top + h * (i + 1)),
          box: { x0: xs[0]!, x1: xs.at(-1)!, y0: top, y1: top + h * rows.length },
          method: "lattice",
        } satisfies PageTable,
      },
    ],
  };
}

const body = (n: number, from: number) =>
  Array.from({ length: n }, (_, i) => [read(""), read(""), read(`指标${from + i}`), read("5"), read("5")]);

function stitched(pages: PageLayout[]): string[][][] {
  return pagesToBlocks(pages, defaultPdfSettings.stitch).flatMap((b) =>
    b.kind === "table" ? [b.table.rows.map((r) => r.map((c) => c?.text ?? ""))] : [],
  );
}

describe("stitching a table continued on a scanned page", () => {
  const first = () => [
    HEADER.map((t) => read(t)),
    [read("产出指标", 5), read("数量指标", 5), read("指标0"), read("5"), read("5")],
    ...body(4, 1).map((r) => [null, null, ...r.slice(2)]),
  ];

  it("joins a continuation scanned 4% smaller, shifted, on a sheet 6 points larger, with no header row", () => {
    const one = scannedPage(first(), 1, 842 - 40 - 20 * 6);
    const two = scannedPage(body(3, 5), 2, 30, 0.96, 14, [599, 846]);
    const tables = stitched([one, two]);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.map((r) => r[2])).toEqual([
      "三级指标",
      "指标0",
      "指标1",
      "指标2",
      "指标3",
      "指标4",
      "指标5",
      "指标6",
      "指标7",
    ]);
  });

  it("drops a repeated header that OCR read with one character changed", () => {
    const one = scannedPage(first(), 1, 842 - 40 - 20 * 6);
    const again = ["一级指标", "二级指标", "三级指怀", "分值", "得分"].map((t) => read(t));
    const tables = stitched([one, scannedPage([again, ...body(2, 5)], 2, 30, 1.03, -8)]);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.map((r) => r[2])).toEqual([
      "三级指标",
      "指标0",
      "指标1",
      "指标2",
      "指标3",
      "指标4",
      "指标5",
      "指标6",
    ]);
  });

  it("keeps a table apart whose columns differ beyond the zoom a scan allows", () => {
    const one = scannedPage(first(), 1, 842 - 40 - 20 * 6);
    const other = scannedPage(body(2, 5), 2, 30, 1, 0);
    const moved = other.items[0]!.kind === "table" ? other.items[0]!.table : null;
    moved!.xs = [40, 200, 260, 400, 470, 540];
    expect(stitched([one, other])).toHaveLength(2);
  });

  it("takes pages within 3% of each other for one size, and a landscape page for another", () => {
    expect(sameSize({ width: 595, height: 842 }, { width: 601, height: 850 }, defaultPdfSettings.stitch)).toBe(true);
    expect(sameSize({ width: 595, height: 842 }, { width: 842, height: 595 }, defaultPdfSettings.stitch)).toBe(false);
  });
});
