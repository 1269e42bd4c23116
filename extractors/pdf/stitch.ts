// Stitch stage: page layouts -> document blocks, a table continued on the next page joined into
// one. A table continues when it is the last thing on its page (page numbers and running headers
// aside), the next page opens with a table of the same columns, and the room left below the first
// table (down to the lowest content seen on pages of that size) could not have held the next
// page's first row. Established extractors do not stitch (Tabula, pdfplumber) or
// rarely manage it (FIELD-NOTES, "Tables across pages").
import type { Block, Cell, Table } from "../../contracts/extraction.js";
import type { PageTable } from "./assign.js";
import type { TextBlock } from "./blocks.js";
import { alignRuled, alignScaled, alignStream, narrowRanges, rowsOnBoundaries } from "./columns.js";
import { isNewCopy, joinAcrossBreak, repeatedHeader } from "./join.js";
import type { Rect } from "./geometry.js";
import type { StitchSettings } from "./settings.js";
import { repeatedColumns, joinParts } from "../grids/side-by-side.js";

/**
 * A table or text block of a page, geometry in the reading frame; `box` places a text block on the
 * displayed page when the two differ (a sideways page), else the block's own box is used.
 */
export type PageItem = { kind: "table"; table: PageTable } | { kind: "text"; block: TextBlock; box?: Rect };

export interface PageLayout {
  number: number;
  width: number;
  height: number;
  /** Tables and text blocks in reading order. */
  items: PageItem[];
}

interface OpenTable {
  rows: (Cell | null)[][];
  rowPages: number[];
  /** Where each row starts on its page: a part printed beside it stands at the same heights. */
  rowTops: number[];
  /** The width of the page the table starts on. */
  pageWidth: number;
  firstPage: number;
  xs: number[];
  ranges: [number, number][];
  method: PageTable["method"];
  lastPage: number;
}

/** Given a page and a text block, return whether it is a running header, footer or page number rather than content. */
export function isMarginText(page: PageLayout, block: TextBlock, settings: StitchSettings): boolean {
  const band = settings.marginBand * page.height;
  if (block.box.y1 <= band || block.box.y0 >= page.height - band) return true;
  return /^[-—–\s]*(第\s*)?\d{1,4}(\s*页)?([\s/共]*\d*\s*页?)?[-—–\s]*$/.test(block.text) || /^续表/.test(block.text);
}

/** Given pages, return for each page the lowest bottom of any table or content text on pages of its size. */
export function lowestContent(pages: PageLayout[], settings: StitchSettings): Map<number, number> {
  const bottoms = pages.map((page) => {
    let lowest = 0;
    for (const item of page.items) {
      if (item.kind === "text" && isMarginText(page, item.block, settings)) continue;
      lowest = Math.max(lowest, item.kind === "table" ? item.table.box.y1 : item.block.box.y1);
    }
    return lowest;
  });
  return new Map(
    pages.map((page) => [
      page.number,
      Math.max(0, ...pages.flatMap((p, i) => (sameSize(p, page, settings) ? [bottoms[i]!] : []))),
    ]),
  );
}

/** Given two pages, return whether they have the same orientation and about the same size (scanned sheets differ by a few points). */
export function sameSize(
  a: Pick<PageLayout, "width" | "height">,
  b: Pick<PageLayout, "width" | "height">,
  settings: StitchSettings,
): boolean {
  const near = (x: number, y: number) => Math.abs(x - y) <= settings.sizeTolerance * Math.max(x, y);
  return near(a.width, b.width) && near(a.height, b.height);
}

/** Given a page, return the index of its first item when that is a table with only margin text before it, else -1. */
function leadingTable(page: PageLayout, settings: StitchSettings): number {
  const i = page.items.findIndex((item) => item.kind === "table" || !isMarginText(page, item.block, settings));
  return i >= 0 && page.items[i]!.kind === "table" ? i : -1;
}

