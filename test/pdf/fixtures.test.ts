// The text-layer PDF extractor on the fixture PDFs rendered from the seeds (fixtures/*.lo.pdf by
// LibreOffice, *.pdfkit.pdf drawn with pdfkit, *.borderless.pdf without rules, *.scan.pdf images):
// every indicator of the expected Document must stand in the grids as whole cells of one row.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Document, Indicator } from "../../contracts/model.js";
import { tablesOf } from "../../contracts/extraction.js";
import { FIXTURES } from "../helpers.js";
import { coveredTexts, extract, norm, notation } from "./helpers.js";

const PDFS = existsSync(FIXTURES)
  ? readdirSync(FIXTURES)
      .filter((f) => f.endsWith(".pdf") && existsSync(join(FIXTURES, `${f}.expected.json`)))
      .sort()
  : [];
const TEXT_PDFS = PDFS.filter((f) => !f.includes(".scan."));
const SCANS = PDFS.filter((f) => f.includes(".scan."));

type Field = "name" | "target" | "actual" | "weight" | "score";

/**
 * Given an indicator and its target or actual, return the value cell as printed: where the
 * comparator (指标性质) and the unit (计量单位) have columns of their own, the Value's raw joins them
 * (spec, "A value printed across columns"), and the value cell holds the number alone.
 */
function valueCell(i: Indicator, field: "target" | "actual"): string {
  let raw = i[field]!.raw;
  const nature = i.extra?.["指标性质"];
  const unit = i.extra?.["计量单位"];
  if (field === "target" && nature && raw.startsWith(nature)) raw = raw.slice(nature.length);
  if (unit && raw.endsWith(unit) && raw.length > unit.length) raw = raw.slice(0, -unit.length);
  return raw;
}

/** Given an expected Document, return each indicator's printed values that must be whole cells. */
function expectedRows(doc: Document): Partial<Record<Field, string | number>>[] {
  return doc.reports.flatMap((r) =>
    r.indicators.map((i) => {
      const row: Partial<Record<Field, string | number>> = { name: norm(i.name) };
      if (i.target) row.target = norm(valueCell(i, "target"));
      if (i.actual) row.actual = norm(valueCell(i, "actual"));
      if (i.weight != null) row.weight = i.weight;
      if (i.score != null) row.score = i.score;
      return row;
    }),
  );
}

/** Given a grid row of covered texts and a wanted value, return the columns holding it. */
function columnsOf(row: string[], value: string | number): number[] {
  return row.flatMap((cell, c) =>
    (typeof value === "number" ? cell !== "" && Number(cell) === value : cell === value) ? [c] : [],
  );
}

/**
 * Given the grids and an indicator's values, return where it stands: the table and, for each
 * value, its columns in the first row holding all of them, or null when no row does.
 */
function locate(
  grids: string[][][],
  want: Partial<Record<Field, string | number>>,
): { table: number; columns: Partial<Record<Field, number[]>> } | null {
  for (const [table, grid] of grids.entries()) {
    for (const row of grid) {
      const columns = Object.fromEntries(Object.entries(want).map(([k, v]) => [k, columnsOf(row, v)])) as Partial<
        Record<Field, number[]>
      >;
      if (Object.values(columns).every((cols) => cols.length > 0)) return { table, columns };
    }
  }
  return null;
}

/** Indicators that the seeds give only in narrative text, not in a table (haikou-gaoyi's summary lines). */
const NARRATIVE_ONLY = new Set(["数量指标", "质量指标", "时效指标"]);
/** Names printed merged with the next cell in the source table itself (project-wide row 7: "奖励及时率100%；及时完成"). */
const MERGED_IN_SOURCE = new Set(["奖励及时率100%", "全区社工持证率100%"]);

