// XLSX extractor: bytes -> format-neutral tables and text blocks. Every part is read through the
// bounded ZIP reader; the workbook (ECMA-376 Part 1 §18.2) gives the sheets in order, and each
// visible worksheet becomes the tables and text lines laid out in it (blocks.ts), its numbers
// shown as their number formats print them (numfmt.ts). Hidden sheets, rows and columns are not
// read, with a warning when they hold text.
import type { Block, Extraction } from "../../contracts/extraction.js";
import { UnreadableFileError } from "../../contracts/errors.js";
import type { Warning } from "../../contracts/model.js";
import { countStartTags, parseXml, XmlError, type XmlNode } from "../ooxml/xml.js";
import { defaultZipSettings, openZip, ZipError, type ZipArchive, type ZipSettings } from "../ooxml/zip.js";
import {
  defaultBlockSettings,
  placedToBlocks,
  placedToUsedRange,
  rangeWithinLimits,
  type BlockSettings,
} from "../grids/placed.js";
import { blocksWithPartsJoined } from "../grids/side-by-side.js";
import { cellsToUsedRange, contentToPlaced } from "./placed.js";
import { checkLimit, LimitError } from "../../contracts/limits.js";
import { contentWithoutHidden } from "./hidden.js";
import { worksheetToContent, type CellContext } from "./sheet.js";
import { sharedStringsToTexts } from "./strings.js";
import { stylesToCellStyles } from "./styles.js";
import { relsToTargets, workbookToInfo, type SheetEntry } from "./workbook.js";

export type XlsxSettings = ZipSettings & BlockSettings;

const WORKBOOK = "xl/workbook.xml";

/** Given the bytes of an XLSX workbook, return its tables and text blocks; throws UnreadableFileError when unusable. */
export async function extractXlsx(
  bytes: Uint8Array,
  path: string,
  settings: Partial<XlsxSettings> = {},
): Promise<Extraction> {
  const s: XlsxSettings = { ...defaultZipSettings, ...defaultBlockSettings, ...settings };
  const zip = openArchive(bytes, path, s);
  const warnings: Warning[] = [];
  const blocks: Block[] = [];
  try {
    const workbookPart = workbookPartName(zip, path);
    const rels = relsToTargets(partToXml(zip, relsPartName(workbookPart)) ?? [], workbookPart);
    const info = workbookToInfo(partToXml(zip, workbookPart) ?? [], rels);
    const partOfType = (kind: string, fallback: string) =>
      [...rels.values()].find((t) => t.type.endsWith(`/${kind}`))?.part ?? fallback;
    const context: CellContext = {
      strings: sharedStringsToTexts(partToXml(zip, partOfType("sharedStrings", "xl/sharedStrings.xml")) ?? []),
      styles: stylesToCellStyles(partToXml(zip, partOfType("styles", "xl/styles.xml")) ?? []),
      date1904: info.date1904,
    };
    let tables = 0;
    for (const sheet of info.sheets) {
      const sheetBlocks = sheetToBlocks(zip, sheet, context, tables, s, warnings);
      tables += sheetBlocks.filter((b) => b.kind === "table").length;
      blocks.push(...sheetBlocks);
    }
  } catch (err) {
    if (err instanceof UnreadableFileError || err instanceof LimitError) throw err;
    if (err instanceof ZipError)
      throw new UnreadableFileError(path, err.tooLarge ? "too-large" : "corrupt", err.message);
    const reason = err instanceof XmlError ? err.message : `unreadable workbook: ${(err as Error).message}`;
    throw new UnreadableFileError(path, "corrupt", reason);
  }
  return { format: "xlsx", textLayer: "native", pages: null, blocks: blocksWithPartsJoined(blocks), warnings };
}

/** Given one sheet of the workbook, return its blocks, or none (with a warning) when it is not shown or not read. */
function sheetToBlocks(
  zip: ZipArchive,
  sheet: SheetEntry,
  context: CellContext,
  firstIndex: number,
  settings: XlsxSettings,
  warnings: Warning[],
): Block[] {
  const skip = (code: string, why: string): Block[] => (
    warnings.push({ code, message: `sheet "${sheet.name}" ${why}`, page: null }),
    []
  );
  if (sheet.hidden) return skip("xlsx-hidden-sheet", "is hidden and was skipped");
  if (sheet.kind !== "worksheet")
    return skip("xlsx-not-worksheet", `is a ${sheet.kind}, which holds no cells, and was skipped`);
  const text = sheet.part === null ? null : zip.read(sheet.part)?.toString("utf8");
  // Rows are counted before parsing: the parser's nodes for a 200,000-row sheet take gigabytes.
  if (text) checkLimit("maxTableRows", countStartTags(text, "row"), `rows in sheet "${sheet.name}"`);
  const xml = text ? parseXml(text) : null;
  if (!xml) return skip("xlsx-sheet-missing", "has no worksheet part in the file and was skipped");
  const { content, rows, cols } = contentWithoutHidden(worksheetToContent(xml, context));
  if (rows + cols > 0) {
    warnings.push({
      code: "xlsx-hidden-cells",
      message: `sheet "${sheet.name}": ${rows} hidden rows and ${cols} hidden columns holding text were not read`,
      page: null,
    });
  }
  if (content.uncachedFormulas > 0) {
    warnings.push({
      code: "xlsx-formula-uncached",
      message: `sheet "${sheet.name}": ${content.uncachedFormulas} formula cells carry no computed value and read as empty`,
      page: null,
    });
  }
  const range = cellsToUsedRange(content.cells);
  if (!range) return [];
  const placed = contentToPlaced(content, rangeWithinLimits(range, `sheet "${sheet.name}"`, warnings));
  const used = placedToUsedRange(placed);
  return used ? placedToBlocks(placed, used, firstIndex, settings) : [];
}

function openArchive(bytes: Uint8Array, path: string, settings: ZipSettings): ZipArchive {
  if (bytes.length === 0) throw new UnreadableFileError(path, "empty", "the file is empty");
  try {
    return openZip(bytes, settings);
  } catch (err) {
    if (err instanceof ZipError)
      throw new UnreadableFileError(path, err.tooLarge ? "too-large" : "corrupt", err.message);
    throw err;
  }
}

/** The workbook part is found from the package relationships (Part 2 §9.3); xl/workbook.xml by convention. */
function workbookPartName(zip: ZipArchive, path: string): string {
  const rels = partToXml(zip, "_rels/.rels");
  const office = rels && [...relsToTargets(rels, "").values()].find((t) => t.type.endsWith("/officeDocument"));
  const part = office?.part ?? WORKBOOK;
  if (!zip.has(part))
    throw new UnreadableFileError(path, "unsupported-format", "a ZIP file without a workbook part, not an XLSX");
  return part;
}

function relsPartName(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Given a part name, return its parsed XML, or null when the package has no such part. */
function partToXml(zip: ZipArchive, name: string): XmlNode[] | null {
  const bytes = zip.read(name);
  return bytes ? parseXml(bytes.toString("utf8")) : null;
}
