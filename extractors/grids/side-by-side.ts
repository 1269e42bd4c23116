// Tables continued side by side: a sheet too wide for its paper is printed in parts, each part
// repeating the sheet's title columns (序号 / 部门 / 项目, Excel and Calc print titles) and its
// header rows; an HTML page or a workbook may likewise split one table into a left and a right
// table. The right part is recognised by the leading columns it repeats from the left one, row for
// row, and its other columns are appended to the left part's rows.
import type { Block, Cell, Table } from "../../contracts/extraction.js";

type Grid = (Cell | null)[][];

/** Given a grid, a row and a column count, return the key of that row's leading columns (a covered place reads as such). */
function rowKey(grid: Grid, row: number, k: number): string {
  return grid[row]!.slice(0, k)
    .map((c) => (c === null ? "\u0000" : c.text.replace(/\s+/g, "")))
    .join("\t");
}

/** Given a grid and a column count, return whether no cell of the leading columns reaches past them. */
function cleanCut(grid: Grid, k: number): boolean {
  return grid.every((row) => row.slice(0, k).every((c, j) => c === null || j + c.colSpan <= k));
}

/**
 * Given two grids, return how many leading columns the second repeats from the first, row for
 * row: the most columns, short of either grid's width, whose texts agree on every row, with rows
 * whose keys are not all empty on both sides; 0 when none. Rows
 * whose key columns are empty on both sides count, but at least two rows must hold a key.
 */
export function repeatedColumns(a: Grid, b: Grid): number {
  if (a.length !== b.length || a.length < 2) return 0;
  const width = Math.min(a[0]?.length ?? 0, b[0]?.length ?? 0);
  let best = 0;
  for (let k = 1; k < width; k++) {
    if (!cleanCut(a, k) || !cleanCut(b, k)) continue;
    let keyed = 0;
    let same = true;
    for (let r = 0; r < a.length && same; r++) {
      const key = rowKey(a, r, k);
      same = key === rowKey(b, r, k);
      if (key.replace(/[\t\u0000]/g, "") !== "") keyed++;
    }
    if (!same) break;
    if (keyed >= 2) best = k;
  }
  return best;
}

/** Given two grids, return whether their columns past the first `k` hold the same texts (a second copy of one table, not its right part). */
function sameBeyond(a: Grid, b: Grid, k: number): boolean {
  const texts = (g: Grid) =>
    g
      .map((row) =>
        row
          .slice(k)
          .map((c) => c?.text ?? "\u0000")
          .join("\t"),
      )
      .join("\n");
  return texts(a) === texts(b);
}

/**
 * Given a left part, a right part and the count of leading columns the right repeats, return the
 * joined grid: each row of the left followed by the right's own columns. A header cell cut by the
 * page edge (a merged group label printed in the part its centre fell in, its other piece empty)
 * is joined into one cell across the seam.
 */
export function joinParts(a: Grid, b: Grid, k: number): Grid {
  const rows = a.map((row, r) => [
    ...row.map((c) => (c ? { ...c } : null)),
    ...b[r]!.slice(k).map((c) => (c ? { ...c } : null)),
  ]);
  const seam = a[0]!.length;
  for (const row of rows) {
    const right = row[seam];
    const leftAt = lastOrigin(row, seam);
    const left = leftAt >= 0 ? row[leftAt]! : null;
    if (!left || !right || left.rowSpan !== right.rowSpan || leftAt + left.colSpan !== seam) continue;
    // The label printed in one part only, or repeated in both (an HTML page split by hand).
    const cut = (left.text === "") !== (right.text === "") || (left.text !== "" && left.text === right.text);
    if (left.colSpan + right.colSpan < 3 || !cut) continue;
    left.text ||= right.text;
    left.box = left.box ?? right.box;
    left.colSpan += right.colSpan;
    row[seam] = null;
  }
  return rows;
}

/** Given a row and a column, return the column of the last cell that starts before it, or -1. */
function lastOrigin(row: readonly (Cell | null)[], before: number): number {
  for (let j = before - 1; j >= 0; j--) if (row[j]) return j;
  return -1;
}

/** Given a left part and a candidate right part, return the joined grid when the second continues the first side by side, else null. */
export function joinSideBySide(a: Grid, b: Grid): Grid | null {
  const k = repeatedColumns(a, b);
  if (k === 0 || sameBeyond(a, b, k)) return null;
  return joinParts(a, b, k);
}

/**
 * Given a document's blocks, return them with each table that continues the table before it side
 * by side (text between them aside) joined into it, and the tables renumbered: a sheet's parts
 * laid out one after another, or an HTML page that splits a wide table into two.
 */
export function blocksWithPartsJoined(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  let left: Table | null = null;
  for (const block of blocks) {
    if (block.kind !== "table") {
      out.push(block);
      continue;
    }
    const joined = left ? joinSideBySide(left.rows, block.table.rows) : null;
    if (left && joined) {
      left.rows = joined;
      continue;
    }
    left = { ...block.table };
    out.push({ kind: "table", table: left });
  }
  let index = 0;
  for (const block of out) if (block.kind === "table") block.table.index = index++;
  return out;
}
