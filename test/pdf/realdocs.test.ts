// The text-layer PDF extractor on real producers' files (fixtures/realdocs): WPS, Word 2010 and
// ONLYOFFICE, ruled tables drawn as thin filled rectangles or stroked paths.
import { describe, expect, it } from "vitest";
import { tablesOf, type Table } from "../../contracts/extraction.js";
import { extract, notation, ONLYOFFICE, TIANBAO, tablesStartingOn, WORD, WPS } from "./helpers.js";

/** The target table of realdocs tianbaoxitong p. 31, read off the page image: 17 rows of 8 grid columns. */
const PAGE_31 = [
  ["财政项目支出绩效目标填报表^1x8", "·", "·", "·", "·", "·", "·", "·"],
  ["（2023年度）^1x8", "·", "·", "·", "·", "·", "·", "·"],
  ["项目名称^1x2", "·", "新建万里街道社区公共服务中心^1x2", "·", "项目性质", "阶段性项目", "项目类别", "特定目标类"],
  [
    "主管部门^1x2",
    "·",
    "上海市普陀区人民政府万里街道办事处^1x2",
    "·",
    "实施单位",
    "上海市普陀区人民政府万里街道办事处^1x3",
    "·",
    "·",
  ],
  ["计划开始日期^1x2", "·", "2023-01-01^1x2", "·", "计划完成日期", "2023-12-31^1x3", "·", "·"],
  ["项目资金（元）^4x2", "·", "项目资金总额^1x2", "·", "4,100,000.00", "年度资金申请总额^1x2", "·", "4,100,000.00"],
  ["·", "·", "其中：财政资金^2x2", "·", "4,100,000.00^2x1", "其中：当年财政拨款^1x2", "·", "4,100,000.00"],
  ["·", "·", "·", "·", "·", "上年结转资金^1x2", "·", "0.00"],
  ["·", "·", "其他资金^1x2", "·", "0.00", "其他资金^1x2", "·", "0.00"],
  ["项目绩效目标^2x1", "项目总目标^1x4", "·", "·", "·", "年度总体目标^1x3", "·", "·"],
  [
    "·",
    "建成后作为万里街道社区事务受理、社区管理、社区文化艺术活动场所。更有效的整合社区公共服务资源，为周边居民提供便捷、优质的社区服务和生活配套设施。^1x4",
    "·",
    "·",
    "·",
    "建成后作为万里街道社区事务受理、社区管理、社区文化艺术活动场所。更有效的整合社区公共服务资源，为周边居民提供便捷、优质的社区服务和生活配套设施。^1x3",
    "·",
    "·",
  ],
  ["", "一级指标", "二级指标", "三级指标^1x3", "·", "·", "年度(/项目)指标值^1x2", "·"],
  ["绩效指标^5x1", "产出指标^3x1", "数量指标", "规划建筑面积^1x3", "·", "·", "≥13459.00(平方米)^1x2", "·"],
  ["·", "·", "质量指标", "完工及时率^1x3", "·", "·", "及时率^1x2", "·"],
  ["·", "·", "成本指标", "预算内经费^1x3", "·", "·", "合规^1x2", "·"],
  ["·", "效益指标", "社会效益指标", "完善社区基础设施建设^1x3", "·", "·", "完善率^1x2", "·"],
  ["·", "满意度指标", "服务对象满意度指标", "居民满意度^1x3", "·", "·", "满意度^1x2", "·"],
];

/** Given a target table, return its indicator rows (below the 一级指标 header) as [level 1, level 2, name, value]. */
function indicatorRows(table: Table): string[][] {
  const grid = notation(table);
  const header = grid.findIndex((row) => row[1] === "一级指标");
  return grid.slice(header + 1).map((row) => [row[1]!, row[2]!, row[3]!, row[6]!]);
}

