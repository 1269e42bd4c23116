// Narrative text through mammoth: it resolves paragraph styles to headings through styles.xml
// (Chinese Word names its heading styles "1", "2" or "标题 1", which only the style table explains),
// and handles fields, hyperlinks and list items. Its tables are not used: mammoth drops gridBefore
// and stops merging on anything irregular (FIELD-NOTES: DOCX), so tables come from document.xml.
import { XMLParser } from "../ooxml/xml-parser.js";

export type NarrativeItem = { kind: "heading" | "paragraph"; text: string } | { kind: "table" };

// mammoth's output is generated XHTML with standard escapes only, so entities may be decoded here.
const htmlParserOptions = {
  preserveOrder: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  unpairedTags: ["br", "img", "hr"],
};

/** Given DOCX bytes, return mammoth's top-level sequence of headings, paragraphs and table positions. */
export async function docxToNarrative(bytes: Uint8Array): Promise<NarrativeItem[]> {
  // Loaded here, not at the top: only documents with text boxes need mammoth, and loading it
  // costs more than reading a one-page form.
  const { default: mammoth } = await import("mammoth");
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const nodes = new XMLParser(htmlParserOptions).parse(`<root>${html}</root>`) as Record<string, unknown>[];
  const root = (nodes[0]?.["root"] as Record<string, unknown>[] | undefined) ?? [];
  return root.flatMap(htmlNodeToItems);
}

function htmlNodeToItems(node: Record<string, unknown>): NarrativeItem[] {
  const tag = Object.keys(node)[0] ?? "";
  if (tag === "table") return [{ kind: "table" }];
  if (/^h[1-6]$/.test(tag)) return [{ kind: "heading", text: htmlText(node) }];
  if (tag === "p") return [{ kind: "paragraph", text: htmlText(node) }];
  if (tag === "ul" || tag === "ol")
    return children(node).map((li) => ({ kind: "paragraph" as const, text: htmlText(li) }));
  return [];
}

function children(node: Record<string, unknown>): Record<string, unknown>[] {
  const value = node[Object.keys(node)[0] ?? ""];
  return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
}

function htmlText(node: Record<string, unknown>): string {
  const tag = Object.keys(node)[0] ?? "";
  if (tag === "#text") return String(node["#text"] ?? "");
  if (tag === "br") return "\n";
  return children(node).map(htmlText).join("");
}
