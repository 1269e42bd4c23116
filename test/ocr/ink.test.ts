// The OCR extractor's reading of ink on small made-up pages: specks left by a seal's JPEG fringe,
// what is left of a worn rule beside a cell's border, a dash alone in a cell, a line of text that
// reaches the bottom of its cell, and figures of two rows read into one cell whose rule was lost.
import { describe, expect, it } from "vitest";
import type { BinaryImage, PixelBox } from "../../extractors/pdf/ocr/image.js";
import type { LatticeCell } from "../../extractors/pdf/ocr/lattice.js";
import { figuresByRow, isDash, withoutCrumbLines } from "../../extractors/pdf/ocr/page.js";
import { binaryToComponents, inkToText } from "../../extractors/pdf/ocr/specks.js";
import { splitAtBlankBoundaries } from "../../extractors/pdf/ocr/blank-boundaries.js";
import { regionToRectangles, type LatticeTable } from "../../extractors/pdf/ocr/lattice.js";
import { regionToLines } from "../../extractors/pdf/ocr/textlines.js";

function page(width: number, height: number): BinaryImage {
  return { width, height, data: new Uint8Array(width * height) };
}

function ink(image: BinaryImage, x0: number, y0: number, x1: number, y1: number): void {
  for (let y = y0; y < y1; y++) image.data.fill(1, y * image.width + x0, y * image.width + x1);
}

function count(image: BinaryImage, box: PixelBox): number {
  let n = 0;
  for (let y = box.y0; y < box.y1; y++) for (let x = box.x0; x < box.x1; x++) n += image.data[y * image.width + x]!;
  return n;
}

/** Three glyph-sized strokes with a decimal point between them, as "3.5" prints at 200 dpi. */
function figure(image: BinaryImage, x: number, y: number): void {
  ink(image, x, y, x + 3, y + 20);
  ink(image, x + 6, y + 17, x + 9, y + 20); // the point
  ink(image, x + 12, y, x + 15, y + 20);
}

const lineSettings = { minHeight: 10, minWidth: 10, rowGap: 1, chunkGap: 1.2, maxHeightRatio: 1.8 };

describe("connected components", () => {
  it("labels 8-connected ink as one component and gives each its box", () => {
    const image = page(20, 10);
    ink(image, 1, 1, 3, 3);
    ink(image, 3, 3, 5, 5); // touches the first at a corner
    ink(image, 10, 2, 12, 8);
    const { count: n, boxes } = binaryToComponents(image);
    expect(n).toBe(2);
    const found = [1, 2].map((c) => [...boxes.slice(4 * c, 4 * c + 4)]).sort((a, b) => a[0]! - b[0]!);
    expect(found).toEqual([
      [1, 1, 5, 5],
      [10, 2, 12, 8],
    ]);
  });
});

const settings = { glyphHeight: 5, minWidth: 10, reach: 4 };
const removeSpecks = (image: BinaryImage) => inkToText(image, [], 4, settings);

describe("specks", () => {
  it("drops crumbs among crumbs and keeps the decimal point beside its digits", () => {
    const image = page(120, 40);
    figure(image, 10, 10);
    for (const [x, y] of [
      [60, 5],
      [64, 8],
      [70, 30],
      [80, 12],
      [90, 20],
    ] as const)
      ink(image, x!, y!, x! + 2, y! + 2);
    const clean = removeSpecks(image);
    expect(count(clean, { x0: 16, y0: 27, x1: 19, y1: 30 })).toBe(9); // the point
    expect(count(clean, { x0: 10, y0: 10, x1: 25, y1: 30 })).toBe(count(image, { x0: 10, y0: 10, x1: 25, y1: 30 }));
    expect(count(clean, { x0: 50, y0: 0, x1: 120, y1: 40 })).toBe(0);
  });

  it("keeps a dash: flat, but as wide as a glyph", () => {
    const image = page(60, 20);
    ink(image, 10, 9, 30, 11);
    expect(count(removeSpecks(image), { x0: 0, y0: 0, x1: 60, y1: 20 })).toBe(40);
  });

  it("lets a cell whose crumbs spread over it be read as its line of text", () => {
    // Crumbs above, below and beside the figure made its line as tall as the cell and mostly paper.
    const image = page(200, 40);
    figure(image, 20, 12);
    for (let x = 60; x < 190; x += 9) ink(image, x, 2 + (x % 30), x + 2, 4 + (x % 30));
    ink(image, 40, 3, 42, 5);
    const region = { x0: 0, y0: 0, x1: 200, y1: 40 };
    expect(regionToLines(image, region, lineSettings)).toEqual([]);
    expect(regionToLines(removeSpecks(image), region, lineSettings)).toEqual([{ x0: 20, y0: 12, x1: 35, y1: 32 }]);
  });
});

