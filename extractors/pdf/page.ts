// Page stage: one raw page -> its tables (ruled first, borderless where no rules are) and the
// text outside them, in the page's reading frame (frame.ts).
import { gridToPageTable, type PageTable } from "./assign.js";
import { latticeToGrid } from "./cells.js";
import { dominantOrientation, readingFrame, viewInFrame, type ReadingFrame } from "./frame.js";
import type { Matrix } from "./geometry.js";
import { itemsToGlyphs, visibleCount, type Glyph } from "./glyphs.js";
import { segmentsToLattices } from "./lattice.js";
import type { RawPage } from "./load.js";
import { glyphsToStreamTables } from "./stream.js";
import { pathsToSegments } from "./segments.js";
import type { PdfSettings } from "./settings.js";

export interface PageContent {
  number: number;
  /** Page size in the reading frame. */
  width: number;
  height: number;
  frame: ReadingFrame;
  tables: PageTable[];
  /** Glyphs outside every table, for text blocks. */
  rest: Glyph[];
  /** Non-blank glyphs on the page. */
  visible: number;
  /** Whether the page paints images or heavy vector art: with no text, it is a scan or outlined text, worth OCR. */
  painted: boolean;
}

/** Given a page's glyphs and its ruling lattices' grids, return the ruled tables and the glyphs outside them. */
export function glyphsToLatticeTables(
  raw: RawPage,
  view: Matrix,
  glyphs: Glyph[],
  settings: PdfSettings,
): { tables: PageTable[]; rest: Glyph[] } {
  const segments = pathsToSegments(raw.paths, view, settings.segments);
  const tables: PageTable[] = [];
  let rest = glyphs;
  for (const lattice of segmentsToLattices(segments, settings.lattice)) {
    const { table, outside } = gridToPageTable(
      latticeToGrid(lattice, settings.lattice),
      rest,
      raw.number,
      settings.text,
    );
    if (table) tables.push(table);
    rest = outside;
  }
  return { tables, rest };
}

/** Given a raw page, return its tables and the glyphs outside them. */
export function rawPageToContent(raw: RawPage, settings: PdfSettings): PageContent {
  const frame = readingFrame(dominantOrientation(raw.items, raw.view), raw.width, raw.height);
  const view = viewInFrame(raw.view, frame);
  const glyphs = itemsToGlyphs(raw.items, view, settings.glyphs);
  const ruled = glyphsToLatticeTables(raw, view, glyphs, settings);
  // Borderless mode only where no ruled table is: ruled pages keep their free text as text.
  const { tables, rest } = ruled.tables.length
    ? ruled
    : glyphsToStreamTables(ruled.rest, raw.number, settings.stream, settings.text);
  return {
    number: raw.number,
    width: frame.width,
    height: frame.height,
    frame,
    tables,
    rest,
    visible: visibleCount(glyphs),
    painted: raw.paints,
  };
}
