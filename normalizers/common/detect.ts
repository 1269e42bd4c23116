// Layout detection helpers: regions of an extraction and how well a family's vocabulary fits them.
import type { Extraction, Table } from "../../contracts/extraction.js";
import { tableToRows } from "../../contracts/extraction.js";
import type { LayoutFit } from "../types.js";
import { labelKey } from "./text.js";

/** Each table's label keys, asked for by every family's detection. */
const keysOfTable = new WeakMap<Table, string[]>();

/** Given a table, return the label keys of its non-empty cells. */
export function tableKeys(table: Table): string[] {
  let keys = keysOfTable.get(table);
  if (!keys) {
    keys = tableToRows(table)
      .flat()
      .filter((t) => t.trim() !== "")
      .map(labelKey);
    keysOfTable.set(table, keys);
  }
  return [...keys];
}

/** Given block indexes, return the label keys of their cells and text blocks. */
export function regionKeys(extraction: Extraction, blocks: number[]): string[] {
  return blocks.flatMap((i) => {
    const b = extraction.blocks[i];
    if (!b) return [];
    return b.kind === "table" ? tableKeys(b.table) : [labelKey(b.text)];
  });
}

/** Given a region and weighted patterns, return the share of the weight found (0..1) and a description. */
export function scoreVocabulary(
  extraction: Extraction,
  blocks: number[],
  vocabulary: [RegExp, number][],
): { score: number; found: string } {
  const keys = regionKeys(extraction, blocks);
  let got = 0,
    total = 0;
  const found: string[] = [],
    missing: string[] = [];
  for (const [pattern, weight] of vocabulary) {
    total += weight;
    const hit = keys.some((k) => pattern.test(k));
    if (hit) got += weight;
    (hit ? found : missing).push(pattern.source.replace(/\\d\+/g, "N").replace(/[\^$\\]/g, ""));
  }
  return {
    score: total ? got / total : 0,
    found: `found ${found.join(", ") || "nothing"}; missing ${missing.join(", ") || "nothing"}`,
  };
}

/**
 * Given an extraction, a family's vocabulary and a pattern that opens one form (部门名称), return
 * the groups of table blocks that form each report: tables showing the vocabulary, plus tables
 * continuing them with the same number of columns (a form split across pages); a second opening
 * row starts a new report.
 */
export function formRegions(extraction: Extraction, vocabulary: [RegExp, number][], opener: RegExp): number[][] {
  const groups: number[][] = [];
  let current: number[] | null = null,
    opened = false,
    width = -1,
    last = -2;
  extraction.blocks.forEach((block, i) => {
    if (block.kind !== "table") return;
    const keys = tableKeys(block.table);
    const relevant = keys.some((k) => vocabulary.some(([p]) => p.test(k)));
    const continues =
      current !== null && onlyTextBetween(extraction, last, i) && (block.table.rows[0]?.length ?? 0) === width;
    if (!relevant && !continues) return;
    const opens = keys.some((k) => opener.test(k));
    if (!current || (opens && opened)) {
      current = [];
      groups.push(current);
      opened = false;
    }
    current.push(i);
    opened ||= opens;
    width = block.table.rows[0]?.length ?? 0;
    last = i;
  });
  return groups;
}

/** True when only text blocks (page headers, footers) stand between two blocks. */
function onlyTextBetween(extraction: Extraction, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (extraction.blocks[i]?.kind !== "text") return false;
  return true;
}

/** Given a region's blocks, return the text blocks just before its first table (title, year, unit lines). */
export function textBlocksBefore(extraction: Extraction, blocks: number[], max = 6): number[] {
  const first = Math.min(...blocks);
  const before: number[] = [];
  for (let i = first - 1; i >= 0 && before.length < max; i--) {
    const b = extraction.blocks[i];
    if (!b || b.kind === "table") break;
    before.unshift(i);
  }
  return before;
}

/**
 * Given an extraction, a family, its vocabulary and the label that opens one of its forms, return
 * a fit per form: its tables with the text just before them (title, year), scored by vocabulary.
 */
export function formFits(
  extraction: Extraction,
  family: string,
  vocabulary: [RegExp, number][],
  opener: RegExp,
): LayoutFit[] {
  return formRegions(extraction, vocabulary, opener).map((blocks) => {
    const { score, found } = scoreVocabulary(extraction, blocks, vocabulary);
    return { family, score, blocks: [...textBlocksBefore(extraction, blocks), ...blocks], reason: found };
  });
}
