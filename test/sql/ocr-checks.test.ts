// The checks on documents read by OCR (schema version 5): a finding resting on a figure read with
// low confidence says "verify", a total that disagrees because rows were not read is a warning about
// the reading, and a wrong figure read with high confidence is still an error.
import { describe, expect, test } from "vitest";
import { storeFindings, type Finding } from "../../src/checks.js";
import type { Document, Provenance } from "../../contracts/model.js";
import { fakeSha, fixtureDocument, storeWith } from "./helpers.js";

function findingsOf(docs: Document[]): Finding[] {
  const store = storeWith(docs);
  try {
    return storeFindings(store.db);
  } finally {
    store.close();
  }
}

/** Given figures as printed and a confidence for each, return the provenance OCR would give their row. */
function scanned(figures: [string, number][], page = 1): Provenance {
  const sorted = figures
    .map(([text, confidence]) => ({ text, confidence }))
    .sort((a, b) => a.confidence - b.confidence);
  return {
    page,
    table: 0,
    row: 1,
    box: { x0: 50, y0: 100, x1: 500, y1: 120 },
    ocr: { confidence: sorted[0]?.confidence ?? 1, figures: sorted },
  };
}

/** The liuzhou fixture as if scanned: every figure of every record read with the given confidence, the total made consistent. */
function scannedLiuzhou(confidence = 0.97): Document {
  const doc = fixtureDocument("liuzhou");
  doc.source = { ...doc.source, sha256: fakeSha(7), path: "scans/liuzhou.pdf", format: "pdf", textLayer: "ocr" };
  const report = doc.reports[0]!;
  report.totalScore = 100;
  report.totalScoreProvenance = scanned([["100", confidence]]);
  for (const b of report.budget)
    b.provenance = scanned(
      [b.adjusted, b.executed, b.weight, b.score].flatMap((v) =>
        v == null ? [] : [[String(v), confidence] as [string, number]],
      ),
    );
  for (const b of report.budget)
    if (b.rateReported != null)
      b.provenance!.ocr!.figures.push({ text: `${(b.rateReported * 100).toFixed(2)}%`, confidence });
  for (const i of report.indicators) {
    const printed = [i.weight, i.score].flatMap((v) => (v == null ? [] : [String(v)]));
    i.provenance = scanned(
      [...printed, ...[i.target?.raw, i.actual?.raw].flatMap((t) => (t ? [t] : []))].map(
        (t) => [t, confidence] as [string, number],
      ),
      2,
    );
  }
  return doc;
}

describe("checks on a scanned report", () => {
  test("find nothing on a consistent scan read with high confidence", () => {
    expect(findingsOf([scannedLiuzhou()])).toEqual([]);
  });

  test("still report a wrong total read with high confidence as an error, saying it was read by OCR and how surely", () => {
    const doc = scannedLiuzhou();
    doc.reports[0]!.totalScore = 97.36;
    doc.reports[0]!.totalScoreProvenance = scanned([["97.36", 0.98]]);
    const [f, ...rest] = findingsOf([doc]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      severity: "error",
      kind: "total-mismatch",
      ocrConfidence: 0.97,
      message:
        "the printed total 97.36 is not the sum of the scores, 100 (indicators 90 + budget 10) (figures read by OCR, lowest confidence 0.97)",
    });
  });

  test("report a wrong score above its weight as 'verify' when the score was read with low confidence", () => {
    const doc = scannedLiuzhou();
    const indicator = doc.reports[0]!.indicators.find((i) => i.weight === 5)!;
    indicator.score = 8;
    indicator.provenance = scanned(
      [
        ["5", 0.99],
        ["8", 0.62],
        ...[indicator.target?.raw, indicator.actual?.raw].flatMap((t) => (t ? [[t, 0.99] as [string, number]] : [])),
      ],
      2,
    );
    doc.reports[0]!.totalScore = 103;
    const findings = findingsOf([doc]);
    const above = findings.find((f) => f.kind === "score-above-weight")!;
    expect(above).toMatchObject({ severity: "verify", ocrConfidence: 0.62, subject: indicator.name });
    expect(above.message).toMatch(/\(figures read by OCR, lowest confidence 0\.62: verify on the page\)$/);
    // The total rests on that score as well: never an error while one of its figures is in doubt.
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(findings.map((f) => [f.severity, f.kind])).toEqual([
      ["verify", "total-above-maximum"],
      ["verify", "score-above-weight"],
    ]);
  });

  test("report a score that no cell reads as a well-formed figure as 'verify' (two readings in one cell, '9 10')", () => {
    const doc = scannedLiuzhou();
    const indicator = doc.reports[0]!.indicators.find((i) => i.weight === 5)!;
    indicator.score = 910;
    indicator.provenance = scanned(
      [
        ["5", 0.99],
        ["9 10", 0.99],
      ],
      2,
    );
    const above = findingsOf([doc]).find((f) => f.kind === "score-above-weight")!;
    expect(above).toMatchObject({ severity: "verify", ocrConfidence: 0.5 });
  });

  test("report a printed rate misread as more digits as 'verify', not as an error, when it was read with low confidence", () => {
    const doc = scannedLiuzhou();
    const line = doc.reports[0]!.budget.find((b) => b.rateReported != null)!;
    line.rateReported = 0.94979; // "94.97%" read as "94.9790"
    line.provenance = scanned([
      [String(line.adjusted), 0.99],
      [String(line.executed), 0.99],
      ["94.9790", 0.71],
      ...[line.weight, line.score].flatMap((v) => (v == null ? [] : [[String(v), 0.99] as [string, number]])),
    ]);
    const [f, ...rest] = findingsOf([doc]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: "verify", kind: "rate-disagrees", ocrConfidence: 0.71 });
  });

  test("turn a total that disagrees because rows were not read into a warning about the reading", () => {
    const doc = scannedLiuzhou();
    const report = doc.reports[0]!;
    report.indicators = report.indicators.slice(0, 5); // the continuation page was not read
    const findings = findingsOf([doc]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", kind: "total-unread" });
    expect(findings[0]!.message).toMatch(
      /^the printed total 100 is not the sum of the scores, .*; but the scan was not read whole \(the weights read add up to \d+ less than the maximum\): check the reading before the document$/,
    );
  });

  test("leave a text-layer document's total mismatch an error although its rows are incomplete", () => {
    const doc = fixtureDocument("liuzhou");
    doc.reports[0]!.totalScore = 100;
    doc.reports[0]!.indicators = doc.reports[0]!.indicators.slice(0, 5);
    expect(findingsOf([doc]).map((f) => [f.severity, f.kind, f.ocrConfidence])).toEqual([
      ["error", "total-mismatch", null],
    ]);
  });
});
