// The HTML extractor: tables with spans, nested markup and tables, text around them, and the
// encodings Chinese sites serve (UTF-8, GB2312/GBK/GB18030, declared or not, sometimes wrongly).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bytesToText, declaredLabel } from "../../extractors/html/decode.js";
import { extractHtml } from "../../extractors/html/index.js";
import { textToGbk } from "../../scripts/fixtures/html.js";
import { tableToRows, tablesOf, type Block, type Extraction } from "../../contracts/extraction.js";
import { FIXTURES } from "../helpers.js";

const page = (html: string) => extractHtml(Buffer.from(html, "utf8"), "test.html");
const rowsOf = (e: Extraction, i = 0) => tableToRows(tablesOf(e)[i]!);
const spansOf = (e: Extraction, i = 0) =>
  tablesOf(e)[i]!.rows.map((r) => r.map((c) => (c ? `${c.text}:${c.rowSpan}x${c.colSpan}` : null)));
const outline = (blocks: Block[]) =>
  blocks.map((b) =>
    b.kind === "text"
      ? `${b.role}:${b.text}`
      : `table ${b.table.index} ${b.table.rows.length}x${b.table.rows[0]?.length}`,
  );

describe("HTML tables", () => {
  it("turns rowspan and colspan into spans, placing each cell at the first free position of its row", async () => {
    const e = await page(
      `<table><tr><td rowspan="2">预算执行情况</td><td colspan="2">资金来源</td></tr><tr><td>年初</td><td>调整后</td></tr><tr><td>合计</td><td>1</td><td>2</td></tr></table>`,
    );
    expect(spansOf(e)).toEqual([
      ["预算执行情况:2x1", "资金来源:1x2", null],
      [null, "年初:1x1", "调整后:1x1"],
      ["合计:1x1", "1:1x1", "2:1x1"],
    ]);
    expect(tablesOf(e)[0]!.method).toBe("html");
  });

  it("reads unclosed cells and rows as a browser does, pads short rows, and ends rowspan=0 with its row group", async () => {
    const e = await page(
      `<table><thead><tr><th rowspan=0>一级<th>二级</thead><tbody><tr><td>产出<td>数量<td>x<tr><td>效益</table>`,
    );
    expect(spansOf(e)).toEqual([
      ["一级:1x1", "二级:1x1", ":1x1"],
      ["产出:1x1", "数量:1x1", "x:1x1"],
      ["效益:1x1", ":1x1", ":1x1"],
    ]);
  });

  it("puts tfoot rows last and cuts a colspan that runs into a rowspan from above", async () => {
    const e = await page(
      `<table><tfoot><tr><td>总分</td><td>96</td></tr></tfoot><tr><td>a</td><td rowspan="2">b</td></tr><tr><td colspan="2">c</td></tr></table>`,
    );
    expect(spansOf(e)).toEqual([
      ["a:1x1", "b:2x1"],
      ["c:1x1", null],
      ["总分:1x1", "96:1x1"],
    ]);
  });

  it("reads a cell's nested markup as its text: paragraphs and <br> are lines, inline tags are not breaks", async () => {
    const e = await page(
      `<table><tr><td><p>通过深化<b>救助</b>改革，</p><p>加强<span style="color:red">社会</span>救助</p></td><td>&nbsp;</td><td>≥15<br/>万人&nbsp;&nbsp;以上</td></tr></table>`,
    );
    expect(rowsOf(e)).toEqual([["通过深化救助改革，\n加强社会救助", "", "≥15\n万人  以上"]]);
  });

  it("lists a table nested in a cell as a table of its own after the outer one, its text not in the cell", async () => {
    const e = await page(
      `<table><tr><td>项目</td><td>明细<table><tr><td>甲</td><td>1</td></tr></table></td></tr></table>`,
    );
    expect(outline(e.blocks)).toEqual(["table 0 1x2", "table 1 1x2"]);
    expect(rowsOf(e, 0)).toEqual([["项目", "明细"]]);
    expect(rowsOf(e, 1)).toEqual([["甲", "1"]]);
  });

  it("reads the unruled title and notes rows of a spreadsheet saved as a web page as text, the ruled rows as the table", async () => {
    const e = await page(`<style>
      .xl65 {mso-style-parent:style0; font-size:16.0pt; font-weight:700; text-align:center;}
      .xl66 {mso-style-parent:style0; border:.5pt solid windowtext; white-space:normal;}
      </style><table border=0 cellpadding=0 cellspacing=0>
      <tr><td colspan=3 class=xl65>整体支出绩效自评表</td></tr>
      <tr><td colspan=3>单位：万元</td></tr>
      <tr><td class=xl66>项目</td><td class=xl66 style='border-left:none'>预算数</td><td class=xl66 style='border-left:none'>执行数</td></tr>
      <tr><td class=xl66 style='border-top:none'>合计</td><td class=xl66 style='border-top:none;border-left:none'>10.00</td><td class=xl66>9.50</td></tr>
      <tr><td></td><td></td><td></td></tr>
      <tr><td colspan=2>填报人：张三</td><td>日期：2023</td></tr></table>`);
    expect(outline(e.blocks)).toEqual([
      "heading:整体支出绩效自评表",
      "paragraph:单位：万元",
      "table 0 2x3",
      "paragraph:填报人：张三 日期：2023",
    ]);
    expect(rowsOf(e)).toEqual([
      ["项目", "预算数", "执行数"],
      ["合计", "10.00", "9.50"],
    ]);
  });

  it("reads a one-column table that only holds the page as the page's content", async () => {
    const e = await page(
      `<table width="100%"><tr><td><h2>绩效自评表</h2></td></tr><tr><td><table><tr><td>指标</td><td>分值</td></tr></table><p>备注</p></td></tr></table>`,
    );
    expect(outline(e.blocks)).toEqual(["heading:绩效自评表", "table 0 1x2", "paragraph:备注"]);
  });
});

