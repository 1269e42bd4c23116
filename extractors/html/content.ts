// Reading parsed HTML as a reader sees it: block elements (WHATWG HTML §4.4, and the CSS display
// they default to) cut the text into paragraphs, h1–h6 are headings, <br> is a line break,
// runs of source whitespace are one space (CSS white-space: normal) and &nbsp; a space kept.
// Scripts, styles and elements hidden with `hidden` or display:none are not shown, so not read.
// Tables are returned as elements, for table.ts to lay out.
import type { DefaultTreeAdapterTypes } from "parse5";

export type Node = DefaultTreeAdapterTypes.ChildNode;
export type Element = DefaultTreeAdapterTypes.Element;

export type Item = { kind: "text"; text: string; role: "heading" | "paragraph" } | { kind: "table"; element: Element };

const SKIPPED = new Set([
  "head",
  "script",
  "style",
  "template",
  "noscript",
  "iframe",
  "object",
  "embed",
  "select",
  "textarea",
  "button",
  "input",
  "svg",
  "math",
  "map",
  "canvas",
  "audio",
  "video",
]);
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
/** Elements that open a new line of text: HTML's flow containers and grouping content. */
const BLOCKS = new Set([
  "html",
  "body",
  "address",
  "article",
  "aside",
  "blockquote",
  "center",
  "dd",
  "details",
  "dialog",
  "dir",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "header",
  "hgroup",
  "hr",
  "legend",
  "li",
  "listing",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "plaintext",
  "pre",
  "section",
  "summary",
  "ul",
  "xmp",
  "caption",
  "tr",
  "td",
  "th",
  "tbody",
  "thead",
  "tfoot",
]);
/** Word's "Save as Web Page" writes its Title style as a paragraph of this class. */
const TITLE_CLASS = /\bMso(Title|Subtitle)\b/;

export function isElement(node: Node): node is Element {
  return "tagName" in node;
}

export function attrOf(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

/** Given an element, return whether the page hides it (the hidden attribute, or an inline display:none). */
export function isHidden(element: Element): boolean {
  return (
    attrOf(element, "hidden") !== undefined || /(^|;)\s*display\s*:\s*none\b/i.test(attrOf(element, "style") ?? "")
  );
}

/** Collects inline text into paragraphs as the walk meets block boundaries. */
class Lines {
  readonly items: Item[] = [];
  private buffer = "";

  add(text: string): void {
    this.buffer += text;
  }

  /** Ends the current paragraph; `role` is that of the paragraph ended. */
  flush(role: "heading" | "paragraph" = "paragraph"): void {
    const text = finishText(this.buffer);
    if (text) this.items.push({ kind: "text", text, role });
    this.buffer = "";
  }

  table(element: Element): void {
    this.flush();
    this.items.push({ kind: "table", element });
  }
}

/** Given collected inline text, return it as shown: &nbsp; a plain space, spaces at line ends dropped, trimmed. */
export function finishText(raw: string): string {
  return raw
    .split("\n")
    .map((line) => line.replace(/\u00a0/g, " ").replace(/^ +| +$/g, ""))
    .join("\n")
    .replace(/^\n+|\n+$/g, "");
}

/** Given nodes, return their paragraphs, headings and tables in document order. */
export function nodesToItems(nodes: readonly Node[]): Item[] {
  const lines = new Lines();
  walk(nodes, lines, false);
  lines.flush();
  return lines.items;
}

function walk(nodes: readonly Node[], lines: Lines, pre: boolean): void {
  for (const node of nodes) {
    if (node.nodeName === "#text") {
      const value = (node as DefaultTreeAdapterTypes.TextNode).value;
      lines.add(pre ? value.replace(/\r\n?/g, "\n") : value.replace(/[ \t\n\f\r]+/g, " "));
      continue;
    }
    if (!isElement(node)) continue; // comments, doctype
    const tag = node.tagName;
    if (SKIPPED.has(tag) || isHidden(node)) continue;
    if (tag === "br") lines.add("\n");
    else if (tag === "table") lines.table(node);
    else if (HEADINGS.has(tag) || (tag === "p" && TITLE_CLASS.test(attrOf(node, "class") ?? ""))) {
      lines.flush();
      walk(node.childNodes, lines, pre);
      lines.flush("heading");
    } else if (BLOCKS.has(tag)) {
      lines.flush();
      walk(node.childNodes, lines, pre || tag === "pre" || tag === "listing" || tag === "plaintext");
      lines.flush();
    } else {
      walk(node.childNodes, lines, pre);
    }
  }
}
