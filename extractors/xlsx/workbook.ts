// The workbook part (ECMA-376 Part 1 §18.2): which sheets there are, in what order, which are
// hidden, where their parts live (through the part's relationships, Part 2 §9.3), and which date
// system serial numbers count from (§18.2.28 workbookPr/@date1904).
import { attrOf, childrenOf, tagOf, type XmlNode } from "../ooxml/xml.js";

export interface SheetEntry {
  name: string;
  /** ZIP entry name of the sheet's part, or null when the relationship is missing. */
  part: string | null;
  /** "worksheet", "chartsheet", "dialogsheet", … from the relationship type. */
  kind: string;
  hidden: boolean;
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  date1904: boolean;
}

/** Given a node, return its element name without namespace prefix ("x:row" and "row" alike). */
export function localName(node: XmlNode): string {
  return tagOf(node).replace(/^[^:]*:/, "");
}

/** Given a node, return its children with the local name. */
export function childrenNamed(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? childrenOf(node).filter((c) => localName(c) === name) : [];
}

/** Given a node, return its first child with the local name. */
export function childNamed(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node ? childrenOf(node).find((c) => localName(c) === name) : undefined;
}

/** Given a node and an attribute's local name, return its value whatever its prefix ("r:id", "id"). */
export function attrLocal(node: XmlNode, name: string): string | undefined {
  const attrs = node[":@"] as Record<string, string> | undefined;
  const key = attrs && Object.keys(attrs).find((k) => k === name || k.endsWith(`:${name}`));
  return key === undefined ? undefined : attrOf(node, key);
}

/** Given a value of an xsd:boolean attribute, return it as a boolean. */
export function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true" || value === "on";
}

/** Given the parsed rels part of a part at `base` (e.g. "xl/workbook.xml"), return id -> [entry name, type]. */
export function relsToTargets(nodes: XmlNode[], base: string): Map<string, { part: string; type: string }> {
  const root = nodes.find((n) => localName(n) === "Relationships");
  const targets = new Map<string, { part: string; type: string }>();
  for (const rel of childrenNamed(root, "Relationship")) {
    const id = attrOf(rel, "Id");
    const target = attrOf(rel, "Target");
    if (!id || !target || attrOf(rel, "TargetMode") === "External") continue;
    targets.set(id, { part: resolvePartName(base, target), type: attrOf(rel, "Type") ?? "" });
  }
  return targets;
}

/** Given the part holding a relationship and its target, return the target's ZIP entry name (Part 2 §9.3.2). */
export function resolvePartName(base: string, target: string): string {
  const parts = target.startsWith("/") ? [] : base.split("/").slice(0, -1);
  for (const segment of target.replace(/^\//, "").split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

/** Given the parsed workbook part and its relationships, return its sheets in workbook order and its date system. */
export function workbookToInfo(
  nodes: XmlNode[],
  rels: ReadonlyMap<string, { part: string; type: string }>,
): WorkbookInfo {
  const root = nodes.find((n) => localName(n) === "workbook");
  if (!root) throw new Error("xl/workbook.xml has no workbook element");
  const sheets = childrenNamed(childNamed(root, "sheets"), "sheet").map((sheet): SheetEntry => {
    const rel = rels.get(attrLocal(sheet, "id") ?? "");
    const state = attrOf(sheet, "state");
    return {
      name: attrOf(sheet, "name") ?? "",
      part: rel?.part ?? null,
      kind: rel ? rel.type.replace(/^.*\//, "") : "worksheet",
      hidden: state === "hidden" || state === "veryHidden",
    };
  });
  const pr = childNamed(root, "workbookPr");
  return { sheets, date1904: pr !== undefined && isTrue(attrOf(pr, "date1904")) };
}
