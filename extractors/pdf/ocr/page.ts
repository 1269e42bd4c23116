// Page stage: a page's layout -> the crops to recognize -> tables and text blocks. Every line of
// text becomes one crop: inside a ruled cell, each line of the cell (a cell's lines join into its
// text); outside, each chunk of a line (so borderless tables can be found by alignment). Boxes go
// back to PDF points on the page as printed: out of the upright frame, through the skew, over the
// resolution.
import type { Box, Cell } from "../../../contracts/extraction.js";
import { unrotatePoint } from "./deskew.js";
import { normalizeFigure, type OcrEngine, type Recognition } from "./engines/types.js";
import { resizeGray, type BinaryImage, type GrayImage, type PixelBox } from "./image.js";
import type { PageLayout } from "./layout.js";
import type { LatticeCell, LatticeTable } from "./lattice.js";
import type { OcrSettings } from "./settings.js";
import { DOUBT, doubtfulFigures, fitsColumn, isMeasure } from "./figures.js";
import { isLoneGlyph, LONE_GLYPH_DOUBT, readLoneGlyphs, type Context, type LoneGlyph } from "./lone-glyphs.js";
import { linesToStreamTables, type Chunk, type TextLine } from "./stream.js";
import { lineToChunks, regionToLines, type TextLineSettings } from "./textlines.js";

/** A table of one page, before tables are numbered across the document. */
export interface PageTable {
  page: number;
  rows: (Cell | null)[][];
  box: Box;
  /** Column boundaries in points (for joining a table continued on the next page). */
  xs: number[];
  /** Top and bottom of each row, in points. */
  rowTops: number[];
  rowBottoms: number[];
  method: "ocr";
}

export interface PageText {
  text: string;
  box: Box;
  /**
   * Top of the text on the page turned upright, pt: its place in reading order (a skewed table's
   * box in page coordinates reaches above the text printed just over it).
   */
  top: number;
  role: "heading" | "paragraph";
  confidence: number;
}

export interface PageResult {
  number: number;
  /** The page's size in points, as displayed. */
  width: number;
  height: number;
  tables: PageTable[];
  texts: PageText[];
  /** Lines recognized on the page (0 for a blank page). */
  lines: number;
  /** Seconds spent finding the layout and recognizing the lines. */
  seconds: { layout: number; recognition: number };
}

/** Where a page sits: its number, size in points and how pixels map to it. */
export interface PageFrame {
  number: number;
  widthPt: number;
  heightPt: number;
  widthPx: number;
  heightPx: number;
  scale: number;
  skew: number;
}

/** Given the settings and the page scale, return the text-line settings in pixels. */
export function textLineSettings(settings: OcrSettings, scale: number): TextLineSettings {
  const t = settings.text;
  return {
    minHeight: t.minHeight * scale,
    minWidth: t.minWidth * scale,
    rowGap: Math.round(t.rowGap * scale),
    chunkGap: t.chunkGap,
    maxHeightRatio: t.maxHeightRatio,
  };
}

/** Given a pixel box in the upright frame, return it in points on the page as scanned. */
export function pixelBoxToBox(box: PixelBox, frame: PageFrame): Box {
  const corners = [
    unrotatePoint(box.x0, box.y0, frame.widthPx, frame.heightPx, frame.skew),
    unrotatePoint(box.x1, box.y0, frame.widthPx, frame.heightPx, frame.skew),
    unrotatePoint(box.x0, box.y1, frame.widthPx, frame.heightPx, frame.skew),
    unrotatePoint(box.x1, box.y1, frame.widthPx, frame.heightPx, frame.skew),
  ];
  const round = (v: number) => Math.round((v / frame.scale) * 100) / 100;
  return {
    page: frame.number,
    x0: round(Math.min(...corners.map((c) => c[0]))),
    y0: round(Math.min(...corners.map((c) => c[1]))),
    x1: round(Math.max(...corners.map((c) => c[0]))),
    y1: round(Math.max(...corners.map((c) => c[1]))),
  };
}

/**
 * Given a line's ink box, the region it lies in and a least margin, return the crop to recognize,
 * with the margin made of paper where it would reach past the region (into a rule or the next
 * cell). The margin grows with the line: PP-OCRv4 is trained on detected boxes enlarged around
 * the text (DB "unclip"), and read "已完成" under the seal's ring as "已成" from a crop cut close
 * to the ink but right from one with half a line of margin (liuzhou.scan.pdf page 2).
 */
