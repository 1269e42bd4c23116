// The OCR extractor's pure stages on small made-up inputs: seal removal, skew, rules to a grid
// with spans, borderless tables by alignment, CTC decoding and the tidying of readings.
import { describe, expect, it } from "vitest";
import { binaryToSkew, rotateGray } from "../../extractors/pdf/ocr/deskew.js";
import { ctcDecode } from "../../extractors/pdf/ocr/engines/paddle.js";
import { looksNumeric, normalizeFigure } from "../../extractors/pdf/ocr/engines/types.js";
import { grayToBinary, rgbaToGray, type GrayImage } from "../../extractors/pdf/ocr/image.js";
import { segmentsToTables } from "../../extractors/pdf/ocr/lattice.js";
import { joinLines, tidyText } from "../../extractors/pdf/ocr/page.js";
import { binaryToSegments, type Segment } from "../../extractors/pdf/ocr/rules.js";
import { defaultOcrSettings } from "../../extractors/pdf/ocr/settings.js";
import { linesToStreamTables, type TextLine } from "../../extractors/pdf/ocr/stream.js";

const seal = defaultOcrSettings.seal;

function rgba(pixels: [number, number, number][]) {
  return { width: pixels.length, height: 1, data: new Uint8Array(pixels.flatMap(([r, g, b]) => [r, g, b, 255])) };
}

function blank(width: number, height: number): GrayImage {
  return { width, height, data: new Uint8Array(width * height).fill(255) };
}

function draw(image: GrayImage, x0: number, y0: number, x1: number, y1: number): void {
  for (let y = y0; y < y1; y++) image.data.fill(0, y * image.width + x0, y * image.width + x1);
}

const lattice = { snap: 4, minCoverage: 0.5, minCell: 8, minFrame: 0.7, minSize: 30 };
const h = (at: number, from: number, to: number): Segment => ({ horizontal: true, at, from, to, thickness: 2 });
const v = (at: number, from: number, to: number): Segment => ({ horizontal: false, at, from, to, thickness: 2 });

describe("seal removal", () => {
  // A page is mostly paper, with print and its anti-aliased edges: 40 pixels of paper, 20 of print,
  // 20 of edges, then the pixels under test.
  const paper: [number, number, number] = [246, 243, 236];
  const fill = (n: number, p: [number, number, number]) => Array.from({ length: n }, () => p);
  const page = (pixels: [number, number, number][]) =>
    rgba([...fill(40, paper), ...fill(20, [20, 20, 20]), ...fill(20, [200, 200, 200]), ...pixels]);
  const at = 80;

  it("turns seal red to paper, keeps black print and print darkened under the seal's ink", () => {
    const { gray, seal: mask } = rgbaToGray(
      page([
        [214, 38, 42],
        [214, 38, 42],
        [214, 38, 42],
        [20, 20, 20],
        [84, 15, 16],
        [214, 38, 42],
      ]),
      seal,
    );
    expect(gray.data[at]).toBeGreaterThanOrEqual(244);
    expect(gray.data[at + 3]).toBeLessThan(40);
    expect(gray.data[at + 4]).toBeLessThan(100);
    expect(gray.data[0]).toBeGreaterThan(230);
    expect(mask.data[at]).toBe(1);
  });

  it("turns the seal's outline, barely red and lighter than print, to paper", () => {
    // JPEG's quarter-resolution colour leaves the ink's edge gray: next to the ink, lighter than print.
    const { gray } = rgbaToGray(
      page([
        [214, 38, 42],
        [214, 38, 42],
        [190, 150, 150],
        [246, 243, 236],
      ]),
      seal,
    );
    expect(gray.data[at + 2]).toBe(255);
  });

  it("leaves a page without a seal as its red channel", () => {
    const { gray } = rgbaToGray(page([[20, 20, 20]]), seal);
    expect(gray.data[0]).toBe(246);
    expect(gray.data[at]).toBe(20);
  });
});

describe("deskew", () => {
  it("measures the turn of a page of ruled lines and turns it back", () => {
    const page = blank(400, 300);
    for (let y = 40; y < 280; y += 30) draw(page, 20, y, 380, y + 2);
    const turned = rotateGray(page, 1.5);
    const skew = binaryToSkew(grayToBinary(turned, 128), {
      maxDegrees: 3,
      coarseStep: 0.2,
      fineStep: 0.02,
      samples: 20_000,
    });
    expect(Math.abs(skew + 1.5)).toBeLessThan(0.1);
  });
});

