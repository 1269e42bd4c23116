// Reads a seed text dump (test/data/seeds/NNN_*.txt) as an extraction: tab-separated lines and
// markdown table lines are table rows, blank lines end a table, other lines are text blocks. The
// dumps keep the defects of the extractors that made them (rows shifted by a column, labels in the
// wrong column, repeated page headers, weights and scores in one cell), so normalizers are tested
// on them as on any other extractor's grids.
import { readFileSync } from "node:fs";
import { rowsToTable, type Block, type Extraction } from "../contracts/extraction.js";

/** Given the text of a dump, return it as an extraction of tables and text blocks. */
export function dumpToExtraction(text: string): Extraction {
  const blocks: Block[] = [];
  let rows: string[][] = [];
  let tables = 0;
  const flush = () => {
    if (rows.length) blocks.push({ kind: "table", table: rowsToTable(rows, tables++, null) });
    rows = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*\|.*\|\s*$/.test(line)) {
      if (!/^\s*\|[\s|:-]+\|\s*$/.test(line))
        rows.push(
          line
            .trim()
            .slice(1, -1)
            .split("|")
            .map((c) => c.trim()),
        );
    } else if (line.includes("\t")) rows.push(line.split("\t"));
    else if (line.trim() === "") flush();
    else {
      flush();
      blocks.push({
        kind: "text",
        text: line.replace(/^#+\s*/, ""),
        page: null,
        role: /^#/.test(line) ? "heading" : "paragraph",
        box: null,
      });
    }
  }
  flush();
  return { format: "pdf", textLayer: "native", pages: null, blocks, warnings: [] };
}

export function seedExtraction(path: string): Extraction {
  return dumpToExtraction(readFileSync(path, "utf8"));
}