/**
 * Given a page, return its last table when nothing but margin text lies below it, else null. Text
 * beside a table is not below it: a spreadsheet printed in parts leaves the text of a merged header
 * cut by the page edge standing right of the grid (Calc draws it clipped).
 */
function trailingTable(page: PageLayout, settings: StitchSettings): PageTable | null {
  for (let i = page.items.length - 1; i >= 0; i--) {
    const item = page.items[i]!;
    if (item.kind === "table") {
      const below = page.items
        .slice(i + 1)
        .some(
          (after) =>
            after.kind === "text" &&
            !isMarginText(page, after.block, settings) &&
            after.block.box.y1 > item.table.box.y1,
        );
      return below ? null : item.table;
    }
  }
  return null;
}

/** Given the room left under a table, the next page's table and the row its body starts at, return whether that row could not have fitted there. */
function noRoomLeft(room: number, next: PageTable, bodyRow: number, pageHeight: number): boolean {
  // A little room is always left (rows do not end exactly at the margin); a tall row needs more.
  const row = Math.min(bodyRow, next.rows.length - 1);
  const height = (next.rowBottoms?.[row] ?? 0) - (next.rowTops?.[row] ?? 0);
  return room <= Math.max(0.15 * pageHeight, height + 0.02 * pageHeight);
}

/** Given a page table, return a table that may grow with the following pages (cells copied). */
function openTable(t: PageTable, pageWidth: number): OpenTable {
  return {
    rows: t.rows.map((row) => row.map((c) => (c ? { ...c } : null))),
    rowPages: t.rows.map(() => t.page),
    rowTops: t.rows.map((_, i) => t.rowTops[i] ?? NaN),
    pageWidth,
    firstPage: t.page,
    xs: t.xs,
    ranges: t.ranges ?? t.xs.map((x) => [x, x]),
    method: t.method,
    lastPage: t.page,
  };
}

/**
 * Given an open table, the room left under it on its page, and the next page's leading table,
 * append that table when it continues the open one; return whether it did.
 */
export function appendContinuation(
  open: OpenTable,
  room: number,
  next: PageTable,
  pageHeight: number,
  settings: StitchSettings,
): boolean {
  if (open.method !== next.method) return false;
  const aligned =
    open.method === "stream"
      ? alignStream(
          open,
          { xs: next.xs, ranges: next.ranges ?? next.xs.map((x) => [x, x]) },
          settings.streamColumnTolerance,
        )
      : (alignRuled(open.xs, next.xs, settings.columnTolerance) ??
        alignScaled(open.xs, next.xs, settings.columnTolerance, settings.maxZoom));
  if (!aligned) return false;
  const { xs, mapA, mapB } = aligned;
  const mine = rowsOnBoundaries(open.rows, mapA, xs.length - 1);
  const theirs = rowsOnBoundaries(
    next.rows.map((row) => row.map((c) => (c ? { ...c } : null))),
    mapB,
    xs.length - 1,
  );
  const header = repeatedHeader(mine, theirs, settings.maxHeaderRows);
  if (isNewCopy(mine, theirs, header) || !noRoomLeft(room, next, header.count, pageHeight)) return false;
  const body = joinAcrossBreak(mine, theirs.slice(header.count));
  open.rows = [...mine, ...body];
  open.rowPages = [...open.rowPages, ...body.map(() => next.page)];
  open.rowTops = [...open.rowTops, ...next.rowTops.slice(next.rows.length - body.length)];
  if (open.method === "stream" && next.ranges) open.ranges = narrowRanges(open.ranges, next.ranges, mapB);
  open.xs = xs;
  open.lastPage = next.page;
  return true;
}

type DocItem = { kind: "table"; open: OpenTable } | { kind: "text"; block: TextBlock; box: Rect; page: number };