export function lineToCrop(gray: GrayImage, line: PixelBox, region: PixelBox, least: number): GrayImage {
  const pad = Math.max(least, Math.round(0.5 * (line.y1 - line.y0)));
  const box = { x0: line.x0 - pad, y0: line.y0 - pad, x1: line.x1 + pad, y1: line.y1 + pad };
  const width = box.x1 - box.x0;
  const height = box.y1 - box.y0;
  const data = new Uint8Array(width * height).fill(255);
  const x0 = Math.max(box.x0, region.x0, 0);
  const x1 = Math.min(box.x1, region.x1, gray.width);
  for (let y = Math.max(box.y0, region.y0, 0); y < Math.min(box.y1, region.y1, gray.height); y++) {
    if (x1 > x0)
      data.set(gray.data.subarray(y * gray.width + x0, y * gray.width + x1), (y - box.y0) * width + (x0 - box.x0));
  }
  return { width, height, data };
}

/** Given a cell, return its inside: the box less the rules around it. */
function cellInterior(cell: LatticeCell, inset: number): PixelBox {
  return {
    x0: Math.round(cell.box.x0 + inset),
    y0: Math.round(cell.box.y0 + inset),
    x1: Math.round(cell.box.x1 - inset),
    y1: Math.round(cell.box.y1 - inset),
  };
}

/** Given the readings of a cell's (or paragraph's) lines, return their text: Chinese wraps without a space, other words with one. */
export function joinLines(texts: string[]): string {
  return texts
    .filter(Boolean)
    .reduce(
      (acc, t) =>
        acc === "" ? t : /[\u0000-\u02ff]$/.test(acc) && /^[\u0000-\u02ff]/.test(t) ? `${acc} ${t}` : acc + t,
      "",
    );
}

/**
 * Given a reading, return it without the spaces an engine puts next to Chinese characters ("≥15
 * 万人" is printed with a gap, not a space), and without the dots it reads into specks of scanner
 * noise: "·", and "." where no digit or Latin letter comes before it (Chinese ends a sentence
 * with "。"; a decimal point follows a digit).
 */
