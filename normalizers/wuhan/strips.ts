// Repair of tables an extractor printed one cell per line (seed 003's dump): each row of the true
// table arrives as a "strip", a table whose lines each hold one cell, all in one column; a blank
// line ends the strip, and a cell broken over lines leaves its continuation as a short text block
// between two strips ("社会效益指" / "标", "产出" / "指标", "偏差大或" / "目标未完成" / "原因分析").
// Runs of strips are stacked back into one table, a strip per row, continuations rejoined.
import { rowsToTable, tableToRows, type Block, type Extraction, type Table } from "../../contracts/extraction.js";
import { cleanText } from "../common/text.js";

export interface StripSettings {
  /** Fewest strips in a run before it is read as one table printed a cell per line. */
  minStrips: number;
  /** Longest text block (characters) read as the continuation of a cell broken over lines. */
  maxContinuation: number;
}

export const defaultStripSettings: StripSettings = { minStrips: 2, maxContinuation: 12 };

/** An extraction with its strips restacked, and for each of its blocks the original blocks it came from. */
export interface Restacked {
  extraction: Extraction;
  origins: number[][];
}

/** Given a table, return its text column when every line holds at most one cell, all in that column; else null. */
export function stripColumn(table: Table): number | null {
  let column: number | null = null;
  for (const row of tableToRows(table)) {
    const filled = row.flatMap((text, c) => (text.trim() ? [c] : []));
    if (filled.length > 1) return null;
    const only = filled[0];
    if (only === undefined) continue;
    if (column !== null && column !== only) return null;
    column = only;
  }
  return column ?? Math.max(0, (table.rows[0]?.length ?? 1) - 1);
}

function stripOf(block: Block | undefined): string[] | null {
  if (block?.kind !== "table") return null;
  const column = stripColumn(block.table);
  return column === null ? null : tableToRows(block.table).map((row) => (row[column] ?? "").trim());
}

/** Given a text block, return whether it can be the tail of a cell broken over lines: short, no sentence punctuation. */
function isContinuation(block: Block | undefined, settings: StripSettings): block is Extract<Block, { kind: "text" }> {
  if (block?.kind !== "text") return false;
  const text = cleanText(block.text);
  return text.length > 0 && text.length <= settings.maxContinuation && !/[。；;：:，,]/.test(text);
}

/** Given blocks and a position, return where the run of continuation texts starting there ends. */
function continuationEnd(blocks: Block[], from: number, settings: StripSettings): number {
  let i = from;
  while (isContinuation(blocks[i], settings)) i++;
  return i;
}

/** Given blocks and a strip's position, return the rows of the run of strips starting there and where it ends. */
function stripRun(
  blocks: Block[],
  start: number,
  settings: StripSettings,
): { rows: string[][]; covered: number[]; strips: number } {
  const rows: string[][] = [];
  const covered: number[] = [];
  let strips = 0;
  let joinNext = false;
  let i = start;
  while (i < blocks.length) {
    const cells = stripOf(blocks[i]);
    if (cells) {
      if (joinNext && rows.length) rows[rows.length - 1]!.push(...cells);
      else rows.push(cells);
      joinNext = false;
      covered.push(i++);
      strips++;
      continue;
    }
    const end = continuationEnd(blocks, i, settings);
    if (end === i || !stripOf(blocks[end]) || rows.length === 0) break;
    const last = rows[rows.length - 1]!;
    for (let k = i; k < end; k++) {
      const block = blocks[k] as Extract<Block, { kind: "text" }>;
      last[last.length - 1] = `${last[last.length - 1] ?? ""}${cleanText(block.text)}`;
      covered.push(k);
    }
    joinNext = true;
    i = end;
  }
  return { rows, covered, strips };
}

/**
 * Given an extraction, return it with every run of strips stacked into one table (a strip per
 * row) and the original block indexes behind each block. Other blocks pass through unchanged.
 */
export function restackStrips(extraction: Extraction, settings = defaultStripSettings): Restacked {
  const blocks: Block[] = [];
  const origins: number[][] = [];
  let i = 0;
  while (i < extraction.blocks.length) {
    const block = extraction.blocks[i]!;
    const run = stripOf(block) ? stripRun(extraction.blocks, i, settings) : null;
    if (run && run.strips >= settings.minStrips && block.kind === "table") {
      const table = rowsToTable(run.rows, block.table.index, block.table.rowPages[0] ?? null);
      blocks.push({ kind: "table", table });
      origins.push(run.covered);
      i = Math.max(...run.covered) + 1;
    } else {
      blocks.push(block);
      origins.push([i]);
      i++;
    }
  }
  return { extraction: { ...extraction, blocks }, origins };
}