describe("rules to a grid", () => {
  it("makes a 2×3 grid whose missing middle segment in the first row joins two cells", () => {
    const segments = [
      h(0, 0, 300),
      h(50, 0, 300),
      h(100, 0, 300),
      v(0, 0, 100),
      v(100, 50, 100),
      v(200, 0, 100),
      v(300, 0, 100),
    ];
    const [table] = segmentsToTables(segments, lattice);
    expect(table!.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan])).toEqual([
      [0, 0, 1, 2],
      [0, 2, 1, 1],
      [1, 0, 1, 1],
      [1, 1, 1, 1],
      [1, 2, 1, 1],
    ]);
  });

  it("joins two rows where the horizontal rule between them is missing in one column", () => {
    const segments = [h(0, 0, 200), h(50, 100, 200), h(100, 0, 200), v(0, 0, 100), v(100, 0, 100), v(200, 0, 100)];
    const [table] = segmentsToTables(segments, lattice);
    expect(table!.cells.find((c) => c.col === 0)).toMatchObject({ row: 0, rowSpan: 2, colSpan: 1 });
  });

  it("decides a boundary missing under a seal by the same line beside the seal", () => {
    // Five rows, three columns. The rule between columns 1 and 2 is drawn in rows 0 and 4 and lost
    // in rows 1-3 under a seal (its box); the rule between columns 0 and 1 is drawn in row 0 only,
    // the cell below it spanning both columns, and the seal covers rows 1-3 of it too.
    const segments = [
      ...[0, 50, 100, 150, 200, 250].map((y) => h(y, 0, 300)),
      v(0, 0, 250),
      v(300, 0, 250),
      v(100, 0, 50),
      v(200, 0, 50),
      v(200, 200, 250),
    ];
    const seals = { boxes: [{ x0: 60, y0: 40, x1: 260, y1: 210 }], ink: null };
    const [table] = segmentsToTables(segments, lattice, seals);
    const cellsOfRow = (r: number) => table!.cells.filter((c) => c.row === r).map((c) => [c.col, c.colSpan]);
    // Drawn above and below the seal: hidden by it, so drawn.
    expect(cellsOfRow(2)).toEqual([
      [0, 2],
      [2, 1],
    ]);
    // Open below the seal (row 4 spans columns 0-1): the seal hid nothing there.
    expect(cellsOfRow(4)).toEqual([
      [0, 2],
      [2, 1],
    ]);
    // Without the seal, rows 1-3 would have no boundary between columns 1 and 2.
    expect(segmentsToTables(segments, lattice)[0]!.cells.filter((c) => c.row === 2)).toHaveLength(1);
  });

  it("takes no table from strokes that do not close a frame", () => {
    expect(segmentsToTables([h(0, 0, 100), v(10, 0, 60), v(50, 0, 60), h(40, 0, 60)], lattice)).toEqual([]);
  });

  const ruleSettings = { minRun: 30, runGap: 2, joinGap: 10, sealGap: 60, maxThickness: 8, endSlack: 6, longRule: 200 };

  it("finds the rules of a drawn grid and none in a line of short strokes", () => {
    const page = blank(300, 200);
    for (const y of [20, 100, 180]) draw(page, 20, y, 281, y + 2);
    for (const x of [20, 150, 279]) draw(page, x, 20, x + 2, 182);
    for (let x = 30; x < 140; x += 12) draw(page, x, 60, x + 8, 62); // dashes, like strokes of text
    const segments = binaryToSegments(grayToBinary(page, 128), { ...ruleSettings, minRun: 30 });
    expect(segments.filter((s) => s.horizontal).map((s) => Math.round(s.at))).toEqual([21, 101, 181]);
    expect(segments.filter((s) => !s.horizontal)).toHaveLength(3);
  });

  it("keeps a long rule that fades before the far border, its two pieces joined", () => {
    const page = blank(300, 200);
    for (const y of [20, 180]) draw(page, 20, y, 281, y + 2);
    for (const x of [20, 279]) draw(page, x, 20, x + 2, 182);
    // Worn: drawn from the left border to x = 240 in two pieces (one a pixel lower), then gone.
    draw(page, 20, 100, 60, 102);
    draw(page, 66, 101, 240, 103);
    draw(page, 90, 60, 110, 62); // a short stroke meeting nothing
    const segments = binaryToSegments(grayToBinary(page, 128), { ...ruleSettings, minRun: 15 });
    const worn = segments.filter((s) => s.horizontal && Math.round(s.at) > 90 && Math.round(s.at) < 110);
    expect(worn).toHaveLength(1);
    expect([worn[0]!.from, worn[0]!.to]).toEqual([20, 240]);
    expect(segments.filter((s) => s.horizontal).map((s) => Math.round(s.at))).toHaveLength(3);
  });

  it("joins a rule that worn toner broke into pieces, but not the aligned strokes of a line of text", () => {
    const page = blank(400, 200);
    for (const y of [20, 180]) draw(page, 20, y, 381, y + 2);
    for (const x of [20, 379]) draw(page, x, 20, x + 2, 182);
    // A worn rule at y = 100, border to border, with gaps of 25 px (more than the join gap).
    for (let x = 20; x < 380; x += 95) draw(page, x, 100, Math.min(381, x + 70), 102);
    // A line of text at y = 60: the same bars, with the characters' other strokes crossing them.
    for (let x = 24; x < 376; x += 95) draw(page, x, 60, Math.min(377, x + 70), 62);
    for (let x = 24; x < 376; x += 5) draw(page, x, 50, x + 2, 72);
    const segments = binaryToSegments(grayToBinary(page, 128), ruleSettings);
    const horizontal = segments.filter((s) => s.horizontal);
    expect(horizontal.map((s) => Math.round(s.at))).toEqual([21, 101, 181]);
    expect([horizontal[1]!.from, horizontal[1]!.to]).toEqual([20, 375]);
  });
});

