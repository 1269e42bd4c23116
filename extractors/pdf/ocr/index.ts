// OCR extractor: scanned PDF pages -> format-neutral tables and text blocks, for the pages the
// text-layer extractor found without text (`extraction.pagesWithoutText`). Stages, each in its
// own file: render (pdf.js paints the page) -> image (gray, red seal dropped) -> layout (deskew,
// rules, lattice) -> textlines (lines and chunks from the ink) -> engines (recognition of every
// line crop) -> page (cells, borderless tables by alignment, paragraphs, boxes in points).
import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Block, Table } from "../../../contracts/extraction.js";
import type { Warning } from "../../../contracts/model.js";
import { bytesToDocument } from "../load.js";
import { createEngine } from "./engines/index.js";
import type { OcrEngine } from "./engines/types.js";
import { rgbaToGray } from "./image.js";
import { grayToLayout } from "./layout.js";
import { layoutToPage, type PageResult } from "./page.js";
import { documentToRaster } from "./render.js";
import { resolveOcrSettings, type OcrSettings, type OcrSettingsInput } from "./settings.js";

export { ocrEngineNames } from "./engines/index.js";
export {
  defaultOcrSettings,
  resolveOcrSettings,
  type OcrEngineName,
  type OcrSettings,
  type OcrSettingsInput,
} from "./settings.js";
export type { PageResult, PageTable, PageText } from "./page.js";

export interface OcrResult {
  /** Tables and text blocks of the pages, in reading order; tables numbered from 0 in that order. */
  blocks: Block[];
  warnings: Warning[];
  /** Per page: its tables with column boundaries (for joining tables across pages) and text. */
  pages: PageResult[];
  engine: OcrSettings["engine"];
}

/** Given an open document, a page and a started engine, return what the page holds. */
async function documentToPage(
  doc: PDFDocumentProxy,
  number: number,
  engine: OcrEngine,
  settings: OcrSettings,
): Promise<PageResult> {
  const started = performance.now();
  const raster = await documentToRaster(doc, number, settings.dpi);
  const { gray, seal } = rgbaToGray(raster.image, settings.seal);
  const layout = grayToLayout(gray, seal, raster.scale, settings);
  const frame = {
    number,
    widthPt: raster.widthPt,
    heightPt: raster.heightPt,
    widthPx: gray.width,
    heightPx: gray.height,
    scale: raster.scale,
    skew: layout.skew,
  };
  return layoutToPage(layout, frame, engine, settings, (performance.now() - started) / 1000);
}

/** Given a page's result and the settings, return its warnings: low-confidence cells with their position, and a blank page. */
export function pageToWarnings(page: PageResult, settings: OcrSettings): Warning[] {
  const warnings: Warning[] = [];
  if (page.lines === 0)
    warnings.push({
      code: "ocr-blank-page",
      message: `page ${page.number}: no text was found on the scanned page`,
      page: page.number,
    });
  page.tables.forEach((table, t) =>
    table.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell || cell.confidence == null || cell.confidence >= settings.lowConfidence) return;
        warnings.push({
          code: "ocr-low-confidence",
          message: `page ${page.number}, table ${t + 1} on the page, row ${r + 1}, column ${c + 1}: "${cell.text}" read with confidence ${cell.confidence.toFixed(2)}`,
          page: page.number,
        });
      }),
    ),
  );
  for (const text of page.texts) {
    if (text.confidence < settings.lowConfidence) {
      warnings.push({
        code: "ocr-low-confidence",
        message: `page ${page.number}, text at y=${text.box.y0}: "${text.text}" read with confidence ${text.confidence.toFixed(2)}`,
        page: page.number,
      });
    }
  }
  return warnings;
}

/** Given page results, return their tables and text blocks in reading order, tables numbered from `firstIndex`. */
export function pagesToBlocks(pages: PageResult[], firstIndex = 0): Block[] {
  let index = firstIndex;
  return pages.flatMap((page) => {
    const items = [
      ...page.tables.map((t) => ({
        y: t.rowTops[0] ?? t.box.y0,
        x: t.box.x0,
        block: (): Block => ({
          kind: "table",
          table: {
            index: index++,
            rows: t.rows,
            rowPages: t.rows.map(() => page.number),
            method: "ocr",
          } satisfies Table,
        }),
      })),
      ...page.texts.map((t) => ({
        y: t.top,
        x: t.box.x0,
        block: (): Block => ({ kind: "text", text: t.text, page: page.number, role: t.role, box: t.box }),
      })),
    ];
    return items.sort((a, b) => a.y - b.y || a.x - b.x).map((item) => item.block());
  });
}

/**
 * Given the bytes of a PDF, its path (for messages), the 1-based pages to read and settings,
 * return the tables and text of those pages read by OCR. Throws UnreadableFileError when the PDF
 * cannot be opened or the engine's data is not installed ("missing-dependency", naming the
 * package and the environment variable); a page that cannot be painted or read gives a warning.
 */
export async function ocrPdfPages(
  bytes: Uint8Array,
  path: string,
  pages: number[],
  input: OcrSettingsInput = {},
): Promise<OcrResult> {
  const settings = resolveOcrSettings(input);
  const warnings: Warning[] = [];
  const results: PageResult[] = [];
  if (pages.length === 0) return { blocks: [], warnings, pages: results, engine: settings.engine };
  const doc = await bytesToDocument(bytes, path);
  try {
    const engine = await createEngine(settings.engine, settings, path);
    try {
      for (const number of [...new Set(pages)].sort((a, b) => a - b)) {
        if (!Number.isInteger(number) || number < 1 || number > doc.numPages) {
          warnings.push({
            code: "ocr-page-missing",
            message: `page ${number} is not in the PDF (${doc.numPages} pages)`,
            page: null,
          });
          continue;
        }
        try {
          const page = await documentToPage(doc, number, engine, settings);
          results.push(page);
          warnings.push(...pageToWarnings(page, settings));
        } catch (err) {
          warnings.push({
            code: "ocr-page-unreadable",
            message: `page ${number} could not be read by OCR: ${(err as Error).message}`,
            page: number,
          });
        }
      }
    } finally {
      await engine.close();
    }
  } finally {
    await doc.destroy();
  }
  return { blocks: pagesToBlocks(results), warnings, pages: results, engine: settings.engine };
}
