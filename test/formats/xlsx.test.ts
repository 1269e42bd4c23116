// The XLSX extractor on small workbooks written for each point, and on the committed fixtures.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { defaultLimits, setLimits } from "../../contracts/limits.js";
import { describe, expect, it } from "vitest";
import { extractXlsx } from "../../extractors/xlsx/index.js";
import { numberToShownText } from "../../extractors/xlsx/numfmt.js";
import { refToPosition } from "../../extractors/xlsx/sheet.js";
import { tableToRows, tablesOf, type Block, type Extraction } from "../../contracts/extraction.js";
import { UnreadableFileError } from "../../contracts/errors.js";
import { FIXTURES } from "../helpers.js";
import { stylesWith, xlsxOf } from "./build.js";

const read = (bytes: Uint8Array) => extractXlsx(bytes, "test.xlsx");
const rowsOf = (e: Extraction, i = 0) => tableToRows(tablesOf(e)[i]!);
const spansOf = (e: Extraction, i = 0) =>
  tablesOf(e)[i]!.rows.map((r) => r.map((c) => (c ? `${c.text}:${c.rowSpan}x${c.colSpan}` : null)));
const outline = (blocks: Block[]) =>
  blocks.map((b) =>
    b.kind === "text" ? `${b.role}:${b.text}` : `table ${b.table.rows.length}x${b.table.rows[0]?.length}`,
  );

/** A sheet's sheetData from rows of [ref, inner XML of c, attributes] triples. */
function sheetData(rows: string[][]): string {
  return `<sheetData>${rows.map((cells, r) => `<row r="${r + 1}">${cells.join("")}</row>`).join("")}</sheetData>`;
}

describe("XLSX cells", () => {
  it("reads shared strings, inline strings and rich text runs, leaving out phonetic guides", async () => {
    const e = await read(
      xlsxOf({
        strings: [
          "<t>部门名称</t>",
          '<r><t>年度</t></r><r><rPr><b/></rPr><t xml:space="preserve">绩效 </t></r><r><t>目标</t></r>',
          '<t>民政</t><rPh sb="0" eb="2"><t>minzheng</t></rPh>',
        ],
        sheets: [
          {
            name: "表1",
            body: sheetData([
              [
                '<c r="A1" t="s"><v>0</v></c>',
                '<c r="B1" t="s"><v>1</v></c>',
                '<c r="C1" t="s"><v>2</v></c>',
                '<c r="D1" t="inlineStr"><is><t>第一行_x000D_\n第二行</t></is></c>',
              ],
            ]),
          },
        ],
      }),
    );
    expect(rowsOf(e)).toEqual([["部门名称", "年度绩效 目标", "民政", "第一行\n第二行"]]);
  });

  it("reads booleans, errors and cached formula results, and warns of formulas never calculated", async () => {
    const e = await read(
      xlsxOf({
        sheets: [
          {
            name: "S",
            body: sheetData([
              [
                '<c r="A1" t="b"><v>1</v></c>',
                '<c r="B1" t="e"><v>#DIV/0!</v></c>',
                '<c r="C1" t="str"><f>A1&amp;"x"</f><v>TRUEx</v></c>',
                '<c r="D1"><f>1+1</f></c>',
                '<c r="E1"><v>7</v></c>',
              ],
            ]),
          },
        ],
      }),
    );
    expect(rowsOf(e)).toEqual([["TRUE", "#DIV/0!", "TRUEx", "", "7"]]);
    expect(e.warnings).toEqual([
      {
        code: "xlsx-formula-uncached",
        message: 'sheet "S": 1 formula cells carry no computed value and read as empty',
        page: null,
      },
    ]);
  });

  it("places cells by their references, and cells and rows without one after the previous", async () => {
    const body =
      '<sheetData><row r="2"><c r="B2"><v>1</v></c><c><v>2</v></c></row><row><c r="D3"><v>3</v></c></row></sheetData>';
    expect(rowsOf(await read(xlsxOf({ sheets: [{ name: "S", body }] })))).toEqual([
      ["1", "2", ""],
      ["", "", "3"],
    ]);
    expect(refToPosition("AB12")).toEqual({ row: 11, col: 27 });
    expect(refToPosition("XFE1")).toBeNull();
  });
});

