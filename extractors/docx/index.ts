// DOCX extractor: bytes -> format-neutral tables and text blocks, in document order. Tables and
// paragraphs are read from word/document.xml (spans resolved; heading roles from styles.xml);
// documents with text boxes take their narrative from mammoth, which reads those.
import type { Block, Extraction } from "../../contracts/extraction.js";
import { UnreadableFileError } from "../../contracts/errors.js";
import type { Warning } from "../../contracts/model.js";
import { documentToBodyItems, type BodyItem } from "./body.js";
import { docxToNarrative, type NarrativeItem } from "./narrative.js";
import { stylesToHeadingIds } from "./styles.js";
import { countStartTags, parseXml, XmlError } from "../ooxml/xml.js";
import { defaultZipSettings, openZip, ZipError, type ZipArchive, type ZipSettings } from "../ooxml/zip.js";
import { checkLimit, LimitError } from "../../contracts/limits.js";

export type DocxSettings = ZipSettings;

/** Given the bytes of a DOCX file, return its tables and text blocks; throws UnreadableFileError when unusable. */
export async function extractDocx(
  bytes: Uint8Array,
  path: string,
  settings: Partial<DocxSettings> = {},
): Promise<Extraction> {
  const zip = openArchive(bytes, path, { ...defaultZipSettings, ...settings });
  const xml = readPart(zip, path, "word/document.xml");
  let items: BodyItem[];
  const warnings: Warning[] = [];
  // Counted on the text, before the parser makes a node of each (10 million empty paragraphs fit in 64 MB of XML).
  checkLimit("maxParagraphs", countStartTags(xml, "w:p"), "paragraphs");
  try {
    items = documentToBodyItems(parseXml(xml), warnings);
  } catch (err) {
    if (err instanceof LimitError) throw err;
    const reason = err instanceof XmlError ? err.message : `unreadable word/document.xml: ${(err as Error).message}`;
    throw new UnreadableFileError(path, "corrupt", reason);
  }
  const headings = headingStyles(zip);
  let narrative: NarrativeItem[] | null = null;
  // Text boxes hold narrative that document.xml's body reading skips (they sit inside drawings);
  // mammoth reads them, so it serves exactly there. Elsewhere it would cost ~1 s a form for nothing.
  if (xml.includes("w:txbxContent")) {
    try {
      narrative = await docxToNarrative(bytes);
    } catch (err) {
      warnings.push({
        code: "narrative-unread",
        message: `mammoth could not read the text boxes (${(err as Error).message}); paragraphs taken from document.xml`,
        page: null,
      });
    }
  }
  return {
    format: "docx",
    textLayer: "native",
    pages: null,
    blocks: itemsToBlocks(items, narrative, headings, warnings),
    warnings,
  };
}

function headingStyles(zip: ZipArchive): Set<string> {
  const styles = zip.read("word/styles.xml");
  if (!styles) return new Set();
  try {
    return stylesToHeadingIds(parseXml(styles.toString("utf8")));
  } catch {
    return new Set(); // unreadable styles only cost the heading roles
  }
}

function isHeading(item: Extract<BodyItem, { kind: "paragraph" }>, headings: Set<string>): boolean {
  return item.outlineLevel != null || (item.styleId != null && headings.has(item.styleId));
}

function openArchive(bytes: Uint8Array, path: string, settings: ZipSettings): ZipArchive {
  if (bytes.length === 0) throw new UnreadableFileError(path, "empty", "the file is empty");
  try {
    const zip = openZip(bytes, settings);
    // Inflate every part once within the bounds, so that no later reader (mammoth) meets a bomb.
    for (const name of zip.names()) zip.read(name);
    return zip;
  } catch (err) {
    if (err instanceof ZipError)
      throw new UnreadableFileError(path, err.tooLarge ? "too-large" : "corrupt", err.message);
    throw err;
  }
}

function readPart(zip: ZipArchive, path: string, name: string): string {
  const bytes = zip.read(name);
  if (!bytes) {
    const hint = zip.has("xl/workbook.xml")
      ? " (it is an XLSX workbook)"
      : zip.has("ppt/presentation.xml")
        ? " (it is a PPTX)"
        : "";
    throw new UnreadableFileError(
      path,
      "unsupported-format",
      `a ZIP file without word/document.xml, not a DOCX${hint}`,
    );
  }
  return bytes.toString("utf8");
}

/**
 * Given the body items from document.xml and mammoth's sequence, return blocks in document order.
 * Mammoth's paragraphs are used when its top-level tables line up one to one with ours; otherwise
 * the paragraphs of document.xml are, so that nothing is lost.
 */
export function itemsToBlocks(
  items: BodyItem[],
  narrative: NarrativeItem[] | null,
  headings: Set<string>,
  warnings: Warning[],
): Block[] {
  const tables = items.flatMap((i) => (i.kind === "table" ? [i] : []));
  const aligned = narrative && narrative.filter((n) => n.kind === "table").length === tables.length;
  if (narrative && !aligned) {
    warnings.push({
      code: "narrative-misaligned",
      message: "mammoth's tables do not line up with document.xml; paragraphs taken from document.xml",
      page: null,
    });
  }
  const blocks: Block[] = [];
  let t = 0;
  const pushTable = (item: Extract<BodyItem, { kind: "table" }>) => {
    blocks.push({ kind: "table", table: item.table });
    for (const nested of item.nested) blocks.push({ kind: "table", table: nested });
  };
  if (aligned) {
    for (const n of narrative) {
      if (n.kind === "table") pushTable(tables[t++]!);
      else if (n.text.trim()) blocks.push({ kind: "text", text: n.text, page: null, role: n.kind, box: null });
    }
    return blocks;
  }
  for (const item of items) {
    if (item.kind === "table") pushTable(item);
    else if (item.text.trim())
      blocks.push({
        kind: "text",
        text: item.text,
        page: null,
        role: isHeading(item, headings) ? "heading" : "paragraph",
        box: null,
      });
  }
  return blocks;
}
