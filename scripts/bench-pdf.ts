// Bench of the text-layer PDF extractor (`npm run bench:pdf [files…]`). Over the fixture PDFs
// (fixtures/*.pdf, else the realdocs), in one process, it times on the same pages:
// - the floor of each reader: pdf.js as lean as jixiao opens it (getTextContent +
//   getOperatorList, fonts not installed, no glyph outlines), and PDFium (every character with
//   its box, every path object with its points, matrix and colours);
// - the full extraction, which reads with PDFium, and the same with pdf.js;
// - `pdftotext -layout`, when installed, as an outside yardstick;
// - pdfminer.six, when installed (Debian: python3-pdfminer), reading the same pages in one Python
//   process as pdfplumber has it read them (scripts/bench/pdfminer_floor.py): pdfplumber's floor,
//   so its line strategy costs at least this. Per-page and fixed costs of both are printed.
// Target: full / pdf.js floor <= 1.3 (set when pdf.js read the pages).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { extractPdf } from "../extractors/pdf/index.js";
import { bytesToDocument, type PdfEngine } from "../extractors/pdf/load.js";
import { PdfiumDocument } from "../extractors/pdf/pdfium.js";
import { buildCorpus } from "./corpus.js";

const TARGET = 1.3;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

/** Given the command line, return the PDFs to time. */
function benchFiles(args: string[]): string[] {
  if (args.length) return args;
  const fixtures = existsSync("fixtures")
    ? readdirSync("fixtures")
        .filter((f) => f.endsWith(".pdf"))
        .map((f) => join("fixtures", f))
    : [];
  if (fixtures.length) return fixtures.sort();
  const real = "fixtures/realdocs";
  return readdirSync(real)
    .filter((f) => f.endsWith(".pdf"))
    .map((f) => join(real, f))
    .sort();
}

/** Given a PDF's bytes, return the milliseconds PDFium takes to read every page's characters and paths, and the page count. */
async function timePdfiumFloor(bytes: Uint8Array, path: string): Promise<{ ms: number; pages: number }> {
  const t0 = performance.now();
  const doc = await PdfiumDocument.open(bytes, path);
  for (let n = 1; n <= doc.numPages; n++) doc.rawPage(n);
  const pages = doc.numPages;
  doc.destroy();
  return { ms: performance.now() - t0, pages };
}

/** Given a PDF's bytes, return the milliseconds pdf.js takes to read every page's text and operators, and the page count. */
async function timeFloor(bytes: Uint8Array, path: string): Promise<{ ms: number; pages: number }> {
  const t0 = performance.now();
  const doc = await bytesToDocument(bytes, path, "read");
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getTextContent();
    await page.getOperatorList();
    page.cleanup();
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { ms: performance.now() - t0, pages };
}

/** Given a PDF's bytes and the reader, return the milliseconds of the full extraction. */
async function timeFull(bytes: Uint8Array, path: string, engine: PdfEngine = "pdfium"): Promise<number> {
  const t0 = performance.now();
  await extractPdf(bytes, path, {}, undefined, engine);
  return performance.now() - t0;
}

/** Given a path, return the milliseconds of `pdftotext -layout`, or null when it is not installed. */
function timePdftotext(path: string): number | null {
  const t0 = performance.now();
  const run = spawnSync("pdftotext", ["-layout", path, "-"], { stdio: ["ignore", "ignore", "ignore"] });
  return run.error ? null : performance.now() - t0;
}

interface PdfminerTimes {
  startup_ms: number;
  files: Record<string, { ms: number; pages: number }>;
}

/** Given a Python module, return a Python that can import it, or null. */
function pythonWith(module: string): string | null {
  for (const python of ["/usr/bin/python3", "python3"]) {
    const probe = spawnSync(python, ["-c", `import ${module}`], { stdio: "ignore" });
    if (probe.status === 0) return python;
  }
  return null;
}

/**
 * Return a Python that has pdfminer.six, installing Debian's python3-pdfminer when it is missing
 * and this runs as root where apt-get is (this bench alone installs it; CI never runs it); else null.
 */
function pythonWithPdfminer(): string | null {
  const found = pythonWith("pdfminer");
  if (found || process.getuid?.() !== 0 || spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status !== 0)
    return found;
  console.log("installing python3-pdfminer (pdfplumber's parser) for the comparison…");
  spawnSync("apt-get", ["install", "-y", "python3-pdfminer"], { stdio: "ignore" });
  return pythonWith("pdfminer");
}

