// Order-preserving XML reading for OOXML parts. Entity processing stays off (FIELD-NOTES: DOCX):
// only the five predefined entities and character references are decoded, by hand, so a hostile
// DOCTYPE can never expand. Word never writes a DOCTYPE, so a part that has one is refused.
import { XMLParser } from "./xml-parser.js";
import { checkLimit } from "../../contracts/limits.js";

/** One element of fast-xml-parser's preserveOrder output: `{ tag: children, ":@": attributes }`. */
export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
});

export class XmlError extends Error {}

/** Given the text of an XML part, return its top-level nodes; throws XmlError on a DOCTYPE or malformed XML. */
export function parseXml(text: string): XmlNode[] {
  if (/<!DOCTYPE/i.test(text.slice(0, 4096)) || /<!ENTITY/i.test(text)) {
    throw new XmlError("XML part declares a DOCTYPE or entities, which OOXML never does");
  }
  const shape = xmlToShape(text);
  checkLimit("maxElementDepth", shape.depth, "levels of nested XML elements");
  checkLimit("maxElements", shape.elements, "XML elements in one part");
  try {
    return parser.parse(text) as XmlNode[];
  } catch (err) {
    throw new XmlError(`malformed XML: ${(err as Error).message}`);
  }
}

/**
 * Given XML text, return the depth of its deepest element and its number of elements, from a scan
 * of the tags alone, so that a part is measured before the parser builds a node for each element.
 */
export function xmlToShape(text: string): { depth: number; elements: number } {
  let depth = 0,
    deepest = 0,
    elements = 0;
  for (let i = text.indexOf("<"); i >= 0; i = text.indexOf("<", i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (next === 0x2f /* / */) depth--;
    else if (next !== 0x3f /* ? */ && next !== 0x21 /* ! */) {
      elements++;
      const end = text.indexOf(">", i);
      if (end < 0) break;
      if (text.charCodeAt(end - 1) !== 0x2f) deepest = Math.max(deepest, ++depth);
      i = end;
    }
  }
  return { depth: deepest, elements };
}

/** Given XML text and an element name, return the number of its start tags, counted on the text before any parsing. */
export function countStartTags(xml: string, name: string): number {
  const open = `<${name}`;
  let n = 0;
  for (let i = xml.indexOf(open); i >= 0; i = xml.indexOf(open, i + open.length)) {
    const next = xml.charCodeAt(i + open.length);
    if (
      next === 0x3e /* > */ ||
      next === 0x20 ||
      next === 0x2f /* / */ ||
      next === 0x09 ||
      next === 0x0a ||
      next === 0x0d
    )
      n++;
  }
  return n;
}

/** The element name of a node, or "#text" for text. */
export function tagOf(node: XmlNode): string {
  for (const key of Object.keys(node)) if (key !== ":@") return key;
  return "";
}

/** Given a node, return its child nodes ([] for text nodes and empty elements). */
export function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** Given a node and an attribute name such as "w:val", return the attribute's decoded value. */
export function attrOf(node: XmlNode, name: string): string | undefined {
  const attrs = node[":@"] as Record<string, string> | undefined;
  const value = attrs?.[name];
  return value === undefined ? undefined : decodeEntities(value);
}

/** Given a node, return the first child with the tag, if any. */
export function childOf(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}

/** Given a text node, return its decoded text. */
export function textOf(node: XmlNode): string {
  const value = node["#text"];
  return typeof value === "string" ? decodeEntities(value) : "";
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Given XML character data, return it with predefined entities and character references decoded. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x")) return safeCodePoint(parseInt(ref.slice(2), 16)) ?? whole;
    if (ref.startsWith("#")) return safeCodePoint(parseInt(ref.slice(1), 10)) ?? whole;
    return NAMED[ref] ?? whole;
  });
}

function safeCodePoint(cp: number): string | undefined {
  return Number.isInteger(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : undefined;
}