export function tidyText(text: string): string {
  const tidy = text
    .replace(/·/g, "")
    .replace(/(?<![0-9A-Za-z])\./g, "")
    .replace(/\s+/g, " ")
    .replace(/ (?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])|(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) /g, "")
    .trim();
  // A figure does not begin or end with a quote or a stop: those are specks beside it ("'3", "4,").
  const bare = tidy.replace(/^['"`‘’.,:;]+|['"`‘’.,:;，。：；]+$/g, "");
  return /^[≥≤<>=]?-?\d[\d,]*(\.\d+)?%?[\u4e00-\u9fff]{0,3}$/.test(bare) ? bare : tidy;
}

/** Given a lattice table, the page layout and recognized lines, return the page table. */
function latticeToPageTable(
  table: LatticeTable,
  readings: Recognition[][],
  lineBoxes: PixelBox[][],
  frame: PageFrame,
): PageTable {
  const rows: (Cell | null)[][] = Array.from({ length: table.ys.length - 1 }, () =>
    Array.from({ length: table.xs.length - 1 }, () => null),
  );
  table.cells.forEach((cell, i) => {
    const split = figuresByRow(cell, lineBoxes[i] ?? [], readings[i] ?? [], table.ys);
    if (split) {
      split.forEach((reading, k) => {
        const box = { ...cell.box, y0: table.ys[cell.row + k]!, y1: table.ys[cell.row + k + 1]! };
        rows[cell.row + k]![cell.col] = {
          text: tidyText(reading.text),
          rowSpan: 1,
          colSpan: cell.colSpan,
          box: pixelBoxToBox(box, frame),
          confidence: Math.round(reading.confidence * 1000) / 1000,
        };
      });
      return;
    }
    const all = readings[i] ?? [];
    // Ink that reads as nothing (a speck) says nothing about the text beside it; ink that all reads as nothing is doubtful.
    const lines = all.some((l) => l.text !== "") ? all.filter((l) => l.text !== "") : all;
    const text = tidyText(joinLines(lines.map((l) => l.text)));
    const confidence = lines.length === 0 ? 1 : Math.min(...lines.map((l) => l.confidence));
    rows[cell.row]![cell.col] = {
      text,
      rowSpan: cell.rowSpan,
      colSpan: cell.colSpan,
      box: pixelBoxToBox(cell.box, frame),
      confidence: Math.round(confidence * 1000) / 1000,
    };
  });
  const pt = (v: number) => Math.round((v / frame.scale) * 100) / 100;
  return {
    page: frame.number,
    rows,
    box: pixelBoxToBox(table.box, frame),
    xs: table.xs.map(pt),
    rowTops: table.ys.slice(0, -1).map(pt),
    rowBottoms: table.ys.slice(1).map(pt),
    method: "ocr",
  };
}

/**
 * Given a cell spanning rows, its lines, their readings and the rows' boundaries, return one
 * reading per spanned row when the cell is rows whose rule was lost (worn, or broken by the
 * skew): one line in each row, each a figure, with its unit or without ("9" above "10" in a
 * column of scores read as "9 10", "100张" above "100%"). A label merged down its rows prints one
 * line, or words wrapped over lines that are not figures each, so it stays one cell.
 */
export function figuresByRow(
  cell: LatticeCell,
  lines: PixelBox[],
  readings: Recognition[],
  ys: number[],
): Recognition[] | null {
  if (cell.rowSpan < 2 || readings.length !== lines.length) return null;
  // What reads as nothing is a speck or a piece of the lost rule.
  const kept = lines.flatMap((line, k) => (readings[k]!.text.trim() === "" ? [] : [{ line, reading: readings[k]! }]));
  if (kept.length !== cell.rowSpan) return null;
  const inOwnRow = kept.every(({ line }, k) => {
    const middle = (line.y0 + line.y1) / 2;
    return middle > ys[cell.row + k]! && middle < ys[cell.row + k + 1]!;
  });
  return inOwnRow && kept.every(({ reading }) => isMeasure(tidyText(reading.text)))
    ? kept.map(({ reading }) => reading)
    : null;
}

/** Given line boxes and the page's tables (upright pixels), return the lines whose middle lies in no table's frame. */
export function withoutResidue(lines: PixelBox[], tables: LatticeTable[]): PixelBox[] {
  return lines.filter((l) => {
    const x = (l.x0 + l.x1) / 2;
    const y = (l.y0 + l.y1) / 2;
    return !tables.some((t) => x >= t.box.x0 && x <= t.box.x1 && y >= t.box.y0 && y <= t.box.y1);
  });
}

/** Given text lines outside tables, return them as paragraphs: lines close below one another and of similar height join. */
function linesToTexts(lines: TextLine[], frame: PageFrame): PageText[] {
  const heights = lines.map((l) => l.box.y1 - l.box.y0).sort((a, b) => a - b);
  const body = heights[Math.floor(heights.length / 2)] ?? 0;
  const groups: TextLine[][] = [];
  for (const line of lines) {
    const group = groups[groups.length - 1];
    const prev = group?.[group.length - 1];
    const h = line.box.y1 - line.box.y0;
    if (
      group &&
      prev &&
      line.box.y0 - prev.box.y1 < 0.8 * h &&
      Math.abs(h - (prev.box.y1 - prev.box.y0)) < 0.3 * h &&
      line.chunks.length === 1 &&
      prev.chunks.length === 1
    )
      group.push(line);
    else groups.push([line]);
  }
  return groups.map((group) => {
    const box = {
      x0: Math.min(...group.map((l) => l.box.x0)),
      y0: group[0]!.box.y0,
      x1: Math.max(...group.map((l) => l.box.x1)),
      y1: group[group.length - 1]!.box.y1,
    };
    const chunks = group.flatMap((l) => l.chunks);
    const text = tidyText(joinLines(group.map((l) => l.chunks.map((c) => c.text).join("  "))));
    const tall = group.every((l) => l.box.y1 - l.box.y0 >= 1.3 * body) && group.length <= 2;
    return {
      text,
      box: pixelBoxToBox(box, frame),
      top: Math.round((box.y0 / frame.scale) * 100) / 100,
      role: tall ? "heading" : "paragraph",
      confidence: Math.min(1, ...chunks.map((c) => c.confidence)),
    };
  });
}

/** The share of a line's box the seal's ink (with its fringe) covers from which its reading is in doubt. */
const SEALED_SHARE = 0.05;

/** Given a mask and a box, return the share of the box's pixels the mask covers. */
function inkShare(mask: BinaryImage, box: PixelBox): number {
  const [x0, x1] = [Math.max(0, Math.floor(box.x0)), Math.min(mask.width, Math.ceil(box.x1))];
  const [y0, y1] = [Math.max(0, Math.floor(box.y0)), Math.min(mask.height, Math.ceil(box.y1))];
  if (x1 <= x0 || y1 <= y0) return 0;
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) n += mask.data[y * mask.width + x]!;
  return n / ((x1 - x0) * (y1 - y0));
}