describe("XLSX number formats", () => {
  it("shows numbers as their formats print them: percentages, fixed decimals, thousands, built-in ids", async () => {
    const styles = stylesWith([
      { id: 164, code: "0.0%" },
      { id: 165, code: "0.00" },
      { id: 4 },
      { id: 10 },
      { id: 166, code: '#,##0.00"万元"' },
      { id: 49 },
    ]);
    const cells = ["0.968", "110540", "2022.8", "0.99234", "1234.5", "0012"].map(
      (v, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${4 + i}"><v>${v}</v></c>`,
    );
    expect(rowsOf(await read(xlsxOf({ styles, sheets: [{ name: "S", body: sheetData([cells]) }] })))).toEqual([
      ["96.8%", "110540.00", "2,022.80", "99.23%", "1,234.50万元", "12"],
    ]);
  });

  it("shows General numbers without float noise and dates in Chinese built-in and custom formats", async () => {
    const styles = stylesWith([{ id: 14 }, { id: 31 }, { id: 167, code: "yyyy.m.d" }, { id: 0 }]);
    const cells = [
      '<c r="A1" s="4"><v>44635</v></c>',
      '<c r="B1" s="5"><v>44635</v></c>',
      '<c r="C1" s="6"><v>44635</v></c>',
      '<c r="D1" s="7"><v>0.30000000000000004</v></c>',
    ];
    expect(rowsOf(await read(xlsxOf({ styles, sheets: [{ name: "S", body: sheetData([cells]) }] })))).toEqual([
      ["2022/3/15", "2022年3月15日", "2022.3.15", "0.3"],
    ]);
  });

  it('counts dates from 1904 when the workbook says so, and reads ISO dates (t="d")', async () => {
    const styles = stylesWith([{ id: 14 }]);
    const e = await read(
      xlsxOf({
        date1904: true,
        styles,
        sheets: [
          {
            name: "S",
            body: sheetData([
              ['<c r="A1" s="4"><v>43173</v></c>', '<c r="B1" s="4" t="d"><v>2022-03-15T00:00:00</v></c>'],
            ]),
          },
        ],
      }),
    );
    expect(rowsOf(e)).toEqual([["2022/3/15", "2022/3/15"]]);
  });

  it("falls back to General for a format code it cannot read, and reads the zh-CN AM/PM token", () => {
    expect(numberToShownText(3.5, "[[[")).toBe("3.5");
    expect(numberToShownText(44635.75, '上午/下午h"时"mm"分"')).toBe("下午6时00分");
  });
});

describe("XLSX layout", () => {
  it("turns merged ranges into spans, covered positions null, whatever the covered cells hold", async () => {
    const body =
      sheetData([
        [
          '<c r="A1" s="1" t="inlineStr"><is><t>预算执行情况</t></is></c>',
          '<c r="B1" s="1" t="inlineStr"><is><t>资金来源</t></is></c>',
          '<c r="C1" s="1" t="inlineStr"><is><t>hidden</t></is></c>',
        ],
        ['<c r="A2" s="1"/>', '<c r="B2" s="1"><v>1</v></c>', '<c r="C2" s="1"><v>2</v></c>'],
      ]) + '<mergeCells count="2"><mergeCell ref="A1:A2"/><mergeCell ref="B1:C1"/></mergeCells>';
    const e = await read(xlsxOf({ styles: stylesWith(), sheets: [{ name: "S", body }] }));
    expect(spansOf(e)).toEqual([
      ["预算执行情况:2x1", "资金来源:1x2", null],
      [null, "1:1x1", "2:1x1"],
    ]);
    expect(tablesOf(e)[0]!.method).toBe("xlsx");
  });

  it("reads the unruled title and notes around a ruled form as text, bold ones as headings", async () => {
    const str = (ref: string, s: number, text: string) =>
      `<c r="${ref}" s="${s}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const body =
      sheetData([
        [str("A1", 3, "整体支出绩效自评表")],
        [str("A2", 0, "单位：万元")],
        [],
        [str("A4", 2, "项目"), str("B4", 2, "金额"), str("C4", 2, "备注")],
        [str("A5", 1, "合计"), '<c r="B5" s="1"><v>5</v></c>', '<c r="C5" s="1"/>'],
        [str("A6", 0, "填报人：张三"), str("C6", 0, "日期：2023")],
      ]) + '<mergeCells><mergeCell ref="A1:C1"/></mergeCells>';
    const e = await read(xlsxOf({ styles: stylesWith(), sheets: [{ name: "S", body }] }));
    expect(outline(e.blocks)).toEqual([
      "heading:整体支出绩效自评表",
      "paragraph:单位：万元",
      "table 2x3",
      "paragraph:填报人：张三 日期：2023",
    ]);
  });

  it("keeps a title row as the table's first row in a sheet that rules nothing, trimming empty edges", async () => {
    const body = sheetData([
      [],
      ['<c r="B2" t="inlineStr"><is><t>自评表</t></is></c>'],
      ['<c r="B3" t="inlineStr"><is><t>指标</t></is></c>', '<c r="C3"><v>1</v></c>', '<c r="F3"/>'],
    ]);
    const e = await read(xlsxOf({ sheets: [{ name: "S", body }] }));
    expect(outline(e.blocks)).toEqual(["table 2x2"]);
    expect(rowsOf(e)).toEqual([
      ["自评表", ""],
      ["指标", "1"],
    ]);
  });

  it("leaves out hidden rows and columns, closing the grid up, with a warning when they hold text", async () => {
    const str = (ref: string, text: string) => `<c r="${ref}" s="1" t="inlineStr"><is><t>${text}</t></is></c>`;
    const body =
      '<cols><col min="2" max="2" hidden="1"/></cols><sheetData>' +
      `<row r="1">${str("A1", "指标")}${str("B1", "代码")}${str("C1", "分值")}${str("D1", "得分")}</row>` +
      `<row r="2" hidden="1">${str("A2", "草稿")}</row>` +
      `<row r="3">${str("A3", "数量")}${str("B3", "X1")}${str("C3", "10")}${str("D3", "9")}</row>` +
      '</sheetData><mergeCells><mergeCell ref="B1:D1"/></mergeCells>';
    const e = await read(xlsxOf({ styles: stylesWith(), sheets: [{ name: "S", body }] }));
    expect(spansOf(e)).toEqual([
      ["指标:1x1", "代码:1x2", null],
      ["数量:1x1", "10:1x1", "9:1x1"],
    ]);
    expect(e.warnings).toEqual([
      {
        code: "xlsx-hidden-cells",
        message: 'sheet "S": 1 hidden rows and 1 hidden columns holding text were not read',
        page: null,
      },
    ]);
  });

  it("reads several sheets as several tables in workbook order, skipping hidden ones with a warning", async () => {
    const one = (text: string) =>
      sheetData([[`<c r="A1" t="inlineStr"><is><t>${text}</t></is></c>`, '<c r="B1"><v>1</v></c>']]);
    const e = await read(
      xlsxOf({
        sheets: [
          { name: "项目1", body: one("甲") },
          { name: "底稿", body: one("乙"), state: "hidden" },
          { name: "项目2", body: one("丙") },
        ],
      }),
    );
    expect(tablesOf(e).map((t) => [t.index, t.rows[0]![0]!.text])).toEqual([
      [0, "甲"],
      [1, "丙"],
    ]);
    expect(e.warnings).toEqual([
      { code: "xlsx-hidden-sheet", message: 'sheet "底稿" is hidden and was skipped', page: null },
    ]);
  });
});

describe("XLSX input that cannot be read", () => {
  it("reports a ZIP without a workbook as unsupported, a sheet part that is no worksheet as corrupt, and a DOCTYPE as corrupt", async () => {
    await expect(read(zipSync({ "a.txt": strToU8("x") }))).rejects.toMatchObject({ reason: "unsupported-format" });
    const good = unzipSync(xlsxOf({ sheets: [{ name: "S", body: "<sheetData/>" }] }));
    const broken = zipSync({ ...good, "xl/worksheets/sheet1.xml": strToU8("PK not a worksheet") });
    await expect(read(broken)).rejects.toMatchObject({ reason: "corrupt" });
    const doctype = zipSync({ ...good, "xl/sharedStrings.xml": strToU8('<!DOCTYPE x [<!ENTITY a "aaaa">]><sst/>') });
    await expect(read(doctype)).rejects.toBeInstanceOf(UnreadableFileError);
    await expect(read(doctype)).rejects.toMatchObject({ reason: "corrupt" });
  });

  it("reads a sheet whose used range passes the cell limit only up to the limit, with a warning naming it", async () => {
    const body = sheetData([['<c r="A1"><v>1</v></c>', '<c r="ZZ1"><v>2</v></c>']]).replace(
      "</sheetData>",
      '<row r="9999"><c r="A9999"><v>3</v></c></row></sheetData>',
    );
    setLimits({ ...defaultLimits, maxTableCells: 1000 });
    try {
      const e = await extractXlsx(xlsxOf({ sheets: [{ name: "S", body }] }), "big.xlsx");
      expect(JSON.stringify(e.blocks)).not.toContain('"3"');
      // A to ZZ is 702 columns, by 9,999 rows.
      expect(e.warnings.map((w) => [w.code, w.message])).toEqual([
        [
          "limit-exceeded",
          'sheet "S": 7,019,298 cells, past the limit maxTableCells=1000 (raise it with --limit maxTableCells=N): the rest is left out',
        ],
      ]);
    } finally {
      setLimits(defaultLimits);
    }
  });
});

describe("the XLSX fixtures", () => {
  it("stores tianjin's figures as numbers with the number formats that print them", () => {
    const files = unzipSync(new Uint8Array(readFileSync(join(FIXTURES, "tianjin.xlsx"))));
    const styles = new TextDecoder().decode(files["xl/styles.xml"]!);
    expect(styles).toContain('formatCode="0.0%"');
    expect(styles).toContain('formatCode="0.0"');
  });

  it("reads tianjin.xlsx as its title and subtitle lines and one ruled form", async () => {
    const e = await extractXlsx(readFileSync(join(FIXTURES, "tianjin.xlsx")), "tianjin.xlsx");
    expect(outline(e.blocks)).toEqual(["heading:整体支出绩效自评表", "paragraph:(2022年度)", "table 178x9"]);
    expect(rowsOf(e)[2]).toEqual(["", "", "", "137831.9", "114139.7", "110540.0", "10", "9.7", "96.8%"]);
  });
});
