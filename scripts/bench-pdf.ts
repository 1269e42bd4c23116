// Bench of the text-layer PDF extractor (`npm run bench:pdf [files…]`). Over the fixture PDFs
// (fixtures/*.pdf, else the realdocs), it times the full extraction against its floor: pdf.js
// alone running getTextContent + getOperatorList over the same pages in the same process, which
// every text-layer extraction must pay. Target: full / floor <= 1.3. `pdftotext -layout` is timed
// too when installed, as an outside yardstick.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { extractPdf } from "../extractors/pdf/index.js";
import { bytesToDocument } from "../extractors/pdf/load.js";

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

/** Given a PDF's bytes, return the milliseconds of the full extraction. */
async function timeFull(bytes: Uint8Array, path: string): Promise<number> {
  const t0 = performance.now();
  await extractPdf(bytes, path);
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

async function main(): Promise<void> {
  const files = benchFiles(process.argv.slice(2));
  const rows: string[][] = [["file", "pages", "floor ms", "full ms", "full/floor", "pages/s", "pdftotext ms"]];
  let floorTotal = 0,
    fullTotal = 0,
    pagesTotal = 0,
    popplerTotal = 0,
    popplerSeen = true;
  for (const path of files) {
    const bytes = new Uint8Array(readFileSync(path));
    await timeFull(bytes, path); // warm-up: module code, CMaps and fonts the first run loads
    const floors: number[] = [],
      fulls: number[] = [],
      popplers: number[] = [];
    let pages = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const floor = await timeFloor(bytes, path);
      pages = floor.pages;
      floors.push(floor.ms);
      fulls.push(await timeFull(bytes, path));
      const poppler = timePdftotext(path);
      if (poppler == null) popplerSeen = false;
      else popplers.push(poppler);
    }
    const [floor, full] = [best(floors), best(fulls)];
    floorTotal += floor;
    fullTotal += full;
    pagesTotal += pages;
    if (popplers.length) popplerTotal += best(popplers);
    rows.push([
      basename(path).slice(0, 48),
      String(pages),
      floor.toFixed(0),
      full.toFixed(0),
      (full / floor).toFixed(2),
      ((pages * 1000) / full).toFixed(1),
      popplers.length ? best(popplers).toFixed(0) : "-",
    ]);
  }
  const ratio = fullTotal / floorTotal;
  rows.push([
    "total",
    String(pagesTotal),
    floorTotal.toFixed(0),
    fullTotal.toFixed(0),
    ratio.toFixed(2),
    ((pagesTotal * 1000) / fullTotal).toFixed(1),
    popplerSeen ? popplerTotal.toFixed(0) : "-",
  ]);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows)
    console.log(r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join("  "));
  if (popplerSeen) console.log(`full / pdftotext -layout: ${(fullTotal / popplerTotal).toFixed(2)}`);
  console.log(
    `full / floor ${ratio.toFixed(2)} (target <= ${TARGET}): ${ratio <= TARGET ? "ok" : "SLOWER THAN TARGET"}`,
  );
}

await main();
