// OCR'd pages in the shape of the text-layer extractor's page layouts, so that one mechanism
// (extractors/pdf/stitch.ts) orders blocks and joins tables across pages, whichever way each page
// was read: a scanned document, or a mixed one where only some pages are scans.
import type { PageItem, PageLayout } from "../stitch.js";
import type { PageResult } from "./page.js";

/** Given OCR'd pages, return their layouts: tables and text blocks in reading order. */
export function ocrPagesToLayouts(pages: PageResult[]): PageLayout[] {
  return pages.map((page) => {
    // Reading order is taken on the upright page: a skewed table's box in page coordinates
    // reaches above the line printed just over it (its year, under the title).
    const items: { top: number; x: number; item: PageItem }[] = [
      ...page.tables.map((t) => ({
        top: t.rowTops[0] ?? t.box.y0,
        x: t.box.x0,
        item: { kind: "table", table: { ...t, box: rectOf(t.box), method: "lattice" } } satisfies PageItem,
      })),
      ...page.texts.map((t) => ({
        top: t.top,
        x: t.box.x0,
        item: {
          kind: "text",
          block: { text: t.text, role: t.role, box: rectOf(t.box) },
          box: rectOf(t.box),
        } satisfies PageItem,
      })),
    ];
    items.sort((a, b) => a.top - b.top || a.x - b.x);
    return { number: page.number, width: page.width, height: page.height, items: items.map((i) => i.item) };
  });
}

function rectOf(box: { x0: number; y0: number; x1: number; y1: number }) {
  return { x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1 };
}
