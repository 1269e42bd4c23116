// Bench of the text-layer PDF extractor (`npm run bench:pdf [files…]`). Over the fixture PDFs
// (fixtures/*.pdf, else the realdocs), in one process, it times on the same pages:
// - the floor of each reader: pdf.js as lean as jixiao opens it (getTextContent +
//   getOperatorList, fonts not installed, no glyph outlines), and PDFium (every character with
//   its box, every path object with its points, matrix and colours);
// - the full extraction, which reads with PDFium, and the same with pdf.js;
// - `pdftotext -layout`, when installed, as an outside yardstick.
// Target: full / pdf.js floor <= 1.3 (set when pdf.js read the pages).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { extractPdf } from "../extractors/pdf/index.js";
import { bytesToDocument, type PdfEngine } from "../extractors/pdf/load.js";
import { PdfiumDocument } from "../extractors/pdf/pdfium.js";

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
}

await main();
