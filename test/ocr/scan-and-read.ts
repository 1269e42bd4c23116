// A form of the fixtures scanned afresh with a look of its own (seeded, so the same bytes on every
// run) into a temporary folder, then read: what a scan held back would be, for tests of the OCR path.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Document } from "../../contracts/model.js";
import { extractFile } from "../../src/pipeline.js";
import { SCAN_SETTINGS, scanFixture, type ScanLook } from "../../scripts/fixtures/scan.js";

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures");

/** Given a fixture's name, a look, a seed and the seal's legend, return the expected Document of its scan and the Document read from it. */
export async function scanAndRead(
  name: string,
  look: Partial<ScanLook>,
  seed: number,
  seal = "临川县财政局",
): Promise<{ expected: Document; read: Document }> {
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-scan-"));
  try {
    const relative = path.relative(FIXTURES, dir);
    await scanFixture({
      name,
      dir: relative,
      pages: null,
      seal,
      seed,
      look: { ...SCAN_SETTINGS, ...look },
    });
    const file = path.join(dir, `${name}.scan.pdf`);
    const expected = JSON.parse(readFileSync(`${file}.expected.json`, "utf8")) as Document;
    return { expected, read: (await extractFile(file)).document };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A look no fixture has: 150 dpi, 1–2.8° per page, JPEG 38, rules worn faint and broken, the seal over the figures. */
export const WORN_LOOK: Partial<ScanLook> = {
  dpi: 150,
  minAngle: 1,
  maxAngle: 2.8,
  jpegQuality: 38,
  ruleDarkness: 0.65,
  ruleGaps: 0.06,
  sealAt: "figures",
  zoomJitter: 0.025,
  shiftJitter: 0.02,
};
