// Tables set in Writer with no borders and no cell padding, printed by LibreOffice (fixtures/
// <name>.writer.pdf, scripts/fixtures/print.ts, issue 18): rows stand as close as the lines of a
// wrapped cell, gutters are as narrow as the space LibreOffice sets between digits and
// ideographs, and header labels stand centred over the rows and columns they merge.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tablesOf } from "../../contracts/extraction.js";
import { FIXTURES } from "../helpers.js";
import { extract, norm, notation } from "./helpers.js";

/** Given a fixture's name, return the rows of every table of its Writer rendering, in notation. */
async function rowsOf(name: string): Promise<string[][]> {
  return tablesOf(await extract(join(FIXTURES, `${name}.writer.pdf`))).flatMap(notation);
}

describe("a Writer table without borders, wrapped cells and a wide multi-row header", () => {
  it("reads the three header rows of project-wide with each label over the columns and rows it merges", async () => {
    const [top, middle, bottom] = (await rowsOf("project-wide")).slice(0, 3);
    expect(top?.slice(0, 15)).toEqual([
      "序号^3x1",
      "部门名称^3x1",
      "项目名称^3x1",
      "项目年度预算金额^1x4",
      "·",
      "·",
      "·",
      "实际支出金额^1x4",
      "·",
      "·",
      "·",
      "预算支出执行率^3x1",
      "年初绩效目标^3x1",
      "绩效目标整体完成情况^3x1",
      "产出目标^1x6",
    ]);
    expect(top?.slice(20, 21)).toEqual(["效益目标^1x8"]);
    expect(middle?.slice(3, 16)).toEqual([
      "合计^2x1",
      "其中^1x3",
      "·",
      "·",
      "合计^2x1",
      "其中^1x3",
      "·",
      "·",
      "·",
      "·",
      "·",
      "数量指标^1x2",
      "·",
    ]);
    expect(bottom?.slice(3, 16)).toEqual([
      "·",
      "一般公共预算",
      "政府性基金",
      "非财政资金",
      "·",
      "一般公共预算",
      "政府性基金",
      "非财政资金",
      "·",
      "·",
      "·",
      "年度指标内容",
      "完成情况",
    ]);
  });

  it("keeps a column empty on every row but its header (部门名称 over projects of no department)", async () => {
    const row = (await rowsOf("project-wide")).find((r) => r[0] === "1");
    expect(row?.slice(0, 5)).toEqual(["1", "", "办公设备购置", "27.28", "27.28"]);
  });

  it("reads a goal text wrapped over sixty lines as one cell, its first lines standing alone beside nothing", async () => {
    const row = (await rowsOf("project-wide")).find((r) => r[2] === "养老服务");
    const content = norm(row?.[14] ?? "");
    expect(content.startsWith(norm("1.项目基础建设：项目建设方案"))).toBe(true);
    expect(content.endsWith(norm("项目宣传制度、项目宣传制度"))).toBe(true);
    expect(row?.[15]).toBe("已完成");
  });

  it("keeps the two lines of a cell merged over two columns together, a digit gap inside them", async () => {
    const row = (await rowsOf("project-wide")).find((r) => r[2] === "区人才工作专项");
    expect(row?.slice(18, 20)).toEqual(["奖励及时率100%；及时完成^1x2", "·"]);
  });
});

describe("a Writer scoring rubric without borders", () => {
  it("reads a criterion whose lines LibreOffice breaks between digits and ideographs once and whole", async () => {
    const row = (await rowsOf("haikou-gaoyi")).find((r) => r[2] === "收入预算完成率");
    expect(row?.slice(4)).toEqual([
      "1、预算完成率大于或等于95%得满分；2、预算完成率小于或等于85%的得0分；3、预算完成率在85%—95%之间的，在分和满分之间确定；每降低一个百分点，扣分值的十分之一。",
      "2",
      "2",
    ]);
  });

  it("spreads a level label standing between two rows over both, and the total's label over the columns it is centred under", async () => {
    const rows = await rowsOf("haikou-gaoyi");
    expect(rows.find((r) => r[2] === "部门整体效益")?.[0]).toBe("效果(15)^2x1");
    expect(rows.find((r) => r[0]?.startsWith("合计"))).toEqual(["合计^1x5", "·", "·", "·", "·", "100", "96"]);
  });
});

describe("a Writer department form without borders", () => {
  it("tiles a level-1 label over its rows when a note row follows the indicators (偏差原因 | 无)", async () => {
    const row = (await rowsOf("wuhan")).find((r) => r[3] === "开展城乡社区结对共建");
    expect(row?.slice(1, 3)).toEqual(["产出指标^7x1", "数量指标^6x1"]);
  });
});
