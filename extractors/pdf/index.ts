// PDF extractor (text layer): bytes -> format-neutral tables and text blocks in reading order.
// Stages, each in its own file: load (PDFium, else pdf.js, page by page) -> glyphs (items cut into placed
// glyphs) and segments (ruling lines from the operator list) -> lattice (snapped rules) -> cells
// (grid and spans) -> assign (glyphs to cells) | stream (borderless tables) -> blocks (text
// outside tables) -> stitch (tables across pages). Pages without a text layer are listed for OCR.
import type { Extraction } from "../../contracts/extraction.js";
import { UnreadableFileError } from "../../contracts/errors.js";
import type { Warning } from "../../contracts/model.js";
import { glyphsToTextBlocks } from "./blocks.js";
import { boxToDisplay } from "./frame.js";
import { checkDeclaredSizes } from "./prescan.js";
import { bytesToPageSource, type PageSource, type PdfEngine } from "./load.js";
import { rawPageToContent, type PageContent } from "./page.js";
import { resolveSettings, type PdfSettings, type PdfSettingsInput } from "./settings.js";
import { pagesToBlocks, type PageItem, type PageLayout } from "./stitch.js";

export type { PageLayout } from "./stitch.js";

export type { PdfSettings, PdfSettingsInput } from "./settings.js";
export { defaultPdfSettings } from "./settings.js";

/** Given a page's content, return its tables and text blocks in reading order (top to bottom, then left to right), boxes on the displayed page. */
export function contentToLayout(content: PageContent, settings: PdfSettings): PageLayout {
  const { frame } = content;
  for (const table of content.tables) {
    for (const row of table.rows)
      for (const cell of row) if (cell?.box) cell.box = { page: cell.box.page, ...boxToDisplay(cell.box, frame) };
  }
  const items: PageItem[] = [
    ...content.tables.map((table): PageItem => ({ kind: "table", table })),
    ...glyphsToTextBlocks(content.rest, content.width, settings.text).map((block): PageItem => ({
      kind: "text",
      block,
      box: boxToDisplay(block.box, frame),
    })),
  ];
  const top = (item: PageItem) => (item.kind === "table" ? item.table.box : item.block.box);
  items.sort((a, b) => top(a).y0 - top(b).y0 || top(a).x0 - top(b).x0);
  return { number: content.number, width: content.width, height: content.height, items };
}

/** Given an open document, return each readable page's layout, the pages without text and the warnings. */
async function documentToLayouts(doc: PageSource, path: string, settings: PdfSettings) {
  const layouts: PageLayout[] = [];
  const pagesWithoutText: number[] = [];
  const warnings: Warning[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    let content: PageContent;
    try {
      content = rawPageToContent(await doc.rawPage(n), settings);
    } catch (err) {
      warnings.push({
        code: "page-unreadable",
        message: `page ${n} could not be read: ${(err as Error).message}`,
        page: n,
      });
      continue;
    }
    if (content.visible < settings.minTextChars && content.painted) {
      pagesWithoutText.push(n);
      warnings.push({
        code: "no-text-layer",
        message: `page ${n} has no text layer (only images or drawings): its text needs OCR`,
        page: n,
      });
    }
    layouts.push(contentToLayout(content, settings));
  }
  if (layouts.length === 0 && doc.numPages > 0)
    throw new UnreadableFileError(path, "corrupt", "no page of the PDF could be read");
  return { layouts, pagesWithoutText, warnings };
}

/** Reads pages that have no text layer (OCR), returning them as page layouts. */
export type PageReader = (pages: number[]) => Promise<{ layouts: PageLayout[]; warnings: Warning[] }>;

/**
 * Given the bytes of a PDF, return its tables and text blocks; throws UnreadableFileError when
 * unusable. Pages without a text layer are read by `readScans` when given (their layouts replace
 * the empty ones before tables are joined across pages); otherwise they are listed for the caller.
 */
export async function extractPdf(
  bytes: Uint8Array,
  path: string,
  settings: PdfSettingsInput = {},
  readScans?: PageReader,
  engine: PdfEngine = "pdfium",
): Promise<Extraction> {
  const resolved = resolveSettings(settings);
  const declared = await checkDeclaredSizes(bytes);
  const doc = await bytesToPageSource(bytes, path, engine);
  let read: Awaited<ReturnType<typeof documentToLayouts>>;
  const pageCount = doc.numPages;
  try {
    read = await documentToLayouts(doc, path, resolved);
  } finally {
    await doc.destroy();
  }
  const { layouts, pagesWithoutText, warnings } = read;
  warnings.unshift(...declared);
  let scanned: number[] = [];
  if (readScans && pagesWithoutText.length > 0) {
    const ocr = await readScans(pagesWithoutText);
    warnings.push(...ocr.warnings);
    scanned = ocr.layouts.map((l) => l.number);
    for (const layout of ocr.layouts) layouts[layouts.findIndex((l) => l.number === layout.number)] = layout;
  }
  const blocks = pagesToBlocks(layouts, resolved.stitch);
  for (const block of blocks) {
    if (block.kind === "table" && block.table.rowPages.every((p) => p != null && scanned.includes(p)))
      block.table.method = "ocr";
  }
  return {
    format: "pdf",
    textLayer: scanned.length === 0 ? "native" : scanned.length >= layouts.length ? "ocr" : "mixed",
    pages: pageCount,
    blocks,
    warnings,
    pagesWithoutText: pagesWithoutText.filter((p) => !scanned.includes(p)),
  };
}
