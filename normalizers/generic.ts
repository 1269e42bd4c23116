// Layout "generic": any form whose tables hold an indicator grid that no known family claims
// (spec, "Unknown forms are still read"). The whole form is read by the form reader
// (reader/index.ts) through the header vocabulary alone, and a `generic-columns` warning
// lists how each indicator column was mapped and which headers were left unmapped, so that a
// person can check it. Its fit sits at the threshold, so every known family that fits wins.
import type { Extraction, Table } from "../contracts/extraction.js";
import { readForm } from "./reader/index.js";
import { rowToIndicatorColumns } from "./reader/indicator-columns.js";
import { filled, tablesToRows } from "./common/rows.js";
import { sheetOpenings, titleBlocksBefore } from "./reader/sheets.js";
import { joinStackedHeaders } from "./reader/stacked-headers.js";
import { labelKey } from "./common/text.js";
import type { LayoutFit, Normalizer } from "./types.js";

const FAMILY = "generic";
/** The default threshold (index.ts): a known family that fits scores above it, or ties and comes first. */
const FIT = 0.5;

/** A row naming the department a form is about (部门名称 / 单位名称 followed by its value). */
const DEPARTMENT_LABEL = /^(部门名称|单位名称|填报单位|部门\(单位\)名称|预算单位)[:]?$/;

export const generic: Normalizer = {
  family: FAMILY,
  detect(extraction) {
    return gridRegions(extraction).map((blocks): LayoutFit => ({
      family: FAMILY,
      score: FIT,
      blocks,
      reason: "an indicator grid read by its headers",
    }));
  },
  normalize: (extraction, fit) => readForm(extraction, fit.blocks, { family: FAMILY, describeColumns: true }),
};

/** Given a table, return whether one of its rows is an indicator header with a row under it. */
function holdsGrid(table: Table): boolean {
  const rows = joinStackedHeaders(tablesToRows([table]));
  const at = rows.findIndex((row) => rowToIndicatorColumns(row) !== null);
  return at >= 0 && rows.slice(at + 1).some((row) => filled(row).length >= 2);
}

/** Given a table, return whether it opens a form: it names a project or a department with its value. */
function opensForm(table: Table): boolean {
  if (sheetOpenings(table) > 0) return true;
  return tablesToRows([table]).some((row) => {
    const cells = filled(row);
    return cells.length >= 2 && DEPARTMENT_LABEL.test(labelKey(cells[0]!));
  });
}

/**
 * Given an extraction, return the blocks of each form holding an indicator grid: tables that follow
 * one another with only text between (a form split over pages) group together, and a table that
 * opens a form (项目名称 / 部门名称 with a value) starts a new group once the current one holds a grid.
 */
function gridRegions(extraction: Extraction): number[][] {
  const groups: { blocks: number[]; grid: boolean }[] = [];
  let current: { blocks: number[]; grid: boolean } | null = null;
  let last = -2;
  extraction.blocks.forEach((block, i) => {
    if (block.kind !== "table") return;
    const adjacent = current !== null && extraction.blocks.slice(last + 1, i).every((b) => b.kind === "text");
    if (!current || !adjacent || (current.grid && opensForm(block.table))) {
      current = { blocks: [...titleBlocksBefore(extraction, i), i], grid: false };
      groups.push(current);
    } else current.blocks.push(i);
    current.grid ||= holdsGrid(block.table);
    last = i;
  });
  return groups.filter((g) => g.grid).map((g) => g.blocks);
}