describe("indicators of the fixture PDFs as whole cells", () => {
  it.each(TEXT_PDFS)("finds every indicator of %s in one row of a grid", async (file) => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, `${file}.expected.json`), "utf8")) as Document;
    const grids = tablesOf(await extract(join(FIXTURES, file))).map(coveredTexts);
    const missing = expectedRows(expected).filter(
      (want) =>
        !locate(grids, want) && !NARRATIVE_ONLY.has(String(want.name)) && !MERGED_IN_SOURCE.has(String(want.name)),
    );
    expect(missing).toEqual([]);
  });

  it.each(TEXT_PDFS.filter((f) => !f.startsWith("project-wide")))(
    "puts each kind of value of %s in one column of its table",
    async (file) => {
      const expected = JSON.parse(readFileSync(join(FIXTURES, `${file}.expected.json`), "utf8")) as Document;
      const grids = tablesOf(await extract(join(FIXTURES, file))).map(coveredTexts);
      const seen = new Map<string, Set<number>>();
      for (const want of expectedRows(expected)) {
        const found = locate(grids, want);
        // A value equal to another of the same indicator (score = weight) could sit in either column.
        for (const [field, cols] of Object.entries(found?.columns ?? {})) {
          if (cols.length !== 1 || Object.values(want).filter((v) => v === want[field as Field]).length > 1) continue;
          const key = `${found!.table}.${field}`;
          seen.set(key, (seen.get(key) ?? new Set()).add(cols[0]!));
        }
      }
      expect([...seen].filter(([, cols]) => cols.size > 1).map(([key, cols]) => `${key}: ${[...cols]}`)).toEqual([]);
    },
  );
});

describe("tables of the fixture PDFs across pages", () => {
  it("stitches liuzhou's LibreOffice table over its two pages, the merged label running on", async () => {
    const tables = tablesOf(await extract(join(FIXTURES, "liuzhou.lo.pdf")));
    expect(tables).toHaveLength(1);
    expect([...new Set(tables[0]!.rowPages)]).toEqual([1, 2]);
    const label = notation(tables[0]!)
      .flat()
      .find((t) => t.startsWith("部门整体支出年度绩效目标衡量指标"));
    expect(label).toBe(`部门整体支出年度绩效目标衡量指标^${tables[0]!.rows.length - 18}x1`);
  });

  it("drops tianjin's header repeated on every page and carries the level-2 label over the break", async () => {
    const table = tablesOf(await extract(join(FIXTURES, "tianjin.lo.pdf"))).at(-1)!;
    const grid = notation(table);
    expect(grid.filter((row) => row[1] === "一级指标")).toHaveLength(1);
    const at = grid.findIndex((row) => row[3] === "促进基金会健康有序发展");
    expect(grid[at]![2]).toBe("可持续影响指标^2x1");
    expect(grid[at + 1]![3]).toBe("完善彩票发行、销售等业务工作流程");
    expect([table.rowPages[at], table.rowPages[at + 1]]).toEqual([8, 9]);
  });

  it("reads tianjin's borderless rendering as one stream table over ten pages, its repeated header once", async () => {
    const tables = tablesOf(await extract(join(FIXTURES, "tianjin.borderless.pdf")));
    expect(tables).toHaveLength(1);
    expect(tables[0]!.method).toBe("stream");
    expect([...new Set(tables[0]!.rowPages)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(notation(tables[0]!).filter((row) => row.includes("一级指标"))).toHaveLength(1);
  });
});

describe("scanned fixture PDFs", () => {
  it.each(SCANS)("lists every page of %s as without a text layer, with a warning each", async (file) => {
    const extraction = await extract(join(FIXTURES, file));
    const pages = Array.from({ length: extraction.pages ?? 0 }, (_, i) => i + 1);
    expect(extraction.pagesWithoutText).toEqual(pages);
    expect(extraction.warnings.map((w) => [w.code, w.page])).toEqual(pages.map((p) => ["no-text-layer", p]));
    expect(extraction.blocks).toEqual([]);
  });
});
