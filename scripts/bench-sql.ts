// Benchmark of the history query: 1,000,000 indicator rows (departments × years × indicators)
// written by plain INSERTs into a temporary database at the latest schema (the search triggers
// fire as they do on import), then the history of one indicator of one department, by
// department_key + name_key, timed over many departments. Target: under 50 ms.
//
//   node --import tsx scripts/bench-sql.ts [--rows N] [--keep FILE]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { departmentKey, nameKey } from "../src/store/keys.js";
import { openStore } from "../src/store/store.js";

const TARGET_MS = 50;
const YEARS = 10;
const PER_REPORT = 100;
const VOCABULARY = 400;

const LEVELS = [
  ["产出指标", "数量指标"],
  ["产出指标", "质量指标"],
  ["产出指标", "时效指标"],
  ["成本指标", "经济成本指标"],
  ["效益指标", "社会效益指标"],
  ["满意度指标", "服务对象满意度指标"],
] as const;
const SUBJECTS = [
  "低保对象救助",
  "临时救助",
  "养老床位",
  "孤儿养育",
  "婚姻登记",
  "殡葬服务",
  "社区治理",
  "慈善募捐",
  "残疾人补贴",
  "流浪乞讨救助",
];
const MEASURES = ["人数", "完成率", "及时率", "成本", "覆盖率", "满意度", "合格率", "数量", "补助金额", "达标率"];

/** Given a number, return an indicator name as tables print them, in one of a few spellings. */
function indicatorName(n: number, spelling: number): string {
  const base = `${SUBJECTS[n % SUBJECTS.length]}${MEASURES[Math.floor(n / SUBJECTS.length) % MEASURES.length]}`;
  const variant = Math.floor(n / (SUBJECTS.length * MEASURES.length));
  const name = variant === 0 ? base : `${base}（第${variant}类）`;
  return spelling % 2 === 0 ? name : name.replace("（", "(").replace("）", ")") + "。";
}

/** Given a department number and a spelling, return its name: brackets differ from year to year. */
function departmentName(d: number, year: number): string {
  return year % 2 === 0 ? `第${d}市民政局（本级）` : `第${d}市民政局 (本级)`;
}

function generate(file: string, rows: number): { seconds: number; departments: number } {
  const departments = Math.ceil(rows / (YEARS * PER_REPORT));
  const store = openStore(file);
  const db = store.db;
  db.pragma("synchronous = OFF"); // a throw-away file: no fsync, so the load measures SQLite, not the disk
  const insertDocument = db.prepare(
    `INSERT INTO documents (sha256, path, size, model_schema, format, text_layer, pages, status, report_count, imported_at, jixiao_version)
     VALUES (?, ?, 1, 'jixiao/report@1', 'pdf', 'native', 3, 'ok', 1, '2024-01-01T00:00:00Z', 'bench')`,
  );
  const insertReport = db.prepare(
    `INSERT INTO reports (document_id, ordinal, kind, layout, department, department_key, fiscal_year, total_score, max_score, pages, source_sha256, source_path)
     VALUES (?, 0, 'department', 'bench', ?, ?, ?, 95, 100, '[1,2,3]', ?, ?)`,
  );
  const insertIndicator = db.prepare(
    `INSERT INTO indicators (report_id, document_id, ordinal, goal_seq, level1, level2, name, name_key,
       target_raw, target_op, target_value, target_unit, actual_raw, actual_value, actual_unit, weight, score, page,
       source_sha256, source_path)
     VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, '>=', ?, '%', ?, ?, '%', 1, ?, ?, ?, ?)`,
  );
  const keys = new Map<string, string>();
  const keyOf = (name: string) => keys.get(name) ?? keys.set(name, nameKey(name)).get(name)!;
  const started = performance.now();
  let written = 0;
  // One transaction per 50 departments (50,000 rows): commits are what costs in bulk loads.
  const load = db.transaction((first: number) => {
    for (let d = first; d < Math.min(first + 50, departments) && written < rows; d++) {
      for (let y = 0; y < YEARS && written < rows; y++) {
        const year = 2015 + y;
        const sha = (d * YEARS + y).toString(16).padStart(64, "0");
        const path = `bench/${d}/${year}.pdf`;
        const documentId = Number(insertDocument.run(sha, path).lastInsertRowid);
        const department = departmentName(d, year);
        const reportId = Number(
          insertReport.run(documentId, department, departmentKey(department), year, sha, path).lastInsertRowid,
        );
        for (let i = 0; i < PER_REPORT && written < rows; i++, written++) {
          const n = (d * 37 + i) % VOCABULARY; // each department keeps its indicators from year to year
          const name = indicatorName(n, y);
          const [level1, level2] = LEVELS[n % LEVELS.length]!;
          const target = 80 + (n % 20);
          const actual = target - 5 + ((d + y + i) % 10);
          insertIndicator.run(
            reportId,
            documentId,
            i,
            level1,
            level2,
            name,
            keyOf(name),
            `≥${target}%`,
            target,
            `${actual}%`,
            actual,
            actual >= target ? 1 : 0.8,
            1 + Math.floor(i / 40),
            sha,
            path,
          );
        }
      }
    }
  });
  for (let d = 0; d < departments && written < rows; d += 50) load.immediate(d);
  db.exec("ANALYZE");
  store.close();
  return { seconds: (performance.now() - started) / 1000, departments };
}

