import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { searchStore, type SearchHit } from "../../src/cli/search.js";
import type { Store } from "../../src/store/store.js";
import { fakeSha, fixtureDocument, runCli, sampleStore, storeWith } from "./helpers.js";

let store: Store;
beforeAll(() => {
  store = sampleStore();
});
afterAll(() => store.close());

const brief = (hits: SearchHit[]) =>
  hits.map((h) => [h.department, h.fiscal_year, h.kind, h.text.slice(0, 12), h.source_path]);

describe("search", () => {
  test("finds a term of 3 or more characters through the trigram index, in deviation texts too", () => {
    expect(brief(searchStore(store.db, "财政资金"))).toEqual([
      ["天津市民政局", 2022, "deviation", "由于财政资金紧张，在下达", "tianjin.docx"],
      ["天津市民政局", 2022, "deviation", "由于财政资金紧张，在下达", "tianjin.docx"],
      ["天津市民政局", 2022, "deviation", "由于财政资金紧张，在下达", "tianjin.docx"],
    ]);
    expect(
      store.db.prepare("SELECT count(*) FROM search_index WHERE search_index MATCH '\"财政资金\"'").pluck().get(),
    ).toBe(3);
  });

  test("finds indicator names in every department with a 3-character term, shorter texts first", () => {
    expect(brief(searchStore(store.db, "养老床位"))).toEqual([
      ["天津市民政局", 2022, "indicator", "发展家庭养老床位", "tianjin.docx"],
      ["武汉市蔡甸区民政局", 2022, "indicator", "新增家庭养老床位", "wuhan.docx"],
      ["天津市民政局", 2022, "indicator", "新增养老床位及时性", "tianjin.docx"],
      ["天津市民政局", 2022, "indicator", "新增养老床位数量(全市)", "tianjin.docx"],
    ]);
  });

  test("finds a 2-character Chinese term, which trigrams cannot match, by LIKE on the tables", () => {
    expect(
      store.db.prepare("SELECT count(*) FROM search_index WHERE search_index MATCH '\"疫情\"'").pluck().get(),
    ).toBe(0);
    expect(brief(searchStore(store.db, "疫情"))).toEqual([
      ["天津市民政局", 2022, "deviation", "受本土新冠疫情影响,导致", "tianjin.docx"],
      ["天津市民政局", 2022, "deviation", "一是受本土新冠疫情影响,", "tianjin.docx"],
      ["天津市民政局", 2022, "deviation", "受疫情不可抗力影响流浪乞", "tianjin.docx"],
      ["天津市民政局", 2022, "deviation", "由于新冠肺炎疫情形势及管", "tianjin.docx"],
    ]);
  });

  test("requires every word of a query, and treats LIKE wildcards and FTS syntax as plain text", () => {
    expect(brief(searchStore(store.db, "孤儿 满意度"))).toEqual([
      ["天津市民政局", 2022, "indicator", "具有自主行为能力的受助孤", "tianjin.docx"],
    ]);
    expect(searchStore(store.db, "_")).toEqual([]);
    expect(searchStore(store.db, '满意度" OR "救助')).toEqual([]);
    expect(searchStore(store.db, "NEAR(满意度")).toEqual([]);
  });

  test("keeps the index in step when a document's rows change or go", () => {
    const doc = fixtureDocument("liuzhou");
    doc.source = { ...doc.source, sha256: fakeSha(7), path: "liuzhou-2023.pdf" };
    doc.reports[0]!.fiscalYear = 2023;
    doc.reports[0]!.indicators[0]!.page = 4;
    const own = storeWith([doc]);
    const hits = () => searchStore(own.db, "床位补助").map((h) => [h.fiscal_year, h.kind, h.text, h.page]);
    expect(hits()).toEqual([[2023, "indicator", "民办养老机构床位补助数量", 4]]);
    own.db.prepare("UPDATE indicators SET name = '民办养老机构床位补助金额' WHERE page = 4").run();
    expect(hits()).toEqual([[2023, "indicator", "民办养老机构床位补助金额", 4]]);
    own.db.prepare("DELETE FROM documents").run();
    expect(hits()).toEqual([]);
    expect(own.db.prepare("SELECT count(*) FROM search_index").pluck().get()).toBe(0);
    own.close();
  });

  test("prints hits with department, year, kind, text, file and page as CSV", async () => {
    const { status, stdout, stderr } = await runCli(["search", "孤儿满意度", "--db", store.file, "--format", "csv"]);
    expect({ status, stderr }).toEqual({ status: 0, stderr: "" });
    expect(stdout).toBe(
      "department,fiscal_year,kind,text,source_path,page\n天津市民政局,2022,indicator,具有自主行为能力的受助孤儿满意度,tianjin.docx,\n",
    );
  });
});
