// Row operations for a table continued on the next page: repeated header rows, a new copy of the
// same form (not a continuation), and the row or merged cells that run across the page break.
import type { Cell } from "../../contracts/extraction.js";
import { lineJoiner } from "./cjk.js";

type Rows = (Cell | null)[][];

const NUMBER = /^[-+]?[\d,]*\.?\d+%?$/;

/** Given two strings, return their Levenshtein distance. */
function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++)
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[y.length]!;
}

/**
 * Given two cells' texts, return whether they print the same words: equal but for spaces, or, where
 * either was read by OCR (it has a confidence), differing in one character, or one in five (a
 * header repeated on a scanned page is read afresh, and a character may come out differently).
 */
function sameText(a: Cell, b: Cell): boolean {
  const [x, y] = [a.text.replace(/\s+/g, ""), b.text.replace(/\s+/g, "")];
  if (x === y) return true;
  if (a.confidence == null && b.confidence == null) return false;
  return Math.min(x.length, y.length) >= 3 && editDistance(x, y) <= Math.max(1, 0.2 * Math.max(x.length, y.length));
}

/** Given two rows, return whether they are printed alike: the same spans, and the same words in each cell. */
function rowsAlike(a: (Cell | null)[], b: (Cell | null)[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((c, i) => {
    const d = b[i];
    if (!c || !d) return !c && !d;
    return c.rowSpan === d.rowSpan && c.colSpan === d.colSpan && sameText(c, d);
  });
}

/** Given a row, return whether any of its cells holds text. */
function hasText(row: (Cell | null)[] | undefined): boolean {
  return !!row && row.some((c) => c && c.text !== "");
}

/** Given rows and a count, return whether a cell in the first `k` rows spans below them. */
function spansBelow(rows: Rows, k: number): boolean {
  return rows.slice(0, k).some((row, r) => row.some((c) => c && r + c.rowSpan > k));
}

/**
 * Given the rows so far and the rows of the next page, return how many leading rows of the next
 * page repeat rows of the table (a header repeated on every page, as Word's "repeat header rows"
 * and WPS's print titles do) and where in the table they start.
 */
export function repeatedHeader(table: Rows, next: Rows, maxRows: number): { count: number; start: number } {
  for (let k = Math.min(maxRows, next.length - 1); k >= 1; k--) {
    // A borderless page may stretch a header label down over the blank cells under it (a level
    // label continued from the page before leaves them blank): cut to the header, it may repeat.
    const rows = spansBelow(next, k) ? clipSpans(next, k) : next;
    if (!rows.slice(0, k).every(isHeaderLike)) continue;
    // Headers repeat the table's first rows (Word, WPS) or, for a table in parts, the header of
    // the part the page continues (tianjin.borderless.pdf): the latest match wins.
    for (let start = table.length - k; start >= 0; start--) {
      if (rows.slice(0, k).every((row, i) => rowsAlike(row, table[start + i]!))) {
        if (rows !== next) next.splice(0, next.length, ...rows);
        return { count: k, start };
      }
    }
  }
  return { count: 0, start: 0 };
}

/** Given rows and a count, return them with every cell of the first `k` rows ending at row k, a blank cell covering the rest of its span. */
function clipSpans(rows: Rows, k: number): Rows {
  const out = rows.map((row) => [...row]);
  out.slice(0, k).forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell || r + cell.rowSpan <= k) return;
      // Boxes are split in proportion to the rows each part keeps.
      const cut = cell.box && cell.box.y0 + ((cell.box.y1 - cell.box.y0) * (k - r)) / cell.rowSpan;
      row[c] = { ...cell, rowSpan: k - r, box: cell.box && { ...cell.box, y1: cut! } };
      out[k]![c] = {
        text: "",
        rowSpan: r + cell.rowSpan - k,
        colSpan: cell.colSpan,
        box: cell.box && { ...cell.box, y0: cut! },
      };
    }),
  );
  return out;
}

/** Given a row, return whether it could be a header: two or more filled cells, not all of them numbers. */
function isHeaderLike(row: (Cell | null)[]): boolean {
  const filled = row.filter((c): c is Cell => !!c && c.text !== "");
  return (
    hasText(row) && (filled.length >= 2 || row.filter(Boolean).length === 1) && filled.some((c) => !NUMBER.test(c.text))
  );
}

/**
 * Given the rows so far, the next page's rows and its repeated header, return whether the next
 * page starts a new copy of the same form rather than continuing the table: past the header, its
 * first row repeats most labels of the table's row at the same place ("项目名称 … 项目性质 …" on
 * realdocs tianbaoxitong pp. 34–35).
 */
