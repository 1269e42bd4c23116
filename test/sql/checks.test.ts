import { describe, expect, test } from "vitest";
import { storeFindings, type Finding } from "../../src/checks.js";
import type { Document, Indicator } from "../../contracts/model.js";
import { fakeSha, fixtureDocument, fixtureDocuments, runCli, sampleStore, storeWith } from "./helpers.js";

/** The parts of a finding a test pins down. */
function brief(f: Finding) {
  return { severity: f.severity, kind: f.kind, subject: f.subject, message: f.message, page: f.page };
}

function findingsOf(docs: Document[]): Finding[] {
  const store = storeWith(docs);
  try {
    return storeFindings(store.db);
  } finally {
    store.close();
  }
}

/** The tianjin fixture with one wrong figure of every kind planted in it. */
function plantedTianjin(): Document {
  const doc = fixtureDocument("tianjin");
  doc.source = { ...doc.source, sha256: fakeSha(1), path: "planted/tianjin.docx" };
  const report = doc.reports[0]!;
  const plant = (name: string, change: Partial<Indicator>) => {
    const indicator = report.indicators.find((i) => i.name === name);
    if (!indicator) throw new Error(`no indicator ${name}`);
    Object.assign(indicator, change);
  };
  report.budget[0]!.rateReported = 0.958; // 110540 / 114139.7 is 96.85%
  plant("计划完成低保对象救助人数", { score: 0.5, page: 2 }); // 14.64万人 against ≥15万人
  plant("计划完成临时救助人数", { score: 0, page: 2 }); // 6.7万人次 against ≥6.7万人次
  plant("被救助困难群众满意度", { score: 1.5, page: 3 }); // weight 1
  // The scores now add up to 86.8 + 0.1 - 0.5 + 0.5 = 86.9 for the indicators, 9.7 for the budget.
  report.totalScore = 98.5;
  return doc;
}

describe("check on a planted corpus", () => {
  test("finds every planted inconsistency, errors first, with its printed text and page", () => {
    const findings = findingsOf([plantedTianjin()]);
    expect(findings.map(brief)).toEqual([
      {
        severity: "error",
        kind: "total-mismatch",
        subject: "total score",
        page: null,
        message: "the printed total 98.5 is not the sum of the scores, 96.6 (indicators 86.9 + budget 9.7)",
      },
      {
        severity: "error",
        kind: "rate-disagrees",
        subject: "部门预算金额(万元)",
        page: null,
        message:
          "the execution rate of “部门预算金额(万元)” is printed as 95.8%, but executed / budget = 110540 / 114139.7 = 96.85%: 1.05 percentage points apart, more than the ±0.05 its printed digits allow",
      },
      {
        severity: "error",
        kind: "score-above-weight",
        subject: "被救助困难群众满意度",
        page: 3,
        message: "“被救助困难群众满意度” scores 1.5, above its weight of 1",
      },
      {
        severity: "warning",
        kind: "full-score-missed-target",
        subject: "计划完成低保对象救助人数",
        page: 2,
        message:
          "“计划完成低保对象救助人数” gets its full score of 0.5 although the actual “14.64万人” misses the target “≥15万人”",
      },
      {
        severity: "warning",
        kind: "zero-score-met-target",
        subject: "计划完成临时救助人数",
        page: 2,
        message: "“计划完成临时救助人数” scores 0 of 0.5 although the actual “6.7万人次” meets the target “≥6.7万人次”",
      },
    ]);
    expect(findings[3]).toMatchObject({
      targetRaw: "≥15万人",
      actualRaw: "14.64万人",
      score: 0.5,
      weight: 0.5,
      sourcePath: "planted/tianjin.docx",
    });
    expect(findings[1]).toMatchObject({ printed: "95.8%", computed: 110540 / 114139.7 });
    expect(findings[0]).toMatchObject({ printed: "98.5", computed: 96.6 });
  });

  test("flags a total above the maximum as well as its mismatch", () => {
    const doc = fixtureDocument("liuzhou");
    doc.reports[0]!.totalScore = 101;
    expect(findingsOf([doc]).map((f) => [f.kind, f.message])).toEqual([
      ["total-mismatch", "the printed total 101 is not the sum of the scores, 100 (indicators 90 + budget 10)"],
      ["total-above-maximum", "the printed total 101 is above the maximum score 100"],
    ]);
  });

  test("flags nothing on a consistent corpus", () => {
    const liuzhou = fixtureDocument("liuzhou");
    liuzhou.reports[0]!.totalScore = 100;
    expect(findingsOf([fixtureDocument("tianjin"), liuzhou])).toEqual([]);
  });

  test("allows a printed rate the rounding of its own digits explains, and no more", () => {
    const doc = fixtureDocument("liuzhou");
    const [total, general, fund] = doc.reports[0]!.budget;
    Object.assign(total!, { adjusted: 1000, executed: 968.5, rateReported: 0.968 }); // 96.85%: ±0.05 holds
    Object.assign(general!, { adjusted: 1000, executed: 968.6, rateReported: 0.968 }); // 96.86%: 0.06 apart
    Object.assign(fund!, { adjusted: 1000, executed: 965.5, rateReported: 0.97 }); // 96.55% printed 97%: ±0.5 holds
    doc.reports[0]!.totalScore = 100;
    expect(findingsOf([doc]).map((f) => [f.kind, f.subject, f.printed])).toEqual([
      ["rate-disagrees", "其中：一般公共预算拨款", "96.8%"],
    ]);
  });

  test("reads a bare actual in the target's unit, unless it could be a fraction of a percentage, and skips other units", () => {
    const doc = fixtureDocument("tianjin");
    const report = doc.reports[0]!;
    const base = report.indicators[0]!;
    const row = (name: string, target: Indicator["target"], actual: Indicator["actual"], score: number): Indicator => ({
      ...base,
      name,
      target,
      actual,
      weight: 1,
      score,
    });
    report.indicators = [
      row("满意度", { raw: "≥98%", op: ">=", value: 98, unit: "%" }, { raw: "95", op: null, value: 95, unit: null }, 1),
      row(
        "增长率",
        { raw: "≥3%", op: ">=", value: 3, unit: "%" },
        { raw: "0.083", op: null, value: 0.083, unit: null },
        1,
      ),
      row(
        "床位",
        { raw: "≥100个", op: ">=", value: 100, unit: "个" },
        { raw: "90张", op: null, value: 90, unit: "张" },
        1,
      ),
      row(
        "成本",
        { raw: "≤5万元", op: "<=", value: 5, unit: "万元" },
        { raw: "0万元", op: null, value: 0, unit: "万元" },
        0,
      ),
      row("时限", { raw: "<3天", op: "<", value: 3, unit: "天" }, { raw: "3天", op: null, value: 3, unit: "天" }, 1),
      row(
        "准确率",
        { raw: "=100%", op: "=", value: 100, unit: "%" },
        { raw: "100%", op: null, value: 100, unit: "%" },
        0,
      ),
      row(
        "户数",
        { raw: "100户", op: null, value: 100, unit: "户" },
        { raw: "80户", op: null, value: 80, unit: "户" },
        1,
      ),
    ];
    report.totalScore = null;
    expect(findingsOf([doc]).map((f) => [f.kind, f.message])).toEqual([
      [
        "full-score-missed-target",
        "“时限” gets its full score of 1 although the actual “3天” misses the target “<3天”",
      ],
      [
        "full-score-missed-target",
        "“满意度” gets its full score of 1 although the actual “95” misses the target “≥98%” (the actual has no unit and is read in %)",
      ],
      ["zero-score-met-target", "“准确率” scores 0 of 1 although the actual “100%” meets the target “=100%”"],
    ]);
  });
});