/** Given a page's layout, the engine and the settings, return the page's tables and text. */
export async function layoutToPage(
  layout: PageLayout,
  frame: PageFrame,
  engine: OcrEngine,
  settings: OcrSettings,
  layoutSeconds = 0,
): Promise<PageResult> {
  const lineSettings = textLineSettings(settings, layout.scale);
  const pad = Math.round(settings.text.pad * layout.scale);
  const inset = Math.max(2, Math.round(0.8 * layout.scale));
  const crops: GrayImage[] = [];
  const cropBoxes: PixelBox[] = [];
  const addCrop = (box: PixelBox, region: PixelBox) => {
    cropBoxes.push(box);
    return crops.push(lineToCrop(layout.gray, box, region, pad)) - 1;
  };
  // Cells: every line of every cell.
  const cellRegions = layout.tables.map((table) =>
    table.cells.map((cell) => {
      const inside = cellInterior(cell, inset);
      return {
        inside,
        lines: withoutCrumbLines(regionToLines(layout.text, inside, lineSettings), lineSettings.minHeight),
      };
    }),
  );
  const body = medianHeight(cellRegions.flatMap((cells) => cells.flatMap((c) => c.lines)));
  const cellLines = cellRegions.map((cells) =>
    cells.map(({ inside, lines }) =>
      lines.length === 1 && isDash(lines[0]!, body) ? [DASH] : lines.map((line) => addCrop(line, inside)),
    ),
  );
  // Outside tables: lines split into chunks.
  const outside = maskTables(layout.text, layout.tables);
  const page = { x0: 0, y0: 0, x1: layout.gray.width, y1: layout.gray.height };
  // A line whose middle lies within a table's frame but in no cell is residue (a seal's ring,
  // specks): the table's own text is in its cells, and such residue would cut the table off from
  // its continuation. Told on the upright page, where tables are upright rectangles.
  const freeLines = withoutResidue(regionToLines(outside, page, lineSettings), layout.tables).map((box) => ({
    box,
    chunks: lineToChunks(outside, box, lineSettings).map((chunk) => ({
      box: chunk,
      crop: addCrop(chunk, page),
    })),
  }));
  const started = performance.now();
  const read = crops.length > 0 ? await engine.recognize(crops) : [];
  await rereadLoneGlyphs(cellRegions.flat(), cellLines.flat(), crops, read, engine);
  // Print crossed by the seal's ink lost strokes with the ink (image.ts), and the recognizer, which
  // sees only what is left, can be sure of a wrong reading ("15" read "13" at 0.97): such a line is
  // in doubt whatever the recognizer says.
  const sealed = layout.seal.data.includes(1);
  cropBoxes.forEach((box, id) => {
    if (sealed && inkShare(layout.seal, box) >= SEALED_SHARE)
      read[id] = { ...read[id]!, confidence: Math.min(read[id]!.confidence, DOUBT) };
  });
  const recognition = (performance.now() - started) / 1000;
  const tables = layout.tables.map((table, t) =>
    latticeToPageTable(
      table,
      cellLines[t]!.map((ids) => ids.map((id) => (id === DASH ? DASH_READING : read[id]!))),
      cellRegions[t]!.map((region) => region.lines),
      frame,
    ),
  );
  for (const [t, table] of tables.entries())
    await rereadFigures(table, layout.tables[t]!, cellRegions[t]!, layout.gray, engine, pad);
  const textLines: TextLine[] = freeLines
    .map((l) => ({
      box: l.box,
      chunks: l.chunks
        .map((c): Chunk => ({ box: c.box, text: tidyText(read[c.crop]!.text), confidence: read[c.crop]!.confidence }))
        .filter((c) => c.text !== ""),
    }))
    .filter((l) => l.chunks.length > 0);
  const stream = linesToStreamTables(textLines, settings.stream);
  for (const st of stream.tables) {
    const rows = st.rows.map((row, r) =>
      row.map((chunks, c): Cell => {
        const line = st.lines[r]!;
        const box = chunks.length
          ? chunks.map((k) => k.box).reduce(unionBox)
          : { x0: st.columns[c]![0], x1: st.columns[c]![1], y0: line.box.y0, y1: line.box.y1 };
        return {
          text: tidyText(chunks.map((k) => k.text).join(" ")),
          rowSpan: 1,
          colSpan: 1,
          box: pixelBoxToBox(box, frame),
          confidence: Math.min(1, ...chunks.map((k) => k.confidence)),
        };
      }),
    );
    const pt = (v: number) => Math.round((v / frame.scale) * 100) / 100;
    const xs = [st.columns[0]![0], ...st.columns.map((c) => c[1])].map(pt);
    tables.push({
      page: frame.number,
      rows,
      box: pixelBoxToBox(st.box, frame),
      xs,
      rowTops: st.lines.map((l) => pt(l.box.y0)),
      rowBottoms: st.lines.map((l) => pt(l.box.y1)),
      method: "ocr",
    });
  }
  tables.sort((a, b) => a.box.y0 - b.box.y0);
  return {
    number: frame.number,
    width: frame.widthPt,
    height: frame.heightPt,
    tables,
    texts: linesToTexts(stream.rest, frame),
    lines: crops.length,
    seconds: { layout: layoutSeconds, recognition },
  };
}

