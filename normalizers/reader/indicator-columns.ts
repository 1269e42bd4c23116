// Indicator columns beyond the model's fields, for the project sheets and their regional variants
// (docs/headers.md): a unit printed in a column of its own (度量单位 / 计量单位), columns kept in
// `Indicator.extra` (指标性质, 调整指标值, 得分系数, 是否核心指标), and the unit a target declaration
// prints in brackets after the number ("≥13459.00(平方米)", realdocs tianbaoxitong p. 31). The
// model's own fields are read by rowToIndicator (indicators.ts) under the same header row.
import type { Indicator, Value, Warning } from "../../contracts/model.js";
import {
  fieldOfHeader,
  INDICATOR_EXTRA_HEADERS,
  INDICATOR_HEADERS,
  INDICATOR_UNIT_HEADERS,
  type IndicatorField,
} from "../common/headers.js";
import { expectationsOf, rehomeCells, rowToIndicator, type LevelState } from "../common/indicators.js";
import { realignRow } from "../common/realign.js";
import { rowToColumnMap, type ColumnMap, type Row } from "../common/rows.js";
import { cleanText, labelKey } from "../common/text.js";
import { isNullMarker, parseValue } from "../common/values.js";
import {
  canonicalLevel1,
  canonicalLevel2,
  isCanonicalLevel2,
  isLevel1Label,
  isLevel2Label,
} from "../common/vocabulary.js";

/** A header that names the indicator block rather than a column of it: the names, when no other column holds them, else their levels. */
const GENERIC_NAME = /^(年度)?(绩效|考核|评价)?指标$/;

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
  // A two-level table names its indicators in the 二级指标 column: that column is the name.
  if (
    !map.has("name") &&
    !map.has("description") &&
    map.has("level1") &&
    map.has("level2") &&
    ["target", "actual", "score"].some((f) => map.has(f as IndicatorField))
  ) {
    map.set("name", map.get("level2")!);
    map.delete("level2");
  }
  // A grid whose only label column is headed by the block's own name (绩效指标 | 指标值 | 实际完成值 |
  // 得分) names its indicators there.
  if (
    !map.has("name") &&
    !map.has("description") &&
    !map.has("level1") &&
    !map.has("level2") &&
    ["target", "actual", "score"].some((f) => map.has(f as IndicatorField))
  ) {
    const first = Math.min(...map.values());
    const col = row.cells.findIndex((text, c) => c < first && text !== "" && GENERIC_NAME.test(labelKey(text)));
    if (col >= 0) map.set("name", col);
  }
  // Beside a column of the indicators' own, a column headed by the block's name (绩效指标 | 指标内容)
  // can only hold their levels (产出指标, 效益指标).
  const own = map.get("name") ?? map.get("description");
  if (own !== undefined && !map.has("level1")) {
    const taken = new Set(map.values());
    const col = row.cells.findIndex((t, c) => c < own && !taken.has(c) && GENERIC_NAME.test(labelKey(t)));
    if (col >= 0) map.set("level1", col);
  }
  // A name column (or, without one, what describes each indicator: 指标内容 / 考核内容 names it) and at
  // least one figure or level column (spec, "Unknown forms are still read").
  const figures = ["target", "actual", "weight", "score", "level1"].some((f) => map.has(f as IndicatorField));
  const named = map.has("name") || map.has("description");
  const isHeader = (map.has("level1") && map.has("level2")) || (named && figures);
  if (!isHeader) return null;
  const unit = rowToColumnMap(row, INDICATOR_UNIT_HEADERS).get("unit") ?? null;
  const extras = rowToColumnMap(row, INDICATOR_EXTRA_HEADERS);
  levelWeights(row, map, extras);
  return { map, unit, extras };
}

/**
 * Given a header row whose levels print their own 分值 (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 |
 * 分值 | 得分), place the weight on the 分值 after the indicator's own column (its name, or what
 * describes it) and keep each level's own in `extra` under that level's name ("一级指标分值").
 */
