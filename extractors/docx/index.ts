// DOCX extractor: bytes -> format-neutral tables and text blocks. Tables are read from
// word/document.xml (spans resolved), narrative text from mammoth, interleaved in document order.
import type { Block, Extraction } from "../../src/extraction.js";
import { UnreadableFileError } from "../../src/errors.js";
import type { Warning } from "../../src/model.js";
import { documentToBodyItems, type BodyItem } from "./body.js";
import { docxToNarrative, type NarrativeItem } from "./narrative.js";
import { parseXml, XmlError } from "./xml.js";
import { defaultZipSettings, openZip, ZipError, type ZipArchive, type ZipSettings } from "./zip.js";

export type DocxSettings = ZipSettings;

/** Given the bytes of a DOCX file, return its tables and text blocks; throws UnreadableFileError when unusable. */
export async function extractDocx(bytes: Uint8Array, path: string, settings: Partial<DocxSettings> = {}): Promise<Extraction> {
  const zip = openArchive(bytes, path, { ...defaultZipSettings, ...settings });
  const xml = readPart(zip, path, "word/document.xml");
  let items: BodyItem[];
  try {
    items = documentToBodyItems(parseXml(xml));
  } catch (err) {
    const reason = err instanceof XmlError ? err.message : `unreadable word/document.xml: ${(err as Error).message}`;
    throw new UnreadableFileError(path, "corrupt", reason);
  }
  const warnings: Warning[] = [];
  let narrative: NarrativeItem[] | null = null;
  try {
    narrative = await docxToNarrative(bytes);
  } catch (err) {
    warnings.push({ code: "narrative-unread", message: `mammoth could not read the narrative text (${(err as Error).message}); paragraphs taken from document.xml`, page: null });
  }
  return { format: "docx", textLayer: "native", pages: null, blocks: itemsToBlocks(items, narrative, warnings), warnings };
}

function openArchive(bytes: Uint8Array, path: string, settings: ZipSettings): ZipArchive {
  if (bytes.length === 0) throw new UnreadableFileError(path, "empty", "the file is empty");
  try {
    const zip = openZip(bytes, settings);
    // Inflate every part once within the bounds, so that no later reader (mammoth) meets a bomb.
    for (const name of zip.names()) zip.read(name);
    return zip;
  } catch (err) {
    if (err instanceof ZipError) throw new UnreadableFileError(path, err.tooLarge ? "too-large" : "corrupt", err.message);
    throw err;
  }
}

function readPart(zip: ZipArchive, path: string, name: string): string {
  const bytes = zip.read(name);
  if (!bytes) {
    const hint = zip.has("xl/workbook.xml") ? " (it is an XLSX workbook)" : zip.has("ppt/presentation.xml") ? " (it is a PPTX)" : "";
    throw new UnreadableFileError(path, "unsupported-format", `a ZIP file without word/document.xml, not a DOCX${hint}`);
  }
  return bytes.toString("utf8");
}

/**
 * Given the body items from document.xml and mammoth's sequence, return blocks in document order.
 * Mammoth's paragraphs are used when its top-level tables line up one to one with ours; otherwise
 * the paragraphs of document.xml are, so that nothing is lost.
 */
export function itemsToBlocks(items: BodyItem[], narrative: NarrativeItem[] | null, warnings: Warning[]): Block[] {
  const tables = items.flatMap((i) => (i.kind === "table" ? [i] : []));
  const aligned = narrative && narrative.filter((n) => n.kind === "table").length === tables.length;
  if (narrative && !aligned) {
    warnings.push({ code: "narrative-misaligned", message: "mammoth's tables do not line up with document.xml; paragraphs taken from document.xml", page: null });
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
    else if (item.text.trim()) blocks.push({ kind: "text", text: item.text, page: null, role: item.outlineLevel != null ? "heading" : "paragraph", box: null });
  }
  return blocks;
}
