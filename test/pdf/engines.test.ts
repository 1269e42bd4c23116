// The two readers of a PDF's text and paths give the same grids (issue 22): PDFium, which jixiao
// reads with, and pdf.js, which it falls back to where PDFium cannot open a file. Every text-layer
// fixture PDF and every real document is extracted with both; the tables (cell texts, spans,
// the pages of the rows), the text outside them and the warnings must be equal, and the cells'
// boxes within a point (PDFium hands out single-precision coordinates). The boxes of text outside
// tables are not compared: they follow the glyphs' height, which pdf.js takes from a Type 3
// font's matrix (13.2 pt for the 17.1 pt square glyphs of project-wide.chromium.gs.pdf's title).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Extraction } from "../../contracts/extraction.js";
import { extractPdf } from "../../extractors/pdf/index.js";
import { FIXTURES, REALDOCS } from "../helpers.js";

const FILES = [
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".pdf"))
    .map((f) => join(FIXTURES, f)),
  ...readdirSync(REALDOCS)
    .filter((f) => f.endsWith(".pdf"))
    .map((f) => join(REALDOCS, f)),
];

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Given an extraction, return what a reader of it sees (texts, spans, pages, warnings) and its cells' boxes apart. */
function seen(extraction: Extraction): { content: unknown[]; boxes: Box[] } {
  const boxes: Box[] = [];
  const content: unknown[] = extraction.blocks.map((block): unknown => {
    if (block.kind === "text") {
      return { text: block.text, page: block.page, role: block.role };
    }
    const { table } = block;
    return {
      rowPages: table.rowPages,
      method: table.method,
      rows: table.rows.map((row) =>
        row.map((cell) => {
          if (!cell) return null;
          if (cell.box) boxes.push(cell.box);
          return [cell.text, cell.rowSpan, cell.colSpan, cell.box?.page];
        }),
      ),
    };
  });
  content.push(
    extraction.warnings.map((w) => w.code),
    extraction.textLayer,
    extraction.pagesWithoutText,
  );
  return { content, boxes };
}

describe("PDFium and pdf.js read the same grids", () => {
  it("finds the fixture PDFs and the real documents", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(50);
  });

  it.each(FILES.map((f) => [f.slice(FIXTURES.length + 1), f]))("%s", async (_name, path) => {
    const bytes = new Uint8Array(readFileSync(path));
    const pdfium = seen(await extractPdf(bytes, path, {}, undefined, "pdfium"));
    const pdfjs = seen(await extractPdf(bytes, path, {}, undefined, "pdfjs"));
    expect(pdfium.content).toEqual(pdfjs.content);
    expect(pdfium.boxes.length).toBe(pdfjs.boxes.length);
    const worst = Math.max(
      0,
      ...pdfium.boxes.map((b, i) => {
        const o = pdfjs.boxes[i]!;
        return Math.max(Math.abs(b.x0 - o.x0), Math.abs(b.y0 - o.y0), Math.abs(b.x1 - o.x1), Math.abs(b.y1 - o.y1));
      }),
    );
    expect(worst).toBeLessThan(1);
  });
});
