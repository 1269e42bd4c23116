// Indicator columns beyond the model's fields, for the project sheets and their regional variants
// (docs/headers.md): a unit printed in a column of its own (度量单位 / 计量单位), columns kept in
// `Indicator.extra` (指标性质, 调整指标值, 得分系数, 是否核心指标), and the unit a target declaration
// prints in brackets after the number ("≥13459.00(平方米)", realdocs tianbaoxitong p. 31). The
// model's own fields are read by rowToIndicator (indicators.ts) under the same header row.
import type { Indicator, Value, Warning } from "../../contracts/model.js";
import { INDICATOR_EXTRA_HEADERS, INDICATOR_HEADERS, INDICATOR_UNIT_HEADERS, type IndicatorField } from "./headers.js";
import { expectationsOf, rehomeCells, rowToIndicator, type LevelState } from "./indicators.js";
import { realignRow } from "./realign.js";
import { rowToColumnMap, type ColumnMap, type Row } from "./rows.js";
import { cleanText } from "./text.js";
import { isNullMarker } from "./values.js";

/** An indicator header row read as columns: the model's fields, a unit column and the extras. */
export interface IndicatorColumns {
  map: ColumnMap<IndicatorField>;
  unit: number | null;
  /** Extra key (INDICATOR_EXTRA_HEADERS) → its column. */
  extras: ColumnMap<string>;
}

/** Given a row, return it read as an indicator header, or null when it names no level or name column. */
export function rowToIndicatorColumns(row: Row): IndicatorColumns | null {
  const map = rowToColumnMap(row, INDICATOR_HEADERS);
  const isHeader = (map.has("level1") && map.has("level2")) || (map.has("name") && (map.has("target") || map.has("level1")));
  if (!isHeader) return null;
  const unit = rowToColumnMap(row, INDICATOR_UNIT_HEADERS).get("unit") ?? null;
  return { map, unit, extras: rowToColumnMap(row, INDICATOR_EXTRA_HEADERS) };
}

/** Given columns, return every column any of them starts at. */
function starts(columns: IndicatorColumns): number[] {
  return [...columns.map.values(), ...columns.extras.values(), ...(columns.unit === null ? [] : [columns.unit])];
}

/** Given a row, a column and all header columns, return the text under it: its own cell, or the first before the next header column. */
function textAt(row: Row, col: number, all: number[]): string {
  const own = row.cells[col] ?? "";
  if (own) return own;
  const next = Math.min(row.cells.length, ...all.filter((c) => c > col));
  for (let c = col + 1; c < next; c++) if (row.cells[c]) return row.cells[c]!;
  return "";
}

/** Comparators printed alone in a 指标性质 column (Sichuan-style sheets: ≥ / ≤ / = / 定性). */
const NATURE_OPS: Readonly<Record<string, Value["op"]>> = {
  "≥": ">=", "≧": ">=", "⩾": ">=", ">=": ">=", "大于等于": ">=", "不低于": ">=", "不少于": ">=",
  "≤": "<=", "≦": "<=", "⩽": "<=", "<=": "<=", "小于等于": "<=", "不高于": "<=", "不超过": "<=",
  "=": "=", "＝": "=", "等于": "=", ">": ">", "大于": ">", "<": "<", "小于": "<",
};

/** A number followed by its unit in brackets and nothing else: "13459.00(平方米)", "100.00(%)". */
const BRACKET_UNIT = /\d\s*[(（]\s*([^()（）\d\s]{1,8})\s*[)）]\s*$/;

/**
 * Given a Value and the unit printed in its row's unit column, return the Value with its unit
 * completed: a number printed without unit takes the column's unit, or the one it prints in
 * brackets right after it. `raw` stays the cell's text as printed; a Value without a number
 * gets no unit (seeds/README.md: a raw with no number has op, value and unit null).
 */
export function completeUnit(value: Value | null, unitColumn: string): Value | null {
  if (value === null || value.value === null || value.unit !== null) return value;
  const bracketed = BRACKET_UNIT.exec(value.raw)?.[1] ?? null;
  const unit = bracketed ?? (isNullMarker(unitColumn) ? null : cleanText(unitColumn));
  return unit ? { ...value, unit } : value;
}

/**
 * Given a data row, its header columns, the fill-down state and the project, return the indicator
 * the row holds with its unit column and extras applied, and the new state. The extra and unit
 * cells are blanked before the model's fields are read, so a blank field never takes their text.
 */
export function readIndicatorRow(
  row: Row,
  columns: IndicatorColumns,
  state: LevelState,
  project: string | null,
  warnings: Warning[],
): { indicator: Indicator | null; state: LevelState } {
  const aligned = rehomeCells(realignRow(row, expectationsOf(columns.map)), columns.map);
  const all = starts(columns);
  const own = new Set([...columns.extras.values(), ...(columns.unit === null ? [] : [columns.unit])]);
  const unitText = columns.unit === null ? "" : textAt(aligned, columns.unit, all);
  const extra: Record<string, string> = {};
  for (const [key, col] of columns.extras) {
    const text = cleanText(textAt(aligned, col, all));
    if (text && !isNullMarker(text)) extra[key] = text;
  }
  const blanked: Row = { ...aligned, cells: aligned.cells.map((c, i) => (own.has(i) ? "" : c)), raw: aligned.raw.map((c, i) => (own.has(i) ? "" : c)) };
  const result = rowToIndicator(blanked, columns.map, state, project, warnings);
  const indicator = result.indicator;
  if (!indicator) return result;
  indicator.target = withNatureOp(completeUnit(indicator.target, unitText), extra["指标性质"]);
  indicator.actual = completeUnit(indicator.actual, unitText);
  if (Object.keys(extra).length > 0) indicator.extra = extra;
  return result;
}

/**
 * Given a target and its row's 指标性质, return the target with the comparator that column prints
 * (≥ 95 % is printed "≥ | 95 | %"). Words that say which way is better (正向指标, 反向指标) state
 * no bound and give no op; a comparator printed in the value cell itself wins.
 */
function withNatureOp(target: Value | null, nature: string | undefined): Value | null {
  if (target === null || target.value === null || target.op !== null || nature === undefined) return target;
  const op = NATURE_OPS[nature.replace(/\s+/g, "")] ?? null;
  return op ? { ...target, op } : target;
}

/** Given a header row, return the printed headers the vocabulary maps to nothing (for a warning). */
export function unmappedHeaders(row: Row, columns: IndicatorColumns, ignore: RegExp): string[] {
  const mapped = new Set(starts(columns));
  return row.cells.flatMap((text, col) => (text && !mapped.has(col) && !ignore.test(text) ? [text] : []));
}
