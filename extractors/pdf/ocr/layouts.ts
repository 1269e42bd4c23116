// OCR'd pages in the shape of the text-layer extractor's page layouts, so that one mechanism
// (extractors/pdf/stitch.ts) orders blocks and joins tables across pages, whichever way each page
// was read: a scanned document, or a mixed one where only some pages are scans.
import type { PageItem, PageLayout } from "../stitch.js";
import type { PageResult } from "./page.js";

/** Given OCR'd pages, return their layouts: tables and text blocks in reading order. */
export function ocrPagesToLayouts(pages: PageResult[]): PageLayout[] {
  return pages.map((page) => {
    const items: PageItem[] = [
      ...page.tables.map((t): PageItem => ({ kind: "table", table: { ...t, box: rectOf(t.box), method: "lattice" } })),
      // Text recognized inside a table's frame but in no cell is residue (seal rings, specks): the
      // table's own text is in its cells, and such residue would cut the table off from its continuation.
      ...page.texts
        .filter((t) => !page.tables.some((table) => inside(t.box, table.box)))
        .map((t): PageItem => ({
          kind: "text",
          block: { text: t.text, role: t.role, box: rectOf(t.box) },
          box: rectOf(t.box),
        })),
    ];
    const top = (item: PageItem) => (item.kind === "table" ? item.table.box : item.block.box);
    items.sort((a, b) => top(a).y0 - top(b).y0 || top(a).x0 - top(b).x0);
    return { number: page.number, width: page.width, height: page.height, items };
  });
}

/** True when the centre of box a lies within box b. */
function inside(a: Rect, b: Rect): boolean {
  const x = (a.x0 + a.x1) / 2,
    y = (a.y0 + a.y1) / 2;
  return x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;
}

type Rect = { x0: number; y0: number; x1: number; y1: number };

function rectOf(box: { x0: number; y0: number; x1: number; y1: number }) {
  return { x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1 };
}