/** How much wider than the first crop a figure in doubt is drawn again. */
const WIDER = [1.2, 1.4];

/**
 * Given a page table, its lattice, each cell's region and lines, the page and the engine, read
 * again the figures that do not fit their column (figures.ts) from crops with other margins, and
 * from crops drawn wider (the model reads a line scaled to a fixed height, and narrow figures
 * there lose the second of two like digits, "100.00" read "10.00", or a bracket), and keep the
 * most confident reading that fits and is trusted; a figure still in doubt keeps its text with its
 * confidence capped at `DOUBT`, so that nothing resting on it is reported as certain.
 */
async function rereadFigures(
  table: PageTable,
  lattice: LatticeTable,
  regions: { inside: PixelBox; lines: PixelBox[] }[],
  gray: GrayImage,
  engine: OcrEngine,
  pad: number,
): Promise<void> {
  for (const { row, col, column } of doubtfulFigures(table.rows)) {
    const index = lattice.cells.findIndex((c) => c.row === row && c.col === col);
    const region = regions[index];
    const cell = table.rows[row]![col]!;
    if (!region || region.lines.length !== 1) {
      cell.confidence = Math.min(cell.confidence ?? 1, DOUBT);
      continue;
    }
    const line = region.lines[0]!;
    const crop = lineToCrop(gray, line, region.inside, pad);
    const crops = [
      lineToCrop(gray, line, region.inside, Math.max(1, Math.round(pad / 2))),
      crop,
      ...WIDER.map((f) => resizeGray(crop, Math.round(f * crop.width), crop.height)),
    ];
    const first = { text: cell.text, confidence: cell.confidence ?? 1 };
    const again = (await engine.recognize(crops)).map((r) => ({ text: tidyText(r.text), confidence: r.confidence }));
    // A reading is taken when the model is surer of it than of the first, or when another reading
    // has the same digits: a reading alone with other digits and less belief is a guess.
    const readings = [first, ...again];
    const digits = (text: string) => normalizeFigure(text).replace(/\D/g, "");
    const trusted = (r: Recognition) =>
      r.confidence >= first.confidence || readings.some((o) => o !== r && digits(o.text) === digits(r.text));
    const fit =
      again
        .filter((r) => r.text !== "" && fitsColumn(r.text, column) && trusted(r))
        .reduce<Recognition | undefined>(
          (best, r) => (best && best.confidence >= r.confidence ? best : r),
          undefined,
        ) ??
      // Read again or not, letters that look like digits are taken as the digits, in doubt.
      readings
        .filter((r) => r === first || trusted(r))
        .map((r) => ({ text: normalizeFigure(r.text), confidence: DOUBT }))
        .find((r) => r.text !== "" && fitsColumn(r.text, column));
    if (fit)
      Object.assign(cell, {
        text: fit.text,
        confidence: Math.round(Math.min(fit.confidence, cell.confidence ?? 1) * 1000) / 1000,
      });
    else cell.confidence = Math.min(cell.confidence ?? 1, DOUBT);
  }
}