/** Given open tables and text blocks in order, return the document's blocks with tables numbered. */
function toBlocks(items: DocItem[]): Block[] {
  let index = 0;
  return items.map((item): Block => {
    if (item.kind === "text")
      return {
        kind: "text",
        text: item.block.text,
        page: item.page,
        role: item.block.role,
        box: { page: item.page, ...item.box },
      };
    const table: Table = {
      index: index++,
      rows: item.open.rows,
      rowPages: item.open.rowPages,
      method: item.open.method,
    };
    return { kind: "table", table };
  });
}

/** Given the pages' layouts in order, return the document's blocks, tables continued across pages stitched into one. */
export function pagesToBlocks(pages: PageLayout[], settings: StitchSettings): Block[] {
  const lowest = lowestContent(pages, settings);
  const items: DocItem[] = [];
  let running: { open: OpenTable; page: PageLayout; room: number } | null = null;
  let lastTable: OpenTable | null = null;
  for (const page of pages) {
    const lead = leadingTable(page, settings);
    for (const [i, item] of page.items.entries()) {
      if (item.kind === "text") {
        items.push({ kind: "text", block: item.block, box: item.box ?? item.block.box, page: page.number });
        continue;
      }
      const continues =
        i === lead && running && sameSize(running.page, page, settings) && running.open.lastPage === page.number - 1;
      if (continues && appendContinuation(running!.open, running!.room, item.table, page.height, settings)) continue;
      lastTable = openTable(item.table, page.width);
      items.push({ kind: "table", open: lastTable });
    }
    const tail = trailingTable(page, settings);
    const room = (lowest.get(page.number) ?? page.height) - (tail?.box.y1 ?? 0);
    // The table that ends this page (a new one, or one continued onto it) may run on to the next.
    running = tail && lastTable && lastTable.lastPage === page.number ? { open: lastTable, page, room } : null;
  }
  return toBlocks(joinPrintedParts(items, settings));
}

/**
 * Given the document's items, return them with each table printed in parts side by side joined:
 * a part starts on the page after the previous part ends (spreadsheets print down, then over),
 * repeats the previous part's leading columns row for row (print titles) at the same place on
 * the page, and its own columns are appended to the rows of the first part.
 */
export function joinPrintedParts(items: DocItem[], settings: StitchSettings): DocItem[] {
  const out: DocItem[] = [];
  const joined = new Set<OpenTable>();
  let left: OpenTable | null = null;
  const taken = new Set<OpenTable>();
  for (const [at, item] of items.entries()) {
    if (item.kind === "table" && taken.has(item.open)) continue;
    if (
      item.kind === "table" &&
      left &&
      item.open.firstPage === left.lastPage + 1 &&
      item.open.method === left.method
    ) {
      const k = repeatedColumns(left.rows, item.open.rows);
      const run = k === 0 ? partRun(items, at, left.rows.length, settings) : null;
      if (run && sameRowPlaces(left, run.part, settings) && !sameTexts(left.rows, run.part.rows)) {
        left.rows = joinParts(left.rows, run.part.rows, 0);
        left.lastPage = run.part.lastPage;
        joined.add(left);
        for (const piece of run.pieces) taken.add(piece);
        continue;
      }
      const placed =
        k > 0 &&
        item.open.xs.slice(0, k + 1).every((x, i) => Math.abs(x - left!.xs[i]!) <= 2 * settings.columnTolerance);
      if (placed && !sameTexts(left.rows, item.open.rows)) {
        left.rows = joinParts(left.rows, item.open.rows, k);
        left.lastPage = item.open.lastPage;
        joined.add(left);
        continue;
      }
    }
    if (item.kind === "table") left = item.open;
    out.push(item);
  }
  return joined.size > 0 ? joinBands(out, joined, settings) : out;
}

/**
 * Given the items and the tables joined side by side, return them with each such table that the
 * next one continues down joined: a sheet printed over, then down gives one joined table per band
 * of rows, each repeating the header rows (print titles).
 */