const HISTORY = `SELECT fiscal_year, department, name, target_raw, actual_raw, weight, score, source_path, page
FROM indicator_history WHERE department_key = ? AND name_key = ? ORDER BY fiscal_year`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

function bench(file: string, departments: number): boolean {
  const store = openStore(file, { readonly: true });
  const db = store.db;
  const total = db.prepare("SELECT count(*) FROM indicators").pluck().get() as number;
  const statement = db.prepare(HISTORY);
  const timings: number[] = [];
  let rowsSeen = 0;
  for (let run = 0; run < 200; run++) {
    const d = (run * 7919) % departments;
    const key = [
      departmentKey(departmentName(d, 2016)),
      nameKey(indicatorName((d * 37 + (run % PER_REPORT)) % VOCABULARY, 1)),
    ];
    const t0 = performance.now();
    const rows = statement.all(...key);
    timings.push(performance.now() - t0);
    rowsSeen += rows.length;
  }
  timings.sort((a, b) => a - b);
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${HISTORY}`).all("k", "n") as { detail: string }[];
  const median = percentile(timings, 0.5);
  console.log(`${total.toLocaleString("en")} indicator rows; history of one indicator of one department over 200 runs`);
  console.log(`  rows per history: ${(rowsSeen / timings.length).toFixed(1)} (${YEARS} years expected)`);
  console.log(
    `  median ${median.toFixed(3)} ms, p95 ${percentile(timings, 0.95).toFixed(3)} ms, max ${timings.at(-1)!.toFixed(3)} ms (target < ${TARGET_MS} ms)`,
  );
  console.log("query plan:");
  for (const step of plan) console.log(`  ${step.detail}`);
  // For comparison, not a target: a full-text search over the same rows.
  const t0 = performance.now();
  const hits = db
    .prepare("SELECT count(*) FROM search_index WHERE search_index MATCH '\"婚姻登记满意度\"'")
    .pluck()
    .get();
  console.log(`(search_index MATCH "婚姻登记满意度": ${hits} hits in ${(performance.now() - t0).toFixed(1)} ms)`);
  store.close();
  return median < TARGET_MS && rowsSeen === timings.length * YEARS;
}

const { values } = parseArgs({ options: { rows: { type: "string" }, keep: { type: "string" } } });
const rows = Number(values.rows ?? 1_000_000);
const dir = values.keep ? null : mkdtempSync(join(tmpdir(), "jixiao-bench-"));
const file = values.keep ?? join(dir!, "bench.db");
try {
  const { seconds, departments } = generate(file, rows);
  console.log(
    `generated ${rows.toLocaleString("en")} indicators (${departments} departments × ${YEARS} years × ${PER_REPORT}) in ${seconds.toFixed(1)} s`,
  );
  process.exitCode = bench(file, departments) ? 0 : 1;
} finally {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
