// Which cells of a table are ruled and which are bold, from the page's markup and styles: a table's
// border attribute (WHATWG HTML §15.3.8), CSS rules for td/th and for classes in <style> elements,
// and a cell's own style attribute, later declarations overriding earlier ones per side. Excel's
// "Save as Web Page" (the HTML served as .xls) writes a form's title and notes as unruled rows of
// the same table as the ruled form, each cell's look in a class (".xl65 {border:.5pt solid
// windowtext}") refined inline ("border-top:none"). Only the simple selectors those pages use are
// read: `td`, `th`, `.class`, `td.class`; anything else is ignored.
import type { DefaultTreeAdapterTypes } from "parse5";
import { attrOf, isElement, type Element } from "./content.js";

type Declarations = [property: string, value: string][];

export interface PageStyles {
  /** Declarations that apply to every cell (td, th, table td, …). */
  cells: Declarations;
  /** Declarations by class name. */
  classes: Map<string, Declarations>;
}

export interface CellLook {
  ruled: boolean;
  bold: boolean;
}

/** Given a style sheet's text, return the declarations of its rules for cells and for classes. */
export function cssToStyles(css: string): PageStyles {
  const styles: PageStyles = { cells: [], classes: new Map() };
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "").replace(/<!--|-->/g, "");
  for (const [, selectors, body] of text.matchAll(/([^{}@]+)\{([^{}]*)\}/g)) {
    const declarations = declarationsOf(body!);
    for (const selector of selectors!.split(",").map((s) => s.trim())) {
      const last = selector.split(/\s+/).pop() ?? "";
      const m = /^(td|th)?(?:\.([\w-]+))?$/i.exec(last);
      if (!m || (!m[1] && !m[2])) continue;
      if (m[2]) styles.classes.set(m[2], [...(styles.classes.get(m[2]) ?? []), ...declarations]);
      else styles.cells.push(...declarations);
    }
  }
  return styles;
}

/** Given a declaration block ("border:.5pt solid; font-weight:700"), return its declarations in order. */
export function declarationsOf(block: string): Declarations {
  return block.split(";").flatMap((d) => {
    const at = d.indexOf(":");
    return at > 0
      ? [
          [
            d.slice(0, at).trim().toLowerCase(),
            d
              .slice(at + 1)
              .trim()
              .toLowerCase(),
          ] as [string, string],
        ]
      : [];
  });
}

/** Given a document, return the styles of all its <style> elements. */
export function documentToStyles(document: DefaultTreeAdapterTypes.Document): PageStyles {
  const texts: string[] = [];
  const visit = (node: DefaultTreeAdapterTypes.ParentNode) => {
    for (const child of node.childNodes) {
      if (!isElement(child)) continue;
      if (child.tagName === "style") texts.push(child.childNodes.map((n) => ("value" in n ? n.value : "")).join(""));
      else visit(child);
    }
  };
  visit(document);
  return cssToStyles(texts.join("\n"));
}

const SIDES = ["top", "right", "bottom", "left"] as const;

/** A border value draws a line unless it says none/hidden or has zero width. */
function drawsLine(value: string): boolean {
  return !/\b(none|hidden)\b/.test(value) && !/^0(\.0*)?([a-z%]+)?(\s|$)/.test(value);
}

/** Given a cell, its table and the page's styles, return whether a line is drawn on one of its sides and whether it is bold. */
export function cellLook(cell: Element, table: Element, styles: PageStyles): CellLook {
  const sides = { top: false, right: false, bottom: false, left: false };
  const border = parseInt(attrOf(table, "border") ?? "0", 10);
  if (border > 0) SIDES.forEach((s) => (sides[s] = true));
  let bold = cell.tagName === "th";
  const classes = (attrOf(cell, "class") ?? "").split(/\s+/).filter(Boolean);
  const declarations = [
    ...styles.cells,
    ...classes.flatMap((c) => styles.classes.get(c) ?? []),
    ...declarationsOf(attrOf(cell, "style") ?? ""),
  ];
  for (const [property, value] of declarations) {
    if (property === "border") SIDES.forEach((s) => (sides[s] = drawsLine(value)));
    else if (property.startsWith("border-") && SIDES.includes(property.slice(7) as (typeof SIDES)[number]))
      sides[property.slice(7) as (typeof SIDES)[number]] = drawsLine(value);
    else if (property === "font-weight") bold = value === "bold" || value === "bolder" || Number(value) >= 600;
  }
  return { ruled: SIDES.some((s) => sides[s]), bold: bold || wrapsInBold(cell) };
}

/** Given a cell, return whether all of its text sits in <b> or <strong>. */
function wrapsInBold(cell: Element): boolean {
  const children = cell.childNodes.filter((n) => !(n.nodeName === "#text" && !("value" in n && n.value.trim())));
  if (children.length !== 1) return false;
  const only = children[0]!;
  if (!isElement(only)) return false;
  return (
    only.tagName === "b" ||
    only.tagName === "strong" ||
    ((only.tagName === "font" || only.tagName === "span" || only.tagName === "p") && wrapsInBold(only))
  );
}