function joinBands(items: DocItem[], joined: ReadonlySet<OpenTable>, settings: StitchSettings): DocItem[] {
  const out: DocItem[] = [];
  let above: OpenTable | null = null;
  for (const item of items) {
    if (item.kind !== "table") {
      out.push(item);
      continue;
    }
    const band = item.open;
    const width = (t: OpenTable) => t.rows[0]?.length ?? 0;
    if (above && joined.has(band) && band.firstPage === above.lastPage + 1 && width(band) === width(above)) {
      const header = repeatedHeader(above.rows, band.rows, settings.maxHeaderRows);
      if (header.count > 0) {
        above.rows = [...above.rows, ...band.rows.slice(header.count)];
        above.rowPages = [...above.rowPages, ...band.rowPages.slice(header.count)];
        above.lastPage = band.lastPage;
        continue;
      }
    }
    above = joined.has(band) ? band : null;
    out.push(item);
  }
  return out;
}

/**
 * Given the items, the index of a table and a row count, return the tables from there on that
 * make one part of that many rows, each on the page after the one before with the same columns
 * and repeating its header rows, joined; or null. A part repeats no column to align its rows by,
 * so its pages were not known to continue each other when the pages were stitched.
 */
function partRun(
  items: readonly DocItem[],
  at: number,
  rowCount: number,
  settings: StitchSettings,
): { part: OpenTable; pieces: OpenTable[] } | null {
  const first = items[at];
  if (first?.kind !== "table") return null;
  const part: OpenTable = {
    ...first.open,
    rows: [...first.open.rows],
    rowPages: [...first.open.rowPages],
    rowTops: [...first.open.rowTops],
  };
  const pieces = [first.open];
  for (let i = at + 1; part.rows.length < rowCount && i < items.length; i++) {
    const item = items[i]!;
    if (item.kind !== "table") continue;
    const piece = item.open;
    const width = part.rows[0]?.length ?? 0;
    if (
      piece.firstPage !== part.lastPage + 1 ||
      piece.rows[0]?.length !== width ||
      !alignRuled(part.xs, piece.xs, settings.columnTolerance)
    )
      return null;
    const header = repeatedHeader(part.rows, piece.rows, settings.maxHeaderRows);
    part.rows.push(...piece.rows.slice(header.count));
    part.rowPages.push(...piece.rowPages.slice(header.count));
    part.rowTops.push(...piece.rowTops.slice(header.count));
    part.lastPage = piece.lastPage;
    pieces.push(piece);
  }
  return part.rows.length === rowCount ? { part, pieces } : null;
}

/**
 * Given a table and the next one, return whether the second is the first's right part printed
 * without title columns: the first fills its page's width (the sheet ran past it), and row for row
 * the second stands on the same page of its run at the same height, as the same sheet rows do.
 */
function sameRowPlaces(left: OpenTable, right: OpenTable, settings: StitchSettings): boolean {
  if (left.rows.length !== right.rows.length || left.xs.at(-1)! - left.xs[0]! < 0.75 * left.pageWidth) return false;
  // A part that opens with the left one's own first cells is the next band of rows, not its right part.
  if (left.rows[0]!.some((c, j) => c && c.text !== "" && right.rows[0]![j]?.text === c.text)) return false;
  return left.rowTops.every(
    (top, i) =>
      Math.abs(top - right.rowTops[i]!) <= settings.columnTolerance &&
      left.rowPages[i]! - left.firstPage === right.rowPages[i]! - right.firstPage,
  );
}

/** Given two grids, return whether they hold the same texts (a second copy of a table, not a part of it). */
function sameTexts(a: (Cell | null)[][], b: (Cell | null)[][]): boolean {
  const texts = (g: (Cell | null)[][]) => g.map((row) => row.map((c) => c?.text ?? "").join("\t")).join("\n");
  return texts(a) === texts(b);
}