describe("rule remnants", () => {
  const cell = { x0: 10, y0: 10, x1: 110, y1: 50 };

  it("drops a thin piece along a cell's border and keeps the text off it", () => {
    const image = page(130, 60);
    ink(image, 108, 15, 111, 40); // what is left of the right rule
    ink(image, 20, 48, 70, 50); // of the bottom rule
    figure(image, 40, 20);
    const clean = inkToText(image, [cell], 4, settings);
    expect(count(clean, { x0: 100, y0: 0, x1: 130, y1: 60 })).toBe(0);
    expect(count(clean, { x0: 0, y0: 45, x1: 130, y1: 60 })).toBe(0);
    expect(count(clean, { x0: 40, y0: 20, x1: 55, y1: 40 })).toBe(count(image, { x0: 40, y0: 20, x1: 55, y1: 40 }));
  });

  it("keeps a tall narrow glyph that stands off the border", () => {
    const image = page(130, 60);
    ink(image, 30, 15, 33, 40); // "1"
    expect(count(inkToText(image, [cell], 4, settings), { x0: 0, y0: 0, x1: 130, y1: 60 })).toBe(75);
  });
});

describe("lines of a cell", () => {
  it("finds a line whose ink reaches the bottom of its cell", () => {
    // "合计" printed low in a merged cell, its last rows of ink in the cell's last row of pixels.
    const image = page(100, 40);
    ink(image, 20, 2, 60, 3);
    ink(image, 30, 18, 50, 40);
    expect(regionToLines(image, { x0: 0, y0: 0, x1: 100, y1: 40 }, lineSettings)).toEqual([
      { x0: 30, y0: 18, x1: 50, y1: 40 },
    ]);
  });

  it("leaves out a flat bit of ink beside a line of text, and keeps a dash that is the cell's whole content", () => {
    const crumb = { x0: 230, y0: 2, x1: 242, y1: 9 };
    const text = { x0: 10, y0: 10, x1: 130, y1: 36 };
    expect(withoutCrumbLines([crumb, text], 10)).toEqual([text]);
    expect(withoutCrumbLines([{ x0: 10, y0: 20, x1: 40, y1: 23 }], 10)).toEqual([{ x0: 10, y0: 20, x1: 40, y1: 23 }]);
  });

  it("tells a dash alone in a cell from a figure by its shape", () => {
    expect(isDash({ x0: 0, y0: 0, x1: 30, y1: 3 }, 22)).toBe(true);
    expect(isDash({ x0: 0, y0: 0, x1: 6, y1: 20 }, 22)).toBe(false); // "1"
    expect(isDash({ x0: 0, y0: 0, x1: 5, y1: 4 }, 22)).toBe(false); // a speck, not as wide
  });
});

