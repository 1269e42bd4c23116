// `npm run bench:ocr [-- --engine paddle|tesseract] [--only NAME] [--rounds N]`: reads every scanned fixture
// (fixtures/*.scan.pdf) with each OCR engine and prints, per engine, seconds per page (layout and
// recognition apart), how many of the expected Document's cells (indicator names, targets,
// actuals, weights, scores, budget figures) appear as whole cells of the grids, and how many of
// its numeric cells do. Where the native `tesseract` command is installed, the same page images
// are read by it (chi_sim, PSM 6) and the ratio of each engine's time to its time is printed.
// `BENCH_BASELINE=<another checkout>` also reads every fixture with that checkout's OCR extractor
// (its sources, through tsx), in the same process and just before this one's, and prints the
// ratio of this checkout's seconds per page to the baseline's, per fixture and over all pages.
// With `--rounds N` each fixture is read N times (taking turns with the baseline) and the fastest kept.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bytesToDocument } from "../extractors/pdf/load.js";
import { grayToPgm, tessdataDir } from "../extractors/pdf/ocr/engines/tesseract.js";
import { rgbaToGray } from "../extractors/pdf/ocr/image.js";
import { ocrEngineNames, ocrPdfPages, type OcrEngineName, type OcrResult } from "../extractors/pdf/ocr/index.js";
import { documentToRaster } from "../extractors/pdf/ocr/render.js";
import { defaultOcrSettings } from "../extractors/pdf/ocr/settings.js";
import { DocumentSchema, type Document } from "../contracts/model.js";
import { expectedCells, gridHits } from "./bench-ocr-cells.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const FIXTURES = path.join(ROOT, "fixtures");

interface Row {
  fixture: string;
  engine: string;
  pages: number;
  seconds: number;
  layout: number;
  recognition: number;
  cells: string;
  numeric: string;
  misses: string[];
}