describe("the five 绩效目标 target tables of the WPS budget (tianbaoxitong pp. 31–35)", () => {
  it("reads the table on page 31 as the exact grid printed, spans included", async () => {
    const [table] = tablesStartingOn(await extract(TIANBAO), 31);
    expect(table?.method).toBe("lattice");
    expect(notation(table!)).toEqual(PAGE_31);
    expect(table!.rowPages).toEqual(Array(17).fill(31));
  });

  it("reads the indicator rows of page 32 with their merged level labels", async () => {
    const [table] = tablesStartingOn(await extract(TIANBAO), 32);
    expect(notation(table!)[2]).toEqual([
      "项目名称^1x2",
      "·",
      "就业援助基地补贴^1x2",
      "·",
      "项目性质",
      "经常性项目",
      "项目类别",
      "特定目标类",
    ]);
    expect(indicatorRows(table!)).toEqual([
      ["产出指标^2x1", "数量指标", "补贴对象申请审核完成率^1x3", "=100.00(%)^1x2"],
      ["·", "质量指标", "补贴对象审核达标率^1x3", "=100.00(%)^1x2"],
      ["效益指标", "社会效益指标", "补贴对象生活改善度^1x3", "补贴对象生活改善度不低于80%^1x2"],
      ["满意度指标", "服务对象满意度指标", "补贴对象满意度^1x3", "≥80.00(%)^1x2"],
    ]);
  });

  it("reads the indicator rows of page 33", async () => {
    const [table] = tablesStartingOn(await extract(TIANBAO), 33);
    expect(indicatorRows(table!)).toEqual([
      ["产出指标^2x1", "数量指标", "整治行动、病媒消杀^1x3", "≥12.00(次)^1x2"],
      ["·", "质量指标", "项目质量可控性^1x3", "可控性100%^1x2"],
      ["效益指标", "社会效益指标", "社区居民满意度、幸福感^1x3", "不低于50%^1x2"],
      ["满意度指标", "服务对象满意度指标", "市容环境满意度^1x3", "不低于50%^1x2"],
    ]);
  });

  it("reads the 43 indicator rows of page 34 under labels spanning 23, 14 and 6 rows", async () => {
    const [table] = tablesStartingOn(await extract(TIANBAO), 34);
    const rows = indicatorRows(table!);
    expect(table!.rows).toHaveLength(55);
    expect(rows).toHaveLength(43);
    expect(rows[0]).toEqual(["产出指标^23x1", "数量指标^15x1", "成立社戒社康人员习得规范小组^1x3", ">6.00(次)^1x2"]);
    expect(rows[5]).toEqual(["·", "·", "按计划数量完成^1x3", "慰问人数不少于100人,宣传用品不少于20000份^1x2"]);
    expect(rows[15]).toEqual(["·", "质量指标^8x1", "做好禁毒示范城区标准化建设^1x3", "做好禁毒示范城区标准化建设^1x2"]);
    expect(rows[23]).toEqual(["效益指标^14x1", "社会效益指标^14x1", "扩大禁毒宣传教育覆盖面^1x3", "扩大^1x2"]);
    expect(rows[37]).toEqual(["满意度指标^6x1", "服务对象满意度指标^6x1", "提升社区居民满意度^1x3", "提升^1x2"]);
    expect(rows[42]).toEqual(["·", "·", "党员群众满意度^1x3", "党员群众满意度不少于80%^1x2"]);
  });

  it("keeps page 35 as a table of its own although it repeats page 34's form at the top of the next page", async () => {
    const [table] = tablesStartingOn(await extract(TIANBAO), 35);
    expect(table!.rowPages.every((p) => p === 35)).toBe(true);
    expect(indicatorRows(table!).slice(0, 3)).toEqual([
      ["产出指标^5x1", "数量指标^2x1", "开展活动300场^1x3", "=300.00(场)^1x2"],
      ["·", "·", "环境卫生及保安服务^1x3", "卫生整洁、内部安全有序^1x2"],
      ["·", "质量指标^3x1", "居民参与率^1x3", "居民参与率不低于100%^1x2"],
    ]);
    expect(notation(table!)[6]![7]).toBe("11,419,043.00");
  });
});

