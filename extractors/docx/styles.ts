// Paragraph styles from word/styles.xml: which style ids are headings. Chinese Word names its
// heading styles "heading 1" internally but gives them ids such as "1" or "2", so the id alone
// says nothing; the style's w:name or its w:outlineLvl does (ECMA-376 §17.7.4.9, §17.3.1.20).
import { attrOf, childOf, childrenOf, tagOf, type XmlNode } from "../ooxml/xml.js";

/** Given the parsed styles.xml, return the ids of the paragraph styles that are headings or titles. */
export function stylesToHeadingIds(nodes: XmlNode[]): Set<string> {
  const root = nodes.find((n) => tagOf(n) === "w:styles");
  const ids = new Set<string>();
  for (const style of root ? childrenOf(root) : []) {
    if (tagOf(style) !== "w:style" || attrOf(style, "w:type") !== "paragraph") continue;
    const id = attrOf(style, "w:styleId");
    const nameNode = childOf(style, "w:name");
    const name = (nameNode && attrOf(nameNode, "w:val")) ?? "";
    const pPr = childOf(style, "w:pPr");
    const outline = pPr && childOf(pPr, "w:outlineLvl");
    if (id && (/^(heading \d|title|subtitle|标题\s*\d?)$/i.test(name.trim()) || outline)) ids.add(id);
  }
  return ids;
}
