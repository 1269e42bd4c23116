// Boundaries lost in one row: a worn or broken rule between two header cells (二级指标 | 三级指标)
// leaves one cell spanning both, and the reader then finds one header "二级指标三级指标" and no
// indicator grid at all. A boundary drawn in other rows of the table that no text crosses in the
// spanning cell, with text on both sides, is a rule the scan lost: the cell is split there. Text
// of a merged cell crosses its inner boundaries (a centred title, a wrapped sentence), and the
// gap a boundary needs is wider than the gap between two characters.
import type { BinaryImage, PixelBox } from "./image.js";
import type { LatticeCell, LatticeTable } from "./lattice.js";

/**
 * Given a table, the ink of its text, the blank half-width a lost boundary needs, the cells' inset
 * (pixels) and where seals lie, return the table with such cells split. Under a seal a blank says
 * nothing: the seal's removal may have taken the text there.
 */
export function splitAtBlankBoundaries(
  table: LatticeTable,
  text: BinaryImage,
  halfGap: number,
  inset: number,
  seals: PixelBox[] = [],
): LatticeTable {
  const starts = new Set(table.cells.map((c) => c.col));
  const cells = table.cells.flatMap((cell) => {
    if (cell.colSpan < 2) return [cell];
    const y0 = Math.round(cell.box.y0 + inset);
    const y1 = Math.round(cell.box.y1 - inset);
    const cuts: number[] = [];
    for (let k = cell.col + 1; k < cell.col + cell.colSpan; k++) {
      const x = table.xs[k]!;
      const band = { x0: x - halfGap, y0, x1: x + halfGap, y1 };
      if (starts.has(k) && !seals.some((seal) => overlaps(seal, band)) && blankAround(text, x, halfGap, y0, y1))
        cuts.push(k);
    }
    return cuts.length === 0 ? [cell] : cutCell(table, cell, cuts, text, inset);
  });
  return cells.length === table.cells.length ? table : { ...table, cells };
}

/** Given the ink, a column x and the rows of a cell, return whether no ink lies within `halfGap` of x. */
function blankAround(text: BinaryImage, x: number, halfGap: number, y0: number, y1: number): boolean {
  for (let y = Math.max(0, y0); y < Math.min(text.height, y1); y++) {
    const row = y * text.width;
    for (let c = Math.max(0, Math.floor(x - halfGap)); c < Math.min(text.width, Math.ceil(x + halfGap)); c++)
      if (text.data[row + c]) return false;
  }
  return true;
}

/** Given a cell and the grid columns to cut it at, return its pieces, or the cell whole unless every piece holds text. */
function cutCell(
  table: LatticeTable,
  cell: LatticeCell,
  cuts: number[],
  text: BinaryImage,
  inset: number,
): LatticeCell[] {
  const edges = [cell.col, ...cuts, cell.col + cell.colSpan];
  const pieces = edges.slice(1).map((end, i) => {
    const col = edges[i]!;
    return { ...cell, col, colSpan: end - col, box: { ...cell.box, x0: table.xs[col]!, x1: table.xs[end]! } };
  });
  const inked = (c: LatticeCell) =>
    hasInk(text, c.box.x0 + inset, c.box.y0 + inset, c.box.x1 - inset, c.box.y1 - inset);
  return pieces.every(inked) ? pieces : [cell];
}

function hasInk(text: BinaryImage, x0: number, y0: number, x1: number, y1: number): boolean {
  for (let y = Math.max(0, Math.round(y0)); y < Math.min(text.height, Math.round(y1)); y++)
    for (let x = Math.max(0, Math.round(x0)); x < Math.min(text.width, Math.round(x1)); x++)
      if (text.data[y * text.width + x]) return true;
  return false;
}

function overlaps(a: PixelBox, b: PixelBox): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}