describe("tables continued across pages in the realdocs", () => {
  it("stitches the WPS budget's income table over four pages, its header once", async () => {
    const extraction = await extract(TIANBAO);
    const table = tablesStartingOn(extraction, 11)[0]!;
    expect([...new Set(table.rowPages)]).toEqual([11, 12, 13, 14]);
    expect(notation(table).filter((row) => row[0] === "项目^1x4")).toHaveLength(1);
    expect(notation(table)[17]!.slice(0, 5)).toEqual(["204", "", "", "公共安全支出", "1,252,300"]);
    expect(tablesStartingOn(extraction, 12)).toEqual([]);
  });

  it("stitches a WPS table running onto the next landscape page, rows in order", async () => {
    const table = tablesStartingOn(await extract(WPS), 6)[0]!;
    expect(table.rows).toHaveLength(20);
    expect(table.rowPages.filter((p) => p === 7)).toHaveLength(6);
    expect(notation(table)[14]!.slice(0, 4)).toEqual(["2101101", "行政单位医疗", "2.22", "2.22"]);
  });

  it("stitches an ONLYOFFICE table whose last three rows sit alone on the next page", async () => {
    const table = tablesStartingOn(await extract(ONLYOFFICE), 6)[0]!;
    expect(table.rowPages.at(-1)).toBe(7);
    expect(notation(table).at(-1)).toEqual(["总计", "2,995.39", "总计", "2,995.39"]);
  });

  it("stitches a Word 2010 table whose column edges differ by under a point between pages", async () => {
    const table = tablesStartingOn(await extract(WORD), 8)[0]!;
    expect([...new Set(table.rowPages)]).toEqual([8, 9]);
    expect(notation(table)[0]![2]).toBe("本年收入合计^2x1");
    expect(notation(table).at(-1)!.slice(0, 3)).toEqual(["2210203", "购房补贴", "171.49"]);
  });
});

describe("text outside tables in the realdocs", () => {
  it("gives the title, the unit line and the note after the page break around a stitched table, in reading order", async () => {
    const blocks = (await extract(WPS)).blocks.filter((b) =>
      b.kind === "text" ? b.page === 6 || b.page === 7 : b.table.rowPages[0] === 6,
    );
    expect(blocks.map((b) => (b.kind === "text" ? `${b.role}:${b.text}` : "table"))).toEqual([
      "heading:收入决算表",
      "paragraph:单位：万元",
      "table",
      "paragraph:注：本表反映部门本年度取得的各项收入情况。",
    ]);
  });

  it("joins the lines of a narrative paragraph without spaces", async () => {
    const texts = (await extract(WPS)).blocks.flatMap((b) => (b.kind === "text" && b.page === 4 ? [b.text] : []));
    expect(texts).toContain(
      "从预算单位构成看，中共上海市普陀区委社会工作部决算包括：中共上海市普陀区委社会工作部本级决算、下属行政事业单位决算。",
    );
  });

  it("leaves no space between two Chinese characters in any cell or text block", async () => {
    for (const path of [TIANBAO, WPS, ONLYOFFICE, WORD]) {
      const extraction = await extract(path);
      const texts = [
        ...extraction.blocks.flatMap((b) => (b.kind === "text" ? [b.text] : [])),
        ...tablesOf(extraction).flatMap((t) => t.rows.flatMap((row) => row.flatMap((c) => (c ? [c.text] : [])))),
      ];
      expect(texts.filter((t) => /\p{Script=Han} +\p{Script=Han}/u.test(t))).toEqual([]);
    }
  });

  it("reports every page as having a text layer and no warnings", async () => {
    for (const path of [TIANBAO, WPS, ONLYOFFICE, WORD]) {
      const extraction = await extract(path);
      expect(extraction.pagesWithoutText).toEqual([]);
      expect(extraction.warnings).toEqual([]);
    }
  });
});