/** Given a Python with pdfminer.six and the files, return its fastest time per file over ROUNDS rounds in one process (pdfplumber's line strategy when asked). */
function timePdfminer(python: string, files: string[], pdfplumber = false): PdfminerTimes {
  const script = join(import.meta.dirname, "bench/pdfminer_floor.py");
  const run = spawnSync(python, [script, ...(pdfplumber ? ["--pdfplumber"] : []), String(ROUNDS), ...files], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`pdfminer_floor.py failed: ${run.stderr.slice(-1000)}`);
  return JSON.parse(run.stdout) as PdfminerTimes;
}

/** Given a command, return the median wall time of `times` runs of it as a whole process. */
function wallMs(command: string, args: string[], times = 5): number {
  const runs: number[] = [];
  for (let k = 0; k < times; k++) {
    const t0 = performance.now();
    const run = spawnSync(command, args, { stdio: "ignore" });
    if (run.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${run.status})`);
    runs.push(performance.now() - t0);
  }
  return runs.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

/**
 * Given the per-file results, print jixiao's and pdfminer.six's per-page cost (in one process)
 * and fixed cost (a whole process reading a one-page file, less that file's in-process time).
 */
function printAgainstPdfminer(python: string, files: string[], fullByFile: Map<string, number>, pages: number): void {
  const miner = timePdfminer(python, files);
  const minerTotal = files.reduce((sum, f) => sum + miner.files[f]!.ms, 0);
  const fullTotal = files.reduce((sum, f) => sum + fullByFile.get(f)!, 0);
  const single = files.find((f) => miner.files[f]!.pages === 1 && !f.includes(".scan.")) ?? files[0]!;
  const jixiaoFixed =
    wallMs(process.execPath, [join(import.meta.dirname, "../bin/jixiao.js"), "extract", single, "--json"]) -
    fullByFile.get(single)!;
  const minerFixed =
    wallMs(python, [join(import.meta.dirname, "bench/pdfminer_floor.py"), "0", single]) - miner.files[single]!.ms;
  const perPage = (ms: number) => `${(ms / pages).toFixed(2)} ms/page`;
  console.log(`\nagainst pdfplumber's floor (pdfminer.six, one process each, ${pages} pages):`);
  console.log(`  jixiao, whole extraction:  ${perPage(fullTotal)}, fixed ${jixiaoFixed.toFixed(0)} ms per process`);
  console.log(`  pdfminer.six, pages read:  ${perPage(minerTotal)}, fixed ${minerFixed.toFixed(0)} ms per process`);
  console.log(
    `  jixiao / pdfminer.six: ${(fullTotal / minerTotal).toFixed(2)} per page, ${(jixiaoFixed / minerFixed).toFixed(2)} fixed` +
      ` (pdfplumber's line strategy costs more than pdfminer.six alone, so its ratio is lower still)`,
  );
  const plumber = pythonWith("pdfplumber");
  if (!plumber) {
    console.log(
      "  pdfplumber is not installed (pip install pdfplumber, from its source release): its line strategy not timed",
    );
    return;
  }
  const tables = timePdfminer(plumber, files, true);
  const tablesTotal = files.reduce((sum, f) => sum + tables.files[f]!.ms, 0);
  console.log(`  pdfplumber, line strategy: ${perPage(tablesTotal)}`);
  console.log(`  jixiao / pdfplumber: ${(fullTotal / tablesTotal).toFixed(2)} per page (target <= 0.5)`);
}

/**
 * Given the text-layer PDFs, time the whole pipeline (extraction, normalizers, validation, the
 * SQLite store) as `jixiao import --workers 1`, one process, over BENCH_COPIES distinct copies of
 * each, against pdfminer.six reading the same files in one Python process.
 */
function printWholePipeline(python: string, files: string[]): void {
  const copies = Number(process.env.BENCH_COPIES ?? 5);
  const text = files.filter((f) => !f.includes(".scan."));
  const dir = mkdtempSync(join(tmpdir(), "jixiao-bench-pdf-"));
  try {
    const corpus = buildCorpus(text, join(dir, "corpus"), text.length * copies);
    const jixiao = wallMs(
      process.execPath,
      [
        join(import.meta.dirname, "../bin/jixiao.js"),
        "import",
        join(dir, "corpus"),
        "--db",
        join(dir, "bench.db"),
        "--workers",
        "1",
      ],
      1,
    );
    const miner = wallMs(python, [join(import.meta.dirname, "bench/pdfminer_floor.py"), "0", ...corpus], 1);
    console.log(`\nwhole pipeline, ${corpus.length} PDFs (${copies} copies of ${text.length}), one process each:`);
    console.log(
      `  jixiao import --workers 1: ${(jixiao / 1000).toFixed(1)} s; pdfminer.six reading the pages: ${(miner / 1000).toFixed(1)} s`,
    );
    console.log(
      `  jixiao / pdfminer.six: ${(jixiao / miner).toFixed(2)} (target against pdfplumber's line strategy: <= 0.5)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Given timings of several rounds, return the fastest (the least disturbed by the machine). */
function best(values: number[]): number {
  return Math.min(...values);
}

/** The columns of the table, each a sum over the files. */
const COLUMNS = ["pdf.js floor", "PDFium floor", "full", "full, pdf.js", "pdftotext"] as const;
type Column = (typeof COLUMNS)[number];

async function main(): Promise<void> {
  const files = benchFiles(process.argv.slice(2));
  const head = ["file", "pages", ...COLUMNS.map((c) => `${c} ms`), "full/floor", "pages/s"];
  const rows: string[][] = [head];
  const total: Record<Column, number> = {
    "pdf.js floor": 0,
    "PDFium floor": 0,
    full: 0,
    "full, pdf.js": 0,
    pdftotext: 0,
  };
  let pagesTotal = 0,
    popplerSeen = true;
  const fullByFile = new Map<string, number>();
  for (const path of files) {
    const bytes = new Uint8Array(readFileSync(path));
    // Warm-up: module code, the WebAssembly, CMaps and fonts the first run loads.
    await timeFull(bytes, path);
    await timeFull(bytes, path, "pdfjs");
    const runs: Record<Column, number[]> = {
      "pdf.js floor": [],
      "PDFium floor": [],
      full: [],
      "full, pdf.js": [],
      pdftotext: [],
    };
    let pages = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const floor = await timeFloor(bytes, path);
      pages = floor.pages;
      runs["pdf.js floor"].push(floor.ms);
      runs["PDFium floor"].push((await timePdfiumFloor(bytes, path)).ms);
      runs.full.push(await timeFull(bytes, path));
      runs["full, pdf.js"].push(await timeFull(bytes, path, "pdfjs"));
      const poppler = timePdftotext(path);
      if (poppler == null) popplerSeen = false;
      else runs.pdftotext.push(poppler);
    }
    const fastest = Object.fromEntries(COLUMNS.map((c) => [c, runs[c].length ? best(runs[c]) : NaN])) as Record<
      Column,
      number
    >;
    for (const c of COLUMNS) total[c] += fastest[c];
    fullByFile.set(path, fastest.full);
    pagesTotal += pages;
    rows.push([
      basename(path).slice(0, 48),
      String(pages),
      ...COLUMNS.map((c) => (Number.isNaN(fastest[c]) ? "-" : fastest[c].toFixed(0))),
      (fastest.full / fastest["PDFium floor"]).toFixed(2),
      ((pages * 1000) / fastest.full).toFixed(1),
    ]);
  }
  const ratio = total.full / total["PDFium floor"];
  rows.push([
    "total",
    String(pagesTotal),
    ...COLUMNS.map((c) => (c === "pdftotext" && !popplerSeen ? "-" : total[c].toFixed(0))),
    ratio.toFixed(2),
    ((pagesTotal * 1000) / total.full).toFixed(1),
  ]);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows)
    console.log(r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join("  "));
  console.log(`PDFium floor / pdf.js floor: ${(total["PDFium floor"] / total["pdf.js floor"]).toFixed(2)}`);
  console.log(`full / full with pdf.js: ${(total.full / total["full, pdf.js"]).toFixed(2)}`);
  if (popplerSeen) console.log(`full / pdftotext -layout: ${(total.full / total.pdftotext).toFixed(2)}`);
  // The target was set against pdf.js's floor, which every extraction paid before PDFium read the pages.
  const againstPdfjs = total.full / total["pdf.js floor"];
  console.log(`full / PDFium floor: ${ratio.toFixed(2)} (what jixiao's own stages add to the reading)`);
  console.log(
    `full / pdf.js floor ${againstPdfjs.toFixed(2)} (target <= ${TARGET}): ${againstPdfjs <= TARGET ? "ok" : "SLOWER THAN TARGET"}`,
  );
  const python = pythonWithPdfminer();
  if (python) {
    printAgainstPdfminer(python, files, fullByFile, pagesTotal);
    printWholePipeline(python, files);
  } else
    console.log(
      "pdfminer.six is not installed (Debian: apt-get install python3-pdfminer): no comparison with pdfplumber's floor",
    );
}

await main();