describe("check on the seed fixtures", () => {
  test("flags only the figures the documents themselves get wrong", () => {
    const store = sampleStore();
    const findings = storeFindings(store.db);
    store.close();
    expect(
      findings.map((f) => [
        f.sourcePath,
        f.kind,
        f.subject,
        f.printed,
        f.computed === null ? null : Number(f.computed.toFixed(4)),
      ]),
    ).toEqual([
      // seeds/README.md 001: every indicator at full weight, 90 + 10 = 100, printed 97.36.
      ["liuzhou.docx", "total-mismatch", "total score", "97.36", 100],
      // seeds/README.md 002: 区人才工作专项 printed 100% for 99.2%; 婚姻登记工作 63.68 of 61.8 at 98%;
      // the identical, non-adding figures of 社工助弱服务资助金 and 社区服务中心运营经费.
      ["project-wide.docx", "rate-disagrees", "区人才工作专项", "100%", 0.9923],
      ["project-wide.docx", "rate-disagrees", "婚姻登记工作", "98%", 1.0304],
      ["project-wide.docx", "rate-disagrees", "社区服务中心运营经费", "100%", 1.0133],
      ["project-wide.docx", "rate-disagrees", "社工助弱服务资助金", "100%", 1.0133],
    ]);
    // The five seeds, the four authored fixtures and the six regional variants (scripts/fixtures/expected), whose figures agree.
    expect(fixtureDocuments().size).toBe(15);
  });
});

describe("jixiao check", () => {
  test("prints a file's findings in plain language and exits 0", async () => {
    const { status, stdout, stderr } = await runCli(["check", "fixtures/liuzhou.docx"]);
    expect({ status, stderr }).toEqual({ status: 0, stderr: "" });
    expect(stdout).toBe(
      "error   fixtures/liuzhou.docx (柳州市民政局, 2022)\n" +
        "        the printed total 97.36 is not the sum of the scores, 100 (indicators 90 + budget 10)\n" +
        "        printed: 97.36\n\n" +
        "1 finding: 1 error, 0 warnings\n",
    );
  });

  test("exits 0 with no findings on a consistent file", async () => {
    const { status, stdout } = await runCli(["check", "fixtures/tianjin.docx", "--format", "json"]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual([]);
  });

  test("checks a database with the same findings as the library, as CSV", async () => {
    const store = sampleStore();
    store.close();
    const { status, stdout } = await runCli(["check", "--db", store.file, "--format", "csv"]);
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "severity,kind,department,fiscalYear,subject,message,printed,computed,targetRaw,actualRaw,weight,score,sourcePath,page,ocrConfidence",
    );
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 2).join(","))).toEqual([
      "error,total-mismatch",
      "error,rate-disagrees",
      "error,rate-disagrees",
      "error,rate-disagrees",
      "error,rate-disagrees",
    ]);
  });

  test("exits non-zero with one line when the file cannot be read", async () => {
    const { status, stdout, stderr } = await runCli(["check", "fixtures/bad/not-a-docx.docx"]);
    expect({ status, stdout }).toEqual({ status: 1, stdout: "" });
    expect(stderr).toBe(
      "jixiao: fixtures/bad/not-a-docx.docx: unsupported-format: not a PDF, Word, Excel or HTML file (unrecognized bytes)\n",
    );
  });

  test("refuses a FILE and --db together", async () => {
    const { status, stderr } = await runCli(["check", "fixtures/liuzhou.docx", "--db", "x.db"]);
    expect(status).toBe(2);
    expect(stderr.split("\n")[0]).toBe("jixiao check: give a FILE or --db, not both");
  });
});
