// Cell text: the shared string table (ECMA-376 Part 1 §18.4.8 sst/si) and inline strings (§18.3.1.53
// is) hold either one t element or rich text runs (§18.4.4 r), each with its own t; phonetic
// guides (§18.4.6 rPh) are reading aids printed above the text, not part of it.
import { childrenOf, textOf, type XmlNode } from "../ooxml/xml.js";
import { childrenNamed, localName } from "./workbook.js";

/** Given the parsed shared strings part, return its strings by index. */
export function sharedStringsToTexts(nodes: XmlNode[]): string[] {
  const root = nodes.find((n) => localName(n) === "sst");
  return childrenNamed(root, "si").map(richTextToText);
}

/** Given an si or is element, return its text: the t element or the runs' t elements, in order. */
export function richTextToText(node: XmlNode): string {
  let text = "";
  for (const child of childrenOf(node)) {
    const name = localName(child);
    if (name === "t") text += elementText(child);
    else if (name === "r") text += childrenNamed(child, "t").map(elementText).join("");
  }
  return unescapeXstring(text);
}

/** Given an element, return the text of its text nodes. */
export function elementText(node: XmlNode): string {
  return childrenOf(node).map(textOf).join("");
}

/**
 * Given text from a SpreadsheetML string, return it with the _xHHHH_ escapes of characters XML
 * cannot carry decoded (ST_Xstring, §22.9.2.19: Excel writes a carriage return as "_x000D_"), and
 * line ends made "\n".
 */
export function unescapeXstring(text: string): string {
  return text
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\r\n?/g, "\n");
}