describe("figures of two rows in one cell", () => {
  const cell: LatticeCell = { row: 4, col: 7, rowSpan: 2, colSpan: 1, box: { x0: 0, y0: 100, x1: 60, y1: 180 } };
  const ys = [0, 25, 50, 75, 100, 140, 180];
  const read = (text: string) => ({ text, confidence: 0.99 });

  it("splits a score above a score into their rows, passing over what reads as nothing", () => {
    const lines = [
      { x0: 10, y0: 110, x1: 20, y1: 128 },
      { x0: 8, y0: 139, x1: 50, y1: 141 },
      { x0: 10, y0: 150, x1: 30, y1: 168 },
    ];
    expect(figuresByRow(cell, lines, [read("9"), read(""), read("10")], ys)).toEqual([read("9"), read("10")]);
  });

  it("splits a figure with its unit above a percentage into their rows", () => {
    const lines = [
      { x0: 10, y0: 110, x1: 50, y1: 128 },
      { x0: 10, y0: 150, x1: 50, y1: 168 },
    ];
    expect(figuresByRow(cell, lines, [read("100张"), read("100%")], ys)).toEqual([read("100张"), read("100%")]);
  });

  it("keeps a label wrapped over the rows it is merged down as one cell", () => {
    const lines = [
      { x0: 10, y0: 110, x1: 50, y1: 128 },
      { x0: 10, y0: 150, x1: 30, y1: 168 },
    ];
    expect(figuresByRow(cell, lines, [read("数量指"), read("标")], ys)).toBeNull();
  });

  it("keeps two lines that both lie in the first row as one cell", () => {
    const lines = [
      { x0: 10, y0: 102, x1: 20, y1: 118 },
      { x0: 10, y0: 120, x1: 30, y1: 136 },
    ];
    expect(figuresByRow(cell, lines, [read("9"), read("10")], ys)).toBeNull();
  });
});

describe("a boundary lost in one row", () => {
  // Two rows, three columns; in the header row the rule between columns 1 and 2 was lost.
  const table = (): LatticeTable => {
    const xs = [0, 60, 160, 260];
    const ys = [0, 40, 80];
    const cell = (row: number, col: number, colSpan: number) => ({
      row,
      col,
      rowSpan: 1,
      colSpan,
      box: { x0: xs[col]!, y0: ys[row]!, x1: xs[col + colSpan]!, y1: ys[row + 1]! },
    });
    return {
      xs,
      ys,
      cells: [cell(0, 0, 1), cell(0, 1, 2), cell(1, 0, 1), cell(1, 1, 1), cell(1, 2, 1)],
      box: { x0: 0, y0: 0, x1: 260, y1: 80 },
      irregular: 0,
    };
  };

  it("splits a header cell holding two words apart on both sides of a boundary drawn below", () => {
    const image = page(260, 80);
    ink(image, 80, 10, 140, 30); // 二级指标
    ink(image, 180, 10, 240, 30); // 三级指标
    const split = splitAtBlankBoundaries(table(), image, 8, 2);
    expect(split.cells.filter((c) => c.row === 0).map((c) => [c.col, c.colSpan])).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
  });

  it("keeps a cell whole where the blank at the boundary lies under a seal, whose removal may have taken the text", () => {
    const image = page(260, 80);
    ink(image, 80, 10, 140, 30);
    ink(image, 180, 10, 240, 30);
    const seal = { x0: 130, y0: 0, x1: 200, y1: 60 };
    expect(splitAtBlankBoundaries(table(), image, 8, 2, [seal]).cells).toHaveLength(5);
  });

  it("keeps a merged cell whose text crosses the boundary, or stands on one side of it", () => {
    const crossing = page(260, 80);
    ink(crossing, 120, 10, 200, 30); // a title centred over both columns
    expect(splitAtBlankBoundaries(table(), crossing, 8, 2).cells).toHaveLength(5);
    const oneSide = page(260, 80);
    ink(oneSide, 70, 10, 120, 30);
    expect(splitAtBlankBoundaries(table(), oneSide, 8, 2).cells).toHaveLength(5);
  });
});

describe("a region of the grid that is not a rectangle", () => {
  it("keeps a heading row joined to one cell below whole, and the cell below apart", () => {
    // Row 4 spans six columns; a worn rule under its first column joins (5, 0) to it.
    const region: [number, number][] = [0, 1, 2, 3, 4, 5].map((c) => [4, c] as [number, number]);
    expect(regionToRectangles([...region, [5, 0]])).toEqual([
      [4, 0, 4, 5],
      [5, 0, 5, 0],
    ]);
  });

  it("keeps a label merged down its rows whole, and the cell beside it apart", () => {
    const column: [number, number][] = [1, 2, 3, 4].map((r) => [r, 0] as [number, number]);
    expect(regionToRectangles([...column, [2, 1]])).toEqual([
      [1, 0, 4, 0],
      [2, 1, 2, 1],
    ]);
  });
});
