// npm run bench: the import benchmark. Builds a corpus of ≥1,000 documents from the fixtures
// (distinct copies), imports it with 1 worker and with all cores, each as a child process of the
// real CLI, and prints documents and pages per second, the scaling ratio, peak memory and the time
// split by stage. Then the same corpus through a PostgreSQL server's queue (bench-pg.ts) with 1 and
// 2 worker processes, and the SQL benchmark (history query over 1,000,000 indicator rows) when present.
// Figures are ratios within this one run: the machines are shared and noisy. With
// BENCH_BASELINE=<another built checkout of jixiao>, the 1-worker import is also run with that
// checkout's CLI on the same corpus, first, and the ratio printed (how a change moved throughput).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { benchPostgres } from "./bench-pg.js";
import { buildCorpus, fixtureSources } from "./corpus.js";

const REPO = resolve(import.meta.dirname, "..");
const count = Number(process.env.BENCH_DOCS ?? 1000);
const kinds = (process.env.BENCH_FORMATS ?? ".docx,.pdf").split(",");

interface Stats {
  files: number;
  imported: number;
  pages: number;
  indicators: number;
  elapsedMs: number;
  maxRssKb: number;
  cpuMs: number;
  failed: Record<string, number>;
  timings: { read: number; extract: number; normalize: number; store: number };
}

function importWith(corpus: string, workers: number, dir: string, repo = REPO): Stats {
  const db = join(dir, `bench-${workers}-${repo === REPO ? "this" : "baseline"}.db`);
  const run = spawnSync(
    "node",
    [join(repo, "bin/jixiao.js"), "import", corpus, "--db", db, "--workers", String(workers)],
    {
      env: { ...process.env, JIXIAO_STATS: "1" },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const line = run.stderr.split("\n").find((l) => l.startsWith("JIXIAO_STATS "));
  if (run.status !== 0 || !line) throw new Error(`import failed (${run.status}): ${run.stderr.slice(-2000)}`);
  return JSON.parse(line.slice("JIXIAO_STATS ".length)) as Stats;
}

function report(label: string, s: Stats): void {
  const seconds = s.elapsedMs / 1000;
  const t = s.timings,
    total = t.read + t.extract + t.normalize + t.store;
  const pct = (x: number) => `${((100 * x) / total).toFixed(0)}%`;
  console.log(
    `${label}: ${s.imported}/${s.files} documents, ${s.pages} pages, ${s.indicators} indicators in ${seconds.toFixed(1)} s`,
  );
  console.log(
    `  ${(s.files / seconds).toFixed(1)} documents/s, ${(s.pages / seconds).toFixed(1)} pages/s, peak RSS ${(s.maxRssKb / 1024).toFixed(0)} MB`,
  );
  console.log(
    `  CPU ${(s.cpuMs / 1000).toFixed(1)} s over all threads: ${(s.cpuMs / s.elapsedMs).toFixed(2)} cores busy on average`,
  );
  console.log(
    `  stage time (summed over files): read ${pct(t.read)}, extract ${pct(t.extract)}, normalize ${pct(t.normalize)}, store ${pct(t.store)}`,
  );
  if (Object.keys(s.failed).length) console.log(`  failed: ${JSON.stringify(s.failed)}`);
}

const dir = mkdtempSync(join(tmpdir(), "jixiao-bench-"));
try {
  // Scans are left out unless asked for: at seconds per page they would measure OCR, which
  // `npm run bench:ocr` measures on its own, rather than the import machinery.
  const sources = fixtureSources(join(REPO, "fixtures"), kinds).filter(
    (f) => process.env.BENCH_SCANS || !f.includes(".scan."),
  );
  console.log(`corpus: ${count} copies of ${sources.length} fixtures (${kinds.join(" ")}) in ${dir}`);
  buildCorpus(sources, join(dir, "corpus"), count);
  const baselineRepo = process.env.BENCH_BASELINE ? resolve(process.env.BENCH_BASELINE) : null;
  const baseline = baselineRepo ? importWith(join(dir, "corpus"), 1, dir, baselineRepo) : null;
  if (baseline) report(`baseline ${baselineRepo}, 1 worker`, baseline);
  const one = importWith(join(dir, "corpus"), 1, dir);
  report("1 worker", one);
  if (baseline)
    console.log(
      `1 worker: ${(baseline.elapsedMs / one.elapsedMs).toFixed(2)}× the documents per second of the baseline`,
    );
  const cores = availableParallelism();
  const all = importWith(join(dir, "corpus"), cores, dir);
  report(`${cores} workers`, all);
  console.log(
    `scaling: ${cores} workers give ${(one.elapsedMs / all.elapsedMs).toFixed(2)}× the throughput of 1 worker`,
  );
  // One worker's run already keeps more than one core busy (V8 compiles and collects garbage on
  // helper threads, the main thread writes); with the same CPU per document, n cores allow at most this.
  const ceiling = Math.min(cores, cores / (one.cpuMs / one.elapsedMs));
  console.log(
    `  with the CPU per document of the 1-worker run, ${cores} cores allow at most ${ceiling.toFixed(2)}×; the ${cores}-worker run spent ${(all.cpuMs / one.cpuMs).toFixed(2)}× its CPU`,
  );
  if (!process.env.BENCH_NO_PG) await benchPostgres(join(dir, "corpus"), one.files / (one.elapsedMs / 1000));
  const sql = join(REPO, "scripts/bench-sql.ts");
  if (existsSync(sql)) spawnSync("node", ["--import", "tsx", sql], { stdio: "inherit" });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