/** Given a scanned PDF, return the seconds the native tesseract command takes per page on the same page images, or null without it. */
async function nativeSecondsPerPage(bytes: Uint8Array, file: string): Promise<number | null> {
  const tessdata = tessdataDir(null);
  try {
    execFileSync("tesseract", ["--version"], { stdio: "pipe" });
  } catch {
    return null;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-bench-"));
  const doc = await bytesToDocument(bytes, file);
  try {
    let seconds = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const raster = await documentToRaster(doc, n, defaultOcrSettings.dpi);
      const image = path.join(dir, `page-${n}.pgm`);
      writeFileSync(image, grayToPgm(rgbaToGray(raster.image, defaultOcrSettings.seal).gray));
      const started = performance.now();
      execFileSync(
        "tesseract",
        [image, "stdout", "-l", "chi_sim", "--psm", "6", ...(tessdata ? ["--tessdata-dir", tessdata] : [])],
        { stdio: "pipe", env: { ...process.env, OMP_THREAD_LIMIT: "2" } },
      );
      seconds += (performance.now() - started) / 1000;
    }
    return seconds / doc.numPages;
  } finally {
    await doc.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

type OcrPages = typeof ocrPdfPages;

/** Given a checkout's directory, return its OCR extractor's entry point. */
async function baselineOcr(dir: string): Promise<OcrPages> {
  const module = (await import(path.join(path.resolve(dir), "extractors/pdf/ocr/index.ts"))) as {
    ocrPdfPages: OcrPages;
  };
  return module.ocrPdfPages;
}

async function benchOne(
  file: string,
  expected: Document,
  engine: OcrEngineName,
  ocr: OcrPages = ocrPdfPages,
): Promise<Row> {
  const bytes = readFileSync(file);
  const pages = expected.source.pages ?? 1;
  const started = performance.now();
  const result: OcrResult = await ocr(
    bytes,
    file,
    Array.from({ length: pages }, (_, i) => i + 1),
    { engine },
  );
  const seconds = (performance.now() - started) / 1000;
  const wanted = expectedCells(expected);
  const { hits, misses } = gridHits(result.blocks, wanted);
  const numeric = wanted.filter((w) => w.numeric);
  const numericHits = hits.filter((w) => w.numeric).length;
  const sum = (f: (p: OcrResult["pages"][number]) => number) => result.pages.reduce((s, p) => s + f(p), 0) / pages;
  return {
    fixture: path.basename(file),
    engine,
    pages,
    seconds: seconds / pages,
    layout: sum((p) => p.seconds.layout),
    recognition: sum((p) => p.seconds.recognition),
    cells: `${hits.length}/${wanted.length} (${((100 * hits.length) / Math.max(1, wanted.length)).toFixed(1)}%)`,
    numeric: `${numericHits}/${numeric.length} (${((100 * numericHits) / Math.max(1, numeric.length)).toFixed(1)}%)`,
    misses: misses.map((m) => m.text),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const pick = (flag: string) =>
    args.flatMap((a, i) =>
      a === flag ? [args[i + 1] ?? ""] : a.startsWith(`${flag}=`) ? [a.slice(flag.length + 1)] : [],
    );
  const engines = (pick("--engine").length ? pick("--engine") : [...ocrEngineNames]) as OcrEngineName[];
  const only = pick("--only");
  const rounds = Math.max(1, Number(pick("--rounds")[0] ?? 1));
  const files = readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".scan.pdf") && (only.length === 0 || only.some((o) => f.startsWith(`${o}.`))))
    .sort();
  const rows: Row[] = [];
  const baseline = process.env.BENCH_BASELINE ? await baselineOcr(process.env.BENCH_BASELINE) : null;
  const totals = new Map<OcrEngineName, { pages: number; ours: number; theirs: number }>();
  for (const f of files) {
    const file = path.join(FIXTURES, f);
    const expected = DocumentSchema.parse(JSON.parse(readFileSync(`${file}.expected.json`, "utf8")));
    const native = await nativeSecondsPerPage(readFileSync(file), file);
    for (const engine of engines) {
      // The fastest of the rounds, this checkout's and the baseline's taking turns (shared machines are noisy).
      let before: Row | null = null;
      let row: Row | null = null;
      for (let round = 0; round < rounds; round++) {
        const theirs = baseline ? await benchOne(file, expected, engine, baseline) : null;
        const ours = await benchOne(file, expected, engine);
        if (theirs && (!before || theirs.seconds < before.seconds)) before = theirs;
        if (!row || ours.seconds < row.seconds) row = ours;
      }
      if (!row) continue;
      rows.push(row);
      let ratio = native
        ? ` | ${(row.seconds / native).toFixed(2)}× native tesseract (${native.toFixed(1)} s/page)`
        : "";
      if (before) {
        const total = totals.get(engine) ?? { pages: 0, ours: 0, theirs: 0 };
        totals.set(engine, {
          pages: total.pages + row.pages,
          ours: total.ours + row.seconds * row.pages,
          theirs: total.theirs + before.seconds * before.pages,
        });
        ratio += ` | ${(row.seconds / before.seconds).toFixed(2)}× baseline (${before.seconds.toFixed(1)} s/page, cells ${before.cells}, numeric ${before.numeric})`;
      }
      console.log(
        `${row.fixture} | ${engine} | ${row.seconds.toFixed(1)} s/page (layout ${row.layout.toFixed(1)}, recognition ${row.recognition.toFixed(1)})${ratio} | cells ${row.cells} | numeric ${row.numeric}`,
      );
      if (args.includes("--misses")) for (const m of row.misses) console.log(`    missing: ${m}`);
    }
  }
  for (const [engine, t] of totals)
    console.log(
      `all ${t.pages} pages | ${engine} | ${(t.ours / t.pages).toFixed(2)} s/page against the baseline's ${(t.theirs / t.pages).toFixed(2)}: ${(t.ours / t.theirs).toFixed(2)}×`,
    );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
