// Stream stage: borderless tables on a scanned page, found by word alignment. Outside ruled
// tables, a run of consecutive lines that each hold two or more chunks (text separated by wide
// gaps) is a table when the chunks line up: the x-ranges of all the run's chunks, merged where
// they overlap, are its columns, and each line is a row.
import type { PixelBox } from "./image.js";

export interface Chunk {
  box: PixelBox;
  text: string;
  confidence: number;
}

export interface TextLine {
  box: PixelBox;
  chunks: Chunk[];
}

export interface StreamTable {
  /** rows[r][c]: the chunks of row r that fall in column c. */
  rows: Chunk[][][];
  columns: [number, number][];
  lines: TextLine[];
  box: PixelBox;
}

export interface StreamSettings {
  minRows: number;
  minColumns: number;
}

/** Given chunks, return the x-ranges they cover, merged where they overlap, left to right. */
export function chunksToColumns(chunks: Chunk[]): [number, number][] {
  const spans = chunks.map((c) => [c.box.x0, c.box.x1] as [number, number]).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Given lines of one run, return them as a table, or null when they do not form enough columns. */
function runToTable(lines: TextLine[], settings: StreamSettings): StreamTable | null {
  const columns = chunksToColumns(lines.flatMap((l) => l.chunks));
  if (columns.length < settings.minColumns) return null;
  const rows = lines.map((line) => {
    const cells: Chunk[][] = columns.map(() => []);
    for (const chunk of line.chunks) {
      const centre = (chunk.box.x0 + chunk.box.x1) / 2;
      const c = columns.findIndex(([a, b]) => centre >= a && centre <= b);
      cells[Math.max(0, c)]!.push(chunk);
    }
    return cells;
  });
  const box = {
    x0: Math.min(...lines.map((l) => l.box.x0)),
    y0: Math.min(...lines.map((l) => l.box.y0)),
    x1: Math.max(...lines.map((l) => l.box.x1)),
    y1: Math.max(...lines.map((l) => l.box.y1)),
  };
  return { rows, columns, lines, box };
}

/**
 * Given the lines outside ruled tables (top to bottom), return the borderless tables among them
 * and the lines left over. A run is lines of two or more chunks; a single-chunk line between two
 * such lines stays in the run (a cell whose text wrapped).
 */
export function linesToStreamTables(
  lines: TextLine[],
  settings: StreamSettings,
): { tables: StreamTable[]; rest: TextLine[] } {
  const tables: StreamTable[] = [];
  const rest: TextLine[] = [];
  let run: TextLine[] = [];
  const flush = () => {
    while (run.length > 0 && run[run.length - 1]!.chunks.length < 2) rest.push(run.pop()!); // a trailing single chunk is text
    const table = run.filter((l) => l.chunks.length >= 2).length >= settings.minRows ? runToTable(run, settings) : null;
    if (table) tables.push(table);
    else rest.push(...run);
    run = [];
  };
  lines.forEach((line, i) => {
    const wide = line.chunks.length >= 2;
    const bridged = !wide && run.length > 0 && (lines[i + 1]?.chunks.length ?? 0) >= 2;
    if (wide || bridged) run.push(line);
    else {
      flush();
      rest.push(line);
    }
  });
  flush();
  rest.sort((a, b) => a.box.y0 - b.box.y0);
  return { tables, rest };
}
