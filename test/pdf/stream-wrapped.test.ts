// A Writer table without borders or cell padding (wuhan-writer-borderless.pdf: the wuhan fixture's
// spec as DOCX with no borders, printed by LibreOffice 7.4; scripts/fixtures/print.ts): rows stand
// as close as the lines of a wrapped cell, so the columns beside tell where one wrapped cell ends.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tablesOf } from "../../contracts/extraction.js";
import { REPO } from "../helpers.js";
import { extract, notation } from "./helpers.js";

describe("a Writer table without borders or padding", () => {
  const file = join(REPO, "test/pdf/fixtures/wuhan-writer-borderless.pdf");

  it("ends a wrapped cell where the values centred beside it change rows, though labels merged over both stand across the gap", async () => {
    const grids = tablesOf(await extract(file)).map(notation);
    const rows = grids.flat();
    expect(rows.find((row) => row[3]?.startsWith("推动未保服务"))?.slice(3)).toEqual([
      "推动未保服务的完善，提升社区未成年人的获得感、幸福感和安全感（是否）",
      "是",
      "是",
    ]);
    expect(rows.find((row) => row[3]?.startsWith("确保全区"))?.slice(3)).toEqual([
      "确保全区事实无人抚养儿童及孤儿的生活（是否）",
      "保障",
      "保障",
    ]);
  });

  it("keeps the label of a group of rows printed last on its page in the table, which then runs on to the next page", async () => {
    const tables = tablesOf(await extract(file)).filter((t) => t.method === "stream" && t.rows.length > 20);
    expect(tables).toHaveLength(1);
    expect([...new Set(tables[0]!.rowPages)]).toEqual([8, 9]);
    expect(notation(tables[0]!).some((row) => row[0]?.startsWith("年度目标4：加强基层民主政权建设"))).toBe(true);
  });
});