/**
 * Given the cells' regions and crop ids, the crops and their readings, and the engine, read again
 * beside a line they belong with (lone-glyphs.ts) the glyphs read in doubt alone in a cell or on a
 * line of it.
 */
async function rereadLoneGlyphs(
  regions: { lines: PixelBox[] }[],
  ids: number[][],
  crops: GrayImage[],
  read: Recognition[],
  engine: OcrEngine,
): Promise<void> {
  // The figure read surest among the cells' lines: digits (and a decimal point) alone, so nothing
  // of it can be taken for a glyph.
  const figure = ids
    .flat()
    .filter((id) => id !== DASH && /^(?=(\D*\d){3})\d+(\.\d+)?$/.test(read[id]!.text) && read[id]!.confidence >= 0.98)
    .sort((a, b) => read[b]!.confidence - read[a]!.confidence)[0];
  const contexts = new Map<number, Context>();
  const contextOf = (id: number): Context => {
    const known = contexts.get(id);
    if (known) return known;
    const context = { crop: crops[id]!, text: read[id]!.text.replace(/\s+/g, ""), confidence: read[id]!.confidence };
    contexts.set(id, context);
    return context;
  };
  const lone = ids.flatMap((cell, k) =>
    cell.flatMap((id, i): (LoneGlyph & { id: number })[] => {
      const line = regions[k]!.lines[i];
      if (id === DASH || !line || !isLoneGlyph(line.x1 - line.x0, line.y1 - line.y0)) return [];
      // Read as more than one character, it is not one glyph (a bracketed figure, a word and its stop).
      if (read[id]!.confidence >= LONE_GLYPH_DOUBT || [...read[id]!.text.trim()].length > 1) return [];
      const reading = read[id]!;
      // A glyph wrapped onto a line of its own is read after the line it continues.
      const previous = i > 0 ? cell[i - 1] : undefined;
      if (previous !== undefined && previous !== DASH && read[previous]!.text.trim() !== "")
        return [{ id, crop: crops[id]!, reading, context: contextOf(previous), sides: [false] }];
      return figure === undefined
        ? []
        : [{ id, crop: crops[id]!, reading, context: contextOf(figure), sides: [true, false] }];
    }),
  );
  const again = await readLoneGlyphs(lone, engine);
  lone.forEach(({ id }, k) => (read[id] = again[k]!));
}

/**
 * A cell whose only ink is one flat bar holds a dash ("—", "-": nothing to report). Scaled to the
 * recognizer's line height, a bar a third of a line high fills the crop and reads as "一", "1",
 * "I" or "上", and a "1" in a column of figures is a figure invented. The bar's shape says what it
 * is: a third of the page's usual line height or less, and at least twice as wide as high.
 */
export function isDash(line: PixelBox, body: number): boolean {
  const height = line.y1 - line.y0;
  return body > 0 && height <= body / 3 && line.x1 - line.x0 >= 2 * height;
}

/**
 * Given a cell's lines and the lowest line of text, return them without the lines lower than
 * that beside a line of text: a dash is a cell's whole content, so a flat bit of ink beside text
 * is what is left of a seal's outline or a rule ("C", "[" read into the cell).
 */
export function withoutCrumbLines(lines: PixelBox[], minHeight: number): PixelBox[] {
  const text = lines.filter((l) => l.y1 - l.y0 >= minHeight);
  return text.length > 0 ? text : lines;
}

/** Given line boxes, return their median height (0 for none). */
function medianHeight(lines: PixelBox[]): number {
  const heights = lines.map((l) => l.y1 - l.y0).sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 0;
}

const DASH = -1;
const DASH_READING: Recognition = { text: "—", confidence: 1 };

function unionBox(a: PixelBox, b: PixelBox): PixelBox {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

/** Given the text ink and the page's tables, return the ink with the tables' areas blanked (their text is read cell by cell). */
function maskTables(text: GrayImage, tables: LatticeTable[]): GrayImage {
  const data = new Uint8Array(text.data);
  for (const t of tables) {
    for (let y = Math.max(0, Math.floor(t.box.y0) - 2); y < Math.min(text.height, Math.ceil(t.box.y1) + 2); y++) {
      data.fill(
        0,
        y * text.width + Math.max(0, Math.floor(t.box.x0) - 2),
        y * text.width + Math.min(text.width, Math.ceil(t.box.x1) + 2),
      );
    }
  }
  return { width: text.width, height: text.height, data };
}