export function isNewCopy(table: Rows, next: Rows, header: { count: number; start: number }): boolean {
  const row = next[header.count];
  const same = table[header.start + header.count];
  if (!row || !same) return false;
  const filled = row.filter((c): c is Cell => !!c && c.text !== "");
  const equal = filled.filter((c) =>
    same.some((d) => d && d.text === c.text && d.colSpan === c.colSpan && /\p{Script=Han}/u.test(c.text)),
  );
  return equal.length >= 2 && equal.length * 2 >= filled.length;
}

/** Given dense rows and a position, return the row and column of the cell covering it. */
export function originOf(rows: Rows, r: number, c: number): [number, number] | null {
  for (let r0 = r; r0 >= 0; r0--) {
    for (let c0 = c; c0 >= 0; c0--) {
      const cell = rows[r0]?.[c0];
      if (cell && r0 + cell.rowSpan > r && c0 + cell.colSpan > c) return [r0, c0];
    }
  }
  return null;
}

/**
 * Given the table's rows, return the columns whose own single-row cells are nearly always filled
 * (sequence numbers, indicator names): an empty one at the top of the next page marks a row that
 * the page break split.
 */
function denseColumns(rows: Rows): Set<number> {
  const dense = new Set<number>();
  const width = rows[0]?.length ?? 0;
  for (let c = 0; c < width; c++) {
    const own = rows.map((row) => row[c]).filter((cell): cell is Cell => !!cell && cell.rowSpan === 1);
    if (own.length >= 3 && own.filter((cell) => cell.text !== "").length >= 0.9 * own.length) dense.add(c);
  }
  return dense;
}

/**
 * Given the table's rows and the next page's first row, return whether that row continues the
 * table's last row: a column that is always filled is empty in it, it adds text only where the
 * last row has text, and it repeats no number (numbers are short and never run over a break;
 * a new row fills its score columns again, tianjin.lo.pdf pp. 8–9).
 */
export function isSplitRow(table: Rows, first: (Cell | null)[]): boolean {
  const lastRow = table[table.length - 1];
  if (!lastRow || !first.some((c) => c && c.text !== "")) return false;
  const textAt = (c: number) => {
    const at = originOf(table, table.length - 1, c);
    return at ? table[at[0]]![at[1]]!.text : "";
  };
  for (let c = 0; c < first.length; c++) {
    const theirs = first[c]?.text ?? "";
    if (theirs === "") continue;
    const mine = textAt(c);
    if (mine === "" || (NUMBER.test(mine) && NUMBER.test(theirs))) return false;
  }
  return [...denseColumns(table)].some((c) => {
    const mine = lastRow[c];
    const theirs = first[c];
    return mine && mine.text !== "" && theirs && theirs.text === "" && theirs.colSpan === mine.colSpan;
  });
}

/** Given the table's rows, return the columns where cells merge down over several rows (indicator level labels). */
function mergedColumns(rows: Rows): Set<number> {
  const out = new Set<number>();
  for (const row of rows) {
    row.forEach((cell, c) => {
      if (cell && cell.rowSpan > 1) out.add(c);
    });
  }
  return out;
}

/**
 * Given the table's rows and the next page's rows, join the next page's first row into the table:
 * its cells extend the cells above them (the same columns) when the row was split, or when they
 * are empty under a merged cell that runs across the break. Returns the rows still to append.
 */
export function joinAcrossBreak(table: Rows, next: Rows): Rows {
  const first = next[0];
  const last = table.length - 1;
  if (!first || last < 0) return next;
  const split = isSplitRow(table, first);
  const merging = mergedColumns(table);
  const plan: [Cell, Cell][] = [];
  for (let c = 0; c < first.length; c++) {
    const cell = first[c];
    if (!cell) continue;
    const at = originOf(table, last, c);
    const above = at ? table[at[0]]![at[1]]! : null;
    const aligned = above && at![1] === c && above.colSpan === cell.colSpan;
    if (split && !aligned) return next;
    if (aligned && (split || (cell.text === "" && above.text !== "" && (above.rowSpan > 1 || merging.has(c)))))
      plan.push([above, cell]);
  }
  if (!split) {
    for (const [above, cell] of plan) {
      above.rowSpan += cell.rowSpan;
      first[first.indexOf(cell)] = null;
    }
    return next;
  }
  for (const [above, cell] of plan) {
    above.text += lineJoiner(above.text, cell.text) + cell.text;
    above.rowSpan += cell.rowSpan - 1;
  }
  return next.slice(1);
}
