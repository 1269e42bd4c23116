// Unusable PDFs and rotated pages. fixtures/bad/*.pdf: encrypted.pdf is a one-page pdfkit file
// encrypted by `qpdf --encrypt secret owner 256`, truncated.pdf its first 60 %, not-a-pdf.pdf a
// line of text, empty.pdf no bytes. test/pdf/fixtures/ holds one ruled table drawn with pdfkit
// three ways: rotated-landscape.pdf (content drawn a quarter turn round, shown upright by
// /Rotate 90 from `qpdf --rotate=+90`), rotated-content.pdf (the same content, no /Rotate: the
// text runs up the page) and upright-rotate90.pdf (upright content, /Rotate 90: text runs down).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractPdf } from "../../extractors/pdf/index.js";
import { UnreadableFileError } from "../../contracts/errors.js";
import { tablesOf } from "../../contracts/extraction.js";
import { FIXTURES, REPO } from "../helpers.js";
import { extract, notation } from "./helpers.js";

/** Given a file under fixtures/bad, return the reason extractPdf refuses it (null when it does not). */
async function refusal(name: string): Promise<string | null> {
  const path = join(FIXTURES, "bad", name);
  try {
    await extractPdf(new Uint8Array(readFileSync(path)), path);
    return null;
  } catch (err) {
    if (err instanceof UnreadableFileError) return err.reason;
    throw err;
  }
}

describe("unusable PDFs", () => {
  it("refuses a PDF that needs a password as encrypted", async () => {
    expect(await refusal("encrypted.pdf")).toBe("encrypted");
  });

  it("refuses a truncated PDF as corrupt", async () => {
    expect(await refusal("truncated.pdf")).toBe("corrupt");
  });

  it("refuses text that is not a PDF as corrupt", async () => {
    expect(await refusal("not-a-pdf.pdf")).toBe("corrupt");
  });

  it("refuses an empty file as empty", async () => {
    expect(await refusal("empty.pdf")).toBe("empty");
  });

  it("leaves the caller's bytes intact (pdf.js transfers the buffer it gets)", async () => {
    const path = join(REPO, "test/pdf/fixtures/rotated-landscape.pdf");
    const bytes = new Uint8Array(readFileSync(path));
    await extractPdf(bytes, path);
    expect(bytes.length).toBeGreaterThan(1000);
  });
});

const GRID = [
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"],
  ["产出指标^2x1", "数量指标^2x1", "救助人数", "≥15万人", "14.64万人"],
  ["·", "·", "养老床位数", "≥2300张", "1700张"],
  ["满意度指标", "满意度", "服务对象满意度", "≥90%", "95%"],
];

describe("rotated pages", () => {
  it.each(["rotated-landscape.pdf", "rotated-content.pdf", "upright-rotate90.pdf"])(
    "reads the table of %s in reading order, title first",
    async (name) => {
      const extraction = await extract(join(REPO, "test/pdf/fixtures", name));
      expect(notation(tablesOf(extraction)[0]!)).toEqual(GRID);
      expect(extraction.blocks.map((b) => (b.kind === "text" ? b.text : "table"))).toEqual([
        "旋转页面测试表",
        "table",
        "说明：页面内容旋转绘制。",
      ]);
    },
  );

  it("gives boxes on the displayed landscape page of a /Rotate 90 page", async () => {
    const table = tablesOf(await extract(join(REPO, "test/pdf/fixtures/rotated-landscape.pdf")))[0]!;
    const first = table.rows[0]![0]!.box!;
    const last = table.rows[3]![4]!.box!;
    // pdfkit drew the table at (60, 80) with columns 80, 80, 160, 90, 90 wide and rows 24 high.
    expect([first.x0, first.y0, first.x1, first.y1].map(Math.round)).toEqual([60, 80, 140, 104]);
    expect([last.x0, last.y0, last.x1, last.y1].map(Math.round)).toEqual([470, 152, 560, 176]);
  });

  it("gives boxes on the displayed page when the text runs up the page", async () => {
    const table = tablesOf(await extract(join(REPO, "test/pdf/fixtures/rotated-content.pdf")))[0]!;
    const first = table.rows[0]![0]!.box!;
    // Upright the cell sat at x 60–140, y 80–104 of an 842-wide landscape; turned, it stands at the page's bottom left.
    expect([first.x0, first.y0, first.x1, first.y1].map(Math.round)).toEqual([80, 702, 104, 782]);
  });
});

describe("a borderless table as LibreOffice draws it", () => {
  // liuzhou-lo-borderless.pdf: fixtures/liuzhou.docx with every border set to nil, converted by
  // LibreOffice 7.4. Wrapped lines stand 5.2 pt apart and rows 7.2 pt: only 2 pt of padding.
  it("joins wrapped lines into their cells and keeps rows apart, over both pages", async () => {
    const tables = tablesOf(await extract(join(REPO, "test/pdf/fixtures/liuzhou-lo-borderless.pdf")));
    expect(tables).toHaveLength(1);
    const grid = notation(tables[0]!);
    expect(tables[0]!.method).toBe("stream");
    expect([...new Set(tables[0]!.rowPages)]).toEqual([1, 2]);
    expect(grid.find((row) => row[3] === "民办养老机构床位补助数量")!.slice(1)).toEqual([
      "产出指标^10x1",
      "数量指标^4x1",
      "民办养老机构床位补助数量",
      "≤2300张",
      "5",
      "1700",
      "5",
      "已完成",
      "",
    ]);
    expect(grid.find((row) => row[3]?.startsWith("婚姻收养登记人数"))!.slice(3, 9)).toEqual([
      "婚姻收养登记人数、开展收养登记评估工作；保障孤儿的福利待遇，发放孤儿保障金",
      "按实际发生数",
      "5",
      "达成预期指标",
      "5",
      "已完成",
    ]);
    expect(grid.find((row) => row[1]?.startsWith("其中"))!.slice(1, 4)).toEqual([
      "其中：一般公共预算拨款^1x2",
      "·",
      "14053.03",
    ]);
  });

  it("gives each level label the rows it is centred over, and a label cut by the page break its rows on both pages", async () => {
    const grid = notation(tablesOf(await extract(join(REPO, "test/pdf/fixtures/liuzhou-lo-borderless.pdf")))[0]!);
    const levels = (name: string) => grid.find((row) => row[3]?.startsWith(name))!.slice(1, 3);
    // 质量指标 stands between its second and third rows (page 2); 效益指标 on the middle one of three.
    expect(levels("婚姻收养登记合格率")).toEqual(["·", "质量指标^4x1"]);
    expect(levels("开展养老服务业建设")).toEqual(["效益指标^3x1", "社会效益指标^2x1"]);
    // 产出指标 starts at the foot of page 1 and covers the six output rows of page 2 as well.
    expect(levels("完成发放残疾人补贴人数")).toEqual(["·", "·"]);
    expect(levels("转移支付资金预算控制率")).toEqual(["·", "成本指标"]);
  });
});