describe("borderless tables", () => {
  const line = (y: number, ...xs: [number, number, string][]): TextLine => ({
    box: { x0: xs[0]![0], y0: y, x1: xs[xs.length - 1]![1], y1: y + 20 },
    chunks: xs.map(([x0, x1, text]) => ({ box: { x0, y0: y, x1, y1: y + 20 }, text, confidence: 0.9 })),
  });

  it("reads aligned chunks on consecutive lines as rows and columns, and leaves a title as text", () => {
    const lines = [
      line(0, [100, 400, "标题"]),
      line(40, [10, 90, "指标"], [200, 260, "分值"]),
      line(70, [10, 80, "满意度"], [205, 250, "10"]),
      line(100, [12, 95, "及时性"], [210, 240, "5"]),
    ];
    const { tables, rest } = linesToStreamTables(lines, defaultOcrSettings.stream);
    expect(rest.map((l) => l.chunks[0]!.text)).toEqual(["标题"]);
    expect(tables[0]!.rows.map((r) => r.map((c) => c.map((k) => k.text).join("")))).toEqual([
      ["指标", "分值"],
      ["满意度", "10"],
      ["及时性", "5"],
    ]);
  });
});

describe("readings", () => {
  it("decodes CTC steps, dropping blanks and repeats, and prefers ≤ over a close <", () => {
    const classes = ["", "<", "≤", "5", "%"];
    const steps = [
      [0.1, 0.5, 0.3, 0.1, 0],
      [0.9, 0, 0, 0.1, 0],
      [0.1, 0, 0, 0.9, 0],
      [0.1, 0, 0, 0.9, 0],
      [0.1, 0, 0, 0, 0.9],
    ];
    const probs = new Float32Array(steps.flat());
    expect(ctcDecode(probs, 5, classes, null).text).toBe("<5%");
    expect(ctcDecode(probs, 5, classes, null, new Map([[1, { to: [2], share: 1 / 3 }]])).text).toBe("≤5%");
    expect(ctcDecode(probs, 5, classes, null, new Map([[1, { to: [2], share: 0.7 }]])).text).toBe("<5%");
    expect(ctcDecode(probs, 5, classes, new Uint8Array([1, 0, 1, 1, 1])).text).toBe("≤5%");
  });

  it("reads a comparator the model splits between its lookalikes as the first glyph of a figure, and only there", () => {
    const classes = ["", ">", "≥", "1", "2"];
    // Step 0: the blank alone is likeliest, "≥" and ">" together likelier still.
    const steps = [
      [0.4, 0.25, 0.3, 0.05, 0],
      [0.1, 0, 0, 0.9, 0],
      [0.4, 0.25, 0.3, 0.05, 0],
      [0.1, 0, 0, 0, 0.9],
    ];
    const probs = new Float32Array(steps.flat());
    expect(ctcDecode(probs, 4, classes, null).text).toBe("12");
    expect(ctcDecode(probs, 4, classes, null, new Map(), [[2, 1]]).text).toBe("≥12");
  });

  it("tells figures from text and prints them in the documents' forms", () => {
    expect(looksNumeric("≥15万人")).toBe(true);
    expect(looksNumeric("14845.77")).toBe(true);
    expect(looksNumeric("绩效目标1")).toBe(false);
    expect(normalizeFigure("１５％")).toBe("15%");
    // A slanted "⩽" read as the double angle bracket, brackets read full width.
    expect(normalizeFigure("《1100.00（元）")).toBe("≤1100.00(元)");
    expect(looksNumeric("3.50（万人")).toBe(true);
  });

  it("joins a cell's lines without a space between Chinese, and drops dots read into specks", () => {
    expect(joinLines(["其中：一般公共", "预算拨款"])).toBe("其中：一般公共预算拨款");
    expect(tidyText("≥15 万人")).toBe("≥15万人");
    expect(tidyText(".=100%")).toBe("=100%");
    expect(tidyText("收入.持续·增长")).toBe("收入持续增长");
    expect(tidyText("1.2022年")).toBe("1.2022年");
  });
});

describe("figures read beside specks", () => {
  it("lose the quotes and stops a speck adds, and keep their units", () => {
    expect(tidyText("'3")).toBe("3");
    expect(tidyText("7.")).toBe("7");
    expect(tidyText("4,")).toBe("4");
    expect(tidyText("≥90%.")).toBe("≥90%");
    expect(tidyText("14.64万人")).toBe("14.64万人");
    expect(tidyText("扣完为止。")).toBe("扣完为止。");
  });
});
