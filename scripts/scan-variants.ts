// `npm run scan:variants [-- --keep DIR]`: scans the forms no scan fixture is made from (the
// regional variants and the other families) with the harder scans' looks, reads each scan and
// scores it against the source's expected Document, cell by cell and on its figures alone. The
// scans are not fixtures: they stand in for scans held back, so the OCR path is measured on forms
// it was never tuned on.
// They are written to a temporary folder (or DIR) and are the same bytes on every run (seeded).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { extractFile } from "../src/pipeline.js";
import { addNumeric, scoreDocument, tallyToScores, totalTally, addTallies } from "../src/score/index.js";
import { SCAN_SETTINGS, scanFixture, type ScanLook } from "./fixtures/scan.js";

const VARIANTS = [
  "zhejiang-department",
  "guangdong-scoring",
  "jiangsu-project",
  "hunan-noscore",
  "anhui-targets",
  "chongqing-department",
  // The families whose scans are not fixtures either.
  "chongqing-sheet",
  "project-wide",
  "sichuan-sheet",
  "wuhan",
];

/** The looks taken in turn: low resolution with worn rules and the seal over figures, a colour scan, a skewed and shifted one. */
const LOOKS: Partial<ScanLook>[] = [
  { dpi: 150, minAngle: 0.5, maxAngle: 2.5, jpegQuality: 40, ruleDarkness: 0.7, ruleGaps: 0.04, sealAt: "figures" },
  { dpi: 200, minAngle: 0.3, maxAngle: 1.5, jpegQuality: 45, ink: [30, 30, 90], paper: [250, 246, 230] },
  { dpi: 160, minAngle: 1, maxAngle: 3, jpegQuality: 35, zoomJitter: 0.02, shiftJitter: 0.015 },
];

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const keep = args[args.indexOf("--keep") + 1];
  const dir = args.includes("--keep") && keep ? path.resolve(keep) : mkdtempSync(path.join(tmpdir(), "jixiao-scans-"));
  // scanFixture writes below fixtures/: the folder is given relative to it.
  const relative = path.relative(path.resolve(path.dirname(new URL(import.meta.url).pathname), "../fixtures"), dir);
  const scores = [];
  try {
    for (const [k, name] of VARIANTS.entries()) {
      const look = { ...SCAN_SETTINGS, ...LOOKS[k % LOOKS.length] };
      await scanFixture({ name, dir: relative, pages: null, seal: "临川县财政局", seed: 100 + k, look });
      const file = path.join(dir, `${name}.scan.pdf`);
      const expected = JSON.parse(readFileSync(`${file}.expected.json`, "utf8")) as unknown;
      const { document } = await extractFile(file);
      const score = scoreDocument(expected, document, name);
      scores.push(score);
      const cells = tallyToScores(totalTally(score.tallies));
      console.log(
        `${name.padEnd(24)} ${look.dpi} dpi | cell F1 ${pct(cells.f1)} | numeric F1 ${pct(tallyToScores(score.numeric).f1)}`,
      );
    }
    const all = tallyToScores(totalTally(addTallies(scores)));
    console.log(
      `all ${VARIANTS.length} scans | cell F1 ${pct(all.f1)} | numeric F1 ${pct(tallyToScores(addNumeric(scores)).f1)}`,
    );
  } finally {
    if (!args.includes("--keep")) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
