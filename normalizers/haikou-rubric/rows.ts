// Reading the rows of a scoring rubric (一级指标 / 二级指标 / 三级指标 / 指标内容 / 评价标准 / 分值 /
// 得分) into items, one per indicator, whatever OCR did to the columns. Cells are read by what they
// hold, left to right, in the order of the header: a 一级 label (投入(20)), a 二级 label (预算编制(10)),
// names, 指标内容, 评价标准, figures. A cell never moves right of its own column, so a row shifted
// left (seed 004: 预算编制完整性 in the 二级 column) or a table that lost columns (seed 004 tables 2
// and 3, four columns wide) still reads; a 一级 label may stand in the 二级 column ("效果(15)").
import type { Warning } from "../../contracts/model.js";
import type { IndicatorField } from "../common/headers.js";
import { figuresOf, looksLikeName, nameLinesToNames, splitCell, variantName, type Figures } from "./cells.js";
import type { ColumnMap, Row } from "../common/rows.js";
import { cleanText } from "../common/text.js";
import { isLevel1Label, isLevel2Label, parseWeightedLabel } from "../common/vocabulary.js";

/** One indicator as a rubric row prints it, before levels are assigned. */
export interface RubricItem {
  name: string;
  description: string | null;
  criterion: string | null;
  figures: Figures | null;
  /** A weight printed inside the name: "部门整体效益(9分)". */
  nameWeight: number | null;
  /** Level labels printed on this item's row (the row's first item only). */
  level1: string | null;
  level2: string | null;
  page: number | null;
  /** A name of a multi-name row left without figures: the next row's figures may be its own. */
  lacksFigures: boolean;
}

/** What one row holds once its cells are read. */
export interface RubricRow {
  level1: string | null;
  level2: string | null;
  names: string[];
  description: string[];
  criterion: string[];
  figureLines: number[][];
  page: number | null;
}

const SLOTS = ["level1", "level2", "name", "description", "criterion"] as const;
type Slot = (typeof SLOTS)[number];

/** Given the header's column map, return for each column the first slot its cells may fill. */
export function columnSlots(map: ColumnMap<IndicatorField>, width: number): number[] {
  const starts = SLOTS.map((slot, i) => [map.get(slot as IndicatorField), i] as const).filter(([c]) => c !== undefined);
  return Array.from({ length: width }, (_, col) => {
    let slot = 0;
    for (const [c, i] of starts) if (c! <= col) slot = Math.max(slot, i);
    return slot;
  });
}

/** Given a cell's text, return whether it is a 二级 label: one with a bracketed weight or one the vocabulary knows. */
function isLevel2Cell(text: string): boolean {
  const { label, weight } = parseWeightedLabel(text);
  return label !== "" && (weight !== null || isLevel2Label(text));
}

/**
 * Given a row and, per column, the first slot its cells may fill (all 0 for a table narrower than
 * its header: its columns are unknown), return what the row holds.
 */
export function rowToRubricRow(row: Row, minSlots: number[]): RubricRow {
  const read: RubricRow = {
    level1: null,
    level2: null,
    names: [],
    description: [],
    criterion: [],
    figureLines: [],
    page: row.page,
  };
  let next = 0;
  row.raw.forEach((raw, col) => {
    const { paragraphs, numbers } = splitCell(raw);
    read.figureLines.push(...numbers);
    for (const lines of paragraphs) {
      const text = cleanText(lines.join("\n"));
      const floor = Math.max(next, minSlots[col] ?? 0);
      const slot = pickSlot(text, lines, floor, minSlots[col] ?? 0, next);
      if (slot === null) continue;
      fillSlot(read, SLOTS[slot]!, text, lines);
      next = slot + 1;
    }
  });
  return read;
}

function pickSlot(text: string, lines: string[], floor: number, columnSlot: number, next: number): number | null {
  if (next <= 1 && columnSlot <= 1 && isLevel1Label(text)) return 0;
  if (floor <= 1 && isLevel2Cell(text)) return 1;
  if (floor <= 2 && looksLikeName(lines)) return 2;
  const slot = Math.max(floor, 3);
  return slot < SLOTS.length ? slot : SLOTS.length - 1;
}

function fillSlot(read: RubricRow, slot: Slot, text: string, lines: string[]): void {
  if (slot === "level1") read.level1 = text;
  else if (slot === "level2") read.level2 = text;
  else if (slot === "name") read.names = nameLinesToNames(lines);
  else if (slot === "description") read.description.push(...lines);
  else read.criterion.push(...lines);
}

/** Given the lines of a text slot and the number of items of the row, return each item's text. */
function share(lines: string[], count: number): (string | null)[] {
  const out: (string | null)[] = new Array(count).fill(null);
  if (lines.length === 0) return out;
  if (count > 1 && lines.length === count) return lines.map((l) => cleanText(l));
  out[0] = cleanText(lines.join("\n"));
  return out;
}

/** Rows that close a rubric: 合计 (the maximum), 总分, the 偏差 row (seed 004: it carries the total). */
export const FOOTER = /^(合计|总计|总分|总得分|得分合计|综合得分)$|偏差|措施/;

/** Given a read row, return its items (one per name), with warnings for the OCR repairs made. */
export function rubricRowToItems(read: RubricRow, warnings: Warning[]): RubricItem[] {
  let names = read.names;
  const description = cleanText(read.description.join("\n"));
  const variant = variantName(names, description);
  if (variant !== null) {
    warnings.push({
      code: "ocr-reconstructed",
      message: `rubric name cell "${names.join(" / ")}" holds OCR variants of one name: read as ${variant}`,
      page: read.page,
    });
    names = [variant];
  }
  const figures = figuresOf(read.figureLines);
  const count = Math.max(1, names.length);
  const descriptions = share(read.description, count),
    criteria = share(read.criterion, count);
  if (figures.length > count) {
    warnings.push({
      code: "figures-unplaced",
      message: `rubric row "${names.join(" / ")}" prints more figures than names: ${read.figureLines.map((l) => l.join(" ")).join(" / ")}`,
      page: read.page,
    });
  }
  return Array.from({ length: count }, (_, i) => {
    const { label, weight } = parseWeightedLabel(names[i] ?? "");
    return {
      name: weight === null ? cleanText(names[i] ?? "") : label,
      description: descriptions[i] ?? null,
      criterion: criteria[i] ?? null,
      figures: figures[i] ?? null,
      nameWeight: weight,
      level1: i === 0 ? read.level1 : null,
      level2: i === 0 ? read.level2 : null,
      page: read.page,
      lacksFigures: count > 1 && figures[i] === undefined && figures.length > 0,
    };
  });
}

/** Given a read row, return whether it names nothing and prints nothing an indicator would (a heading fragment). */
export function isFragment(read: RubricRow): boolean {
  return (
    read.figureLines.length === 0 && read.criterion.length === 0 && cleanText(read.description.join("\n")).length <= 6
  );
}