function levelWeights(row: Row, map: ColumnMap<IndicatorField>, extras: ColumnMap<string>): void {
  // The indicator's own column: its name, else what describes it (考核内容), else its deepest level.
  const levels = [map.get("level1"), map.get("level2")].filter((c): c is number => c !== undefined);
  const name = map.get("name") ?? map.get("description") ?? (levels.length ? Math.max(...levels) : undefined);
  const weights = row.cells.flatMap((text, col) =>
    text && fieldOfHeader(labelKey(text), INDICATOR_HEADERS) === "weight" ? [col] : [],
  );
  if (name === undefined || weights.length < 2) return;
  const own = weights.find((c) => c > name);
  if (own === undefined) return;
  map.set("weight", own);
  for (const col of weights.filter((c) => c < name)) {
    const level = [...map.entries()]
      .filter(([f, c]) => (f === "level1" || f === "level2") && c < col)
      .sort((a, b) => b[1] - a[1])[0];
    if (level) extras.set(`${level[0] === "level1" ? "一级指标" : "二级指标"}分值`, col);
  }
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
  "≥": ">=",
  "≧": ">=",
  "⩾": ">=",
  ">=": ">=",
  大于等于: ">=",
  不低于: ">=",
  不少于: ">=",
  "≤": "<=",
  "≦": "<=",
  "⩽": "<=",
  "<=": "<=",
  小于等于: "<=",
  不高于: "<=",
  不超过: "<=",
  "=": "=",
  "＝": "=",
  等于: "=",
  ">": ">",
  大于: ">",
  "<": "<",
  小于: "<",
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
  const blanked: Row = {
    ...aligned,
    cells: aligned.cells.map((c, i) => (own.has(i) ? "" : c)),
    raw: aligned.raw.map((c, i) => (own.has(i) ? "" : c)),
  };
  const result = rowToIndicator(blanked, columns.map, state, project, warnings);
  const indicator = result.indicator;
  if (!indicator) return result;
  const unit = cleanText(unitText);
  if (unit && !isNullMarker(unit)) extra["计量单位"] = unit;
  indicator.target = completeUnit(joinedValue(indicator.target, unit, extra["指标性质"]), unitText);
  indicator.actual = completeUnit(joinedValue(indicator.actual, unit, undefined), unitText);
  if (!columns.map.has("level2")) placeSingleLevel(indicator);
  // A level label outside the vocabulary (自评工作情况) stays in level2Raw only (spec, "Level labels").
  if (!isCanonicalLevel2(indicator.level2)) indicator.level2 = null;
  if (Object.keys(extra).length > 0) indicator.extra = extra;
  return result;
}

/**
 * Given a Value read from its own cell, the unit printed in the row's unit column and the row's
 * 指标性质, return the one Value the cells print together (spec, "A value printed across
 * columns"): `raw` joins the comparator, the number and the unit in reading order ("≥" "8500" "人"
 * -> "≥8500人"). A nature word (定量 / 正向指标) is no comparator and is not joined; a cell that
 * already prints its comparator or unit keeps its own.
 */
export function joinedValue(value: Value | null, unit: string, nature: string | undefined): Value | null {
  if (value === null || value.value === null) return value;
  const symbol = nature === undefined ? null : (NATURE_OPS[nature.replace(/\s+/g, "")] ?? null);
  const prefix = symbol !== null && value.op === null ? nature!.replace(/\s+/g, "") : "";
  const suffix = unit && !isNullMarker(unit) && value.unit === null && !BRACKET_UNIT.test(value.raw) ? unit : "";
  if (!prefix && !suffix) return value;
  const joined = parseValue(`${prefix}${value.raw}${suffix}`);
  if (joined === null) return value;
  // A unit word parsed short of the printed unit ("元/人·月" is one unit): the column's unit stands.
  return { ...joined, op: joined.op ?? (symbol as Value["op"]), unit: suffix ? unit : joined.unit };
}

/**
 * Given an indicator read under a single level column (指标类型), return it with the label placed by
 * what it says (spec, "Level labels"): a second-level label ("数量指标") is `level2`, under the
 * level it belongs to (产出指标), with `level1Raw` null.
 */
function placeSingleLevel(indicator: Indicator): void {
  const raw = indicator.level1Raw;
  if (raw === null || isLevel1Label(raw) || !isLevel2Label(raw)) return;
  indicator.level2Raw = raw;
  indicator.level2 = canonicalLevel2(raw);
  indicator.level1Raw = null;
  indicator.level1 = canonicalLevel1(null, indicator.level2);
}

/**
 * Given an indicator header row and its columns, return a warning listing how each printed header
 * was mapped (model field, unit, extra) and which were left unmapped, so that a person can check a
 * form no known family fits.
 */
export function columnMappingWarning(row: Row, columns: IndicatorColumns, ignore: RegExp): Warning {
  const named = new Map<number, string>();
  for (const [field, col] of columns.map) named.set(col, field);
  for (const [key, col] of columns.extras) named.set(col, `extra.${key}`);
  if (columns.unit !== null) named.set(columns.unit, "unit");
  const parts = row.cells.flatMap((text, col) => {
    if (!text || ignore.test(labelKey(text))) return [];
    return [`${text} → ${named.get(col) ?? "unmapped"}`];
  });
  return {
    code: "generic-columns",
    message: `indicator columns read by their headers: ${parts.join("; ")}`,
    page: row.page,
  };
}

/** Given a header row, return the printed headers the vocabulary maps to nothing, with their columns. */
export function unmappedHeaders(
  row: Row,
  columns: IndicatorColumns,
  ignore: RegExp,
): { header: string; col: number }[] {
  const mapped = new Set(starts(columns));
  return row.cells.flatMap((text, col) =>
    text && !mapped.has(col) && !ignore.test(labelKey(text)) ? [{ header: text, col }] : [],
  );
}
