// Tables printed in parts side by side (a wide sheet over several pages with print titles) are
// joined into one: the repeated title columns and header rows once, each part's own columns
// appended; likewise a wide table an HTML page or a workbook splits into two tables.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Cell } from "../../contracts/extraction.js";
import { tablesOf } from "../../contracts/extraction.js";
import { joinSideBySide, repeatedColumns } from "../../extractors/grids/side-by-side.js";
import { extractHtml } from "../../extractors/html/index.js";
import { extractXlsx } from "../../extractors/xlsx/index.js";
import { FIXTURES } from "../helpers.js";
import { extract } from "./helpers.js";

const c = (text: string, colSpan = 1, rowSpan = 1): Cell => ({ text, colSpan, rowSpan, box: null });

describe("joining parts of a table printed side by side", () => {
  const left = [
    [c("序号"), c("项目"), c("预算"), c("", 2), null],
    [c("1"), c("办公"), c("27.28"), c("x"), c("y")],
    [c("2"), c("婚姻"), c("61.8"), c("u"), c("v")],
  ];
  const right = [
    [c("序号"), c("项目"), c("效益目标", 2), null, c("整改")],
    [c("1"), c("办公"), c("a"), c("b"), c("无")],
    [c("2"), c("婚姻"), c("d"), c("e"), c("")],
  ];

  it("finds the leading columns the right part repeats row for row", () => {
    expect(repeatedColumns(left, right)).toBe(2);
  });

  it("appends the right part's own columns and joins a header cell cut by the page edge", () => {
    const joined = joinSideBySide(left, right)!;
    expect(joined.map((row) => row.map((cell) => cell?.text ?? null))).toEqual([
      ["序号", "项目", "预算", "效益目标", null, null, null, "整改"],
      ["1", "办公", "27.28", "x", "y", "a", "b", "无"],
      ["2", "婚姻", "61.8", "u", "v", "d", "e", ""],
    ]);
    expect(joined[0]![3]!.colSpan).toBe(4);
  });

  it("does not join a table whose leading column holds other keys, nor a second copy of the same table", () => {
    const other = right.map((row, r) => (r === 2 ? [c("3"), ...row.slice(1)] : row));
    expect(joinSideBySide(left, other)).toBeNull();
    expect(joinSideBySide(left, left)).toBeNull();
  });
});

describe("sheets printed several pages wide", () => {
  it.each([
    "project-wide.calc2.pdf",
    "project-wide.calc3.pdf",
    "project-wide.calc3.gs.pdf",
    "project-wide.calc-over.pdf",
    "project-wide.calc-rows.pdf",
  ])("reads %s as one table of all 32 columns", async (file) => {
    const tables = tablesOf(await extract(join(FIXTURES, file)));
    expect(tables.map((t) => t.rows[0]!.length)).toEqual([32]);
    expect(tables[0]!.rows.length).toBe(19);
  });
});

describe("a wide table split into two tables", () => {
  it.each([
    ["project-wide.split.html", extractHtml],
    ["project-wide.split.xlsx", extractXlsx],
  ] as const)("reads %s as one table, the title columns once and the cut group label once", async (file, read) => {
    const extraction = await read(new Uint8Array(readFileSync(join(FIXTURES, file))), file);
    const tables = tablesOf(extraction);
    expect(tables.map((t) => [t.index, t.rows[0]!.length, t.rows.length])).toEqual([[0, 32, 19]]);
    expect(tables[0]!.rows[0]!.filter((c) => c?.text === "产出目标")).toHaveLength(1);
  });
});
