// Print crossed by the seal's ink loses strokes with the ink, and the recognizer, which sees only
// what is left, may be sure of a wrong reading: a score "15" under the ring read "13" at 0.97 made
// a consistent project sheet's total an error. A line the seal's ink crosses is read in doubt, so
// a finding resting on it says "verify".
import { describe, expect, it } from "vitest";
import { about, findingsOf } from "./findings.js";
import { scanAndRead, WORN_LOOK } from "./scan-and-read.js";

describe("a project sheet scanned at 150 dpi, its seal over the scores", () => {
  it("accuses the document of no error it does not make, and finds each it makes", async () => {
    const { expected, read } = await scanAndRead("project-sheet", WORN_LOOK, 777, "北川县民政局");
    const printed = findingsOf(expected).map(about);
    const found = findingsOf(read);
    expect(found.map(about)).toEqual(expect.arrayContaining(printed));
    expect(found.filter((f) => f.severity === "error" && !printed.includes(about(f)))).toEqual([]);
    // The score under the ring is read in doubt.
    const sealed = found.find((f) => f.kind === "total-mismatch" && f.severity === "verify");
    expect(sealed?.message).toMatch(/read by OCR/);
  }, 90_000);
});
