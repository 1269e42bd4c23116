// What the OCR benchmark counts: cells of the expected Document that a reader of the grids must
// find whole (indicator names, targets, actuals, weights, scores, budget figures), and which of
// them the grids hold. A figure matches a cell printing the same number ("10.00" for 10).
import type { Block } from "../contracts/extraction.js";
import type { Document } from "../contracts/model.js";

export interface WantedCell {
  text: string;
  numeric: boolean;
  /** For plain figures: the number, matched by value. */
  value: number | null;
}

/** Given text, return it without whitespace. */
export function compact(text: string): string {
  return text.replace(/\s+/g, "");
}

/** Given an expected Document, return the cells its grids must hold. */
export function expectedCells(doc: Document): WantedCell[] {
  const out: WantedCell[] = [];
  const text = (t: string | null | undefined) => {
    if (t) out.push({ text: compact(t), numeric: /\d/.test(t), value: null });
  };
  const figure = (v: number | null | undefined) => {
    if (v != null) out.push({ text: String(v), numeric: true, value: v });
  };
  for (const report of doc.reports) {
    for (const i of report.indicators) {
      text(i.name);
      text(i.target?.raw);
      text(i.actual?.raw);
      figure(i.weight);
      figure(i.score);
    }
    for (const b of report.budget) [b.initial, b.adjustment, b.adjusted, b.executed].forEach(figure);
  }
  return out;
}

/** Given blocks and the cells wanted, return those found as whole cells and those not. */
export function gridHits(blocks: Block[], wanted: WantedCell[]): { hits: WantedCell[]; misses: WantedCell[] } {
  const cells = blocks.flatMap((b) =>
    b.kind === "table" ? b.table.rows.flat().flatMap((c) => (c ? [compact(c.text)] : [])) : [],
  );
  const texts = new Set(cells);
  const values = new Set(cells.filter((c) => /^-?\d+(\.\d+)?$/.test(c)).map(Number));
  const hits: WantedCell[] = [];
  const misses: WantedCell[] = [];
  for (const w of wanted) {
    const found = w.value != null ? values.has(w.value) : texts.has(w.text);
    (found ? hits : misses).push(w);
  }
  return { hits, misses };
}