describe("HTML text", () => {
  it("reads text outside tables as blocks in order, h1–h6 as headings, skipping scripts, styles and hidden elements", async () => {
    const e = await page(`<html><head><title>标题</title><style>p{}</style></head><body>
      <h1>部门整体支出绩效自评报告</h1><script>var a = "<p>no</p>";</script>
      <div>一、基本情况<div style="display: none">隐藏</div></div><p hidden>也隐藏</p>
      <p>第一段
         接着写，<br>另起一行。</p>
      <table><caption>表1 收支</caption><tr><td>a</td><td>b</td></tr></table>
      <h3>（一）存在问题</h3>文字直接在正文里<ul><li>一</li><li>二</li></ul></body></html>`);
    expect(outline(e.blocks)).toEqual([
      "heading:部门整体支出绩效自评报告",
      "paragraph:一、基本情况",
      "paragraph:第一段 接着写，\n另起一行。",
      "paragraph:表1 收支",
      "table 0 1x2",
      "heading:（一）存在问题",
      "paragraph:文字直接在正文里",
      "paragraph:一",
      "paragraph:二",
    ]);
  });

  it("reads Word's MsoTitle paragraphs as headings", async () => {
    const e = await page(`<p class=MsoTitle>2022年度部门整体绩效自评表</p><p class=MsoNormal>正文</p>`);
    expect(outline(e.blocks)).toEqual(["heading:2022年度部门整体绩效自评表", "paragraph:正文"]);
  });
});

describe("HTML encodings", () => {
  const body = "<table><tr><td>柳州市民政局</td><td>≥95%</td></tr></table>";
  const gbk = (declaration: string) => textToGbk(`<html><head>${declaration}</head><body>${body}</body></html>`);

  it("can decode GB18030 here: Node's TextDecoder has it (full ICU)", () => {
    expect(new TextDecoder("gb18030").decode(new Uint8Array([0xc3, 0xf1, 0xd5, 0xfe]))).toBe("民政");
    expect(new TextDecoder("gb2312").encoding).toBe("gbk");
  });

  it("decodes GBK declared by <meta charset>, by http-equiv as gb2312, and undeclared (guessed)", async () => {
    for (const declaration of [
      '<meta charset="gbk">',
      '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
      "",
    ]) {
      const e = await extractHtml(gbk(declaration), "gbk.html");
      expect(rowsOf(e)).toEqual([["柳州市民政局", "≥95%"]]);
      expect(e.warnings).toEqual([]);
    }
    expect(bytesToText(gbk("")).source).toBe("guessed");
    expect(bytesToText(gbk('<meta charset="gbk">'))).toMatchObject({ encoding: "gbk", source: "declared" });
  });

  it("takes the byte order mark over any declaration", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<meta charset="gbk">${body}`, "utf8")]);
    expect(rowsOf(await extractHtml(bytes, "bom.html"))).toEqual([["柳州市民政局", "≥95%"]]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, "utf16le")]);
    expect(rowsOf(await extractHtml(utf16, "utf16.html"))).toEqual([["柳州市民政局", "≥95%"]]);
  });

  it("reads a page that declares UTF-8 but is GBK, and one that declares GB2312 but is UTF-8, with a warning", async () => {
    const liar = await extractHtml(gbk('<meta charset="utf-8">'), "liar.html");
    expect(rowsOf(liar)).toEqual([["柳州市民政局", "≥95%"]]);
    expect(liar.warnings.map((w) => w.code)).toEqual(["html-encoding-mislabelled"]);
    const other = await extractHtml(Buffer.from(`<meta charset="gb2312">${body}`, "utf8"), "other.html");
    expect(rowsOf(other)).toEqual([["柳州市民政局", "≥95%"]]);
    expect(other.warnings.map((w) => w.code)).toEqual(["html-encoding-mislabelled"]);
  });

  it("looks for the declaration only in the first 1024 bytes and outside comments", () => {
    expect(declaredLabel(Buffer.from('<!-- <meta charset="big5"> --><meta charset="gb18030">'))).toBe("gb18030");
    expect(declaredLabel(Buffer.from(`${" ".repeat(1100)}<meta charset="gbk">`))).toBeNull();
    expect(declaredLabel(Buffer.from('<meta name="description" content="charset=big5">'))).toBeNull();
  });

  it("serves the wuhan fixture in GBK, declared the old way, and reads it", async () => {
    const bytes = readFileSync(join(FIXTURES, "wuhan.html"));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    expect(bytes.toString("latin1")).toContain('content="text/html; charset=gb2312"');
    const e = await extractHtml(bytes, "wuhan.html");
    expect(rowsOf(e, 0)[0]).toEqual(["收入决算明细表", "", "", ""]);
  });
});
