// Reading indicator rows under a mapped header, shared by the form layouts (一级/二级/三级指标
// tables). Merged level cells are filled down until the next non-empty cell within the same goal
// block (canonical-model.md, "Vocabulary of levels").
import type { Indicator, Warning } from "../../contracts/model.js";
import type { IndicatorField } from "./headers.js";
import { cellOf, provenanceOf, type ColumnMap, type Row } from "./rows.js";
import { labelKey, textOrNull } from "./text.js";
import { isNullMarker, parsePoints, parseValue } from "./values.js";
import { canonicalLevel1, canonicalLevel2, isLevel1Label, isLevel2Label } from "./vocabulary.js";
import { realignRow, type Expect } from "./realign.js";

export interface LevelState {
  goalSeq: number | null;
  level1Raw: string | null;
  level2Raw: string | null;
}

export function freshLevels(goalSeq: number | null = null): LevelState {
  return { goalSeq, level1Raw: null, level2Raw: null };
}

/** Given a state and the level cells of a row, return the state after fill-down. */
export function advanceLevels(state: LevelState, level1: string, level2: string): LevelState {
  const next = { ...state };
  if (level1) {
    if (level1 !== state.level1Raw) next.level2Raw = null;
    next.level1Raw = level1;
  }
  if (level2) next.level2Raw = level2;
  return next;
}

/** Given a row of an indicator table, return N of its "绩效目标N" block label (indicators grouped by goal), if any. */
export function goalSeqOf(row: Row): number | null {
  for (const cell of row.cells) {
    const m = /^(?:绩效目标|年度目标|目标)(\d+)$/.exec(labelKey(cell));
    if (m) return Number(m[1]);
  }
  return null;
}

/**
 * Given a data row under an indicator header, the fill-down state and the project it belongs to,
 * return the indicator it holds and the new state; null when the row names no indicator.
 */
export function rowToIndicator(
  row: Row,
  map: ColumnMap<IndicatorField>,
  state: LevelState,
  project: string | null,
  warnings: Warning[],
): { indicator: Indicator | null; state: LevelState } {
  const hasName = map.has("name");
  row = rehomeCells(realignRow(row, expectationsOf(map)), map);
  const levels = advanceLevels(state, cellOf(row, map, "level1"), cellOf(row, map, "level2"));
  const name = textOrNull(cellOf(row, map, hasName ? "name" : "description"));
  if (!name || isPlaceholderRow(name, row, map)) return { indicator: null, state: levels };
  const level2 = canonicalLevel2(levels.level2Raw);
  const indicator: Indicator = {
    project,
    goalSeq: levels.goalSeq,
    level1: canonicalLevel1(levels.level1Raw, level2),
    level2,
    level1Raw: levels.level1Raw,
    level2Raw: levels.level2Raw,
    name,
    description: hasName ? textOrNull(cellOf(row, map, "description")) : null,
    criterion: textOrNull(cellOf(row, map, "criterion")),
    target: parseValue(cellOf(row, map, "target")),
    actual: parseValue(cellOf(row, map, "actual")),
    weight: numberField(row, map, "weight", name, warnings),
    score: numberField(row, map, "score", name, warnings),
    summary: textOrNull(cellOf(row, map, "summary")),
    deviation: textOrNull(cellOf(row, map, "deviation")),
    page: row.page,
    provenance: provenanceOf(row),
  };
  if (indicator.weight != null && indicator.score != null && indicator.score > indicator.weight) {
    warnings.push({
      code: "score-above-weight",
      message: `${name}: score ${indicator.score} is above its weight ${indicator.weight}`,
      page: row.page,
    });
  }
  return { indicator, state: levels };
}

/** A template's numbered slot left unfilled: "指标2：", "……", "指标1：/", nothing printed after it. */
const PLACEHOLDER_NAME = /^(指标\s*\d+\s*[:：.、]?)?[\s…．.。·\-—－/／]*$/;

/** Given a row's name and the row, return whether it is a template's empty slot rather than an indicator. */
function isPlaceholderRow(name: string, row: Row, map: ColumnMap<IndicatorField>): boolean {
  if (!PLACEHOLDER_NAME.test(name)) return false;
  const values = (["target", "actual", "weight", "score"] as const).map((f) => cellOf(row, map, f).trim());
  return values.every((v) => v === "" || isNullMarker(v));
}

function numberField(
  row: Row,
  map: ColumnMap<IndicatorField>,
  field: "weight" | "score",
  name: string,
  warnings: Warning[],
): number | null {
  const text = cellOf(row, map, field);
  const value = parsePoints(text);
  if (value == null && text && !/^[-—–/无]$/.test(text)) {
    warnings.push({ code: "number-unparsed", message: `${name}: ${field} "${text}" is not a number`, page: row.page });
  }
  return value;
}

const EXPECT: Partial<Record<IndicatorField, Expect>> = {
  level1: "level1",
  level2: "level2",
  name: "name",
  target: "any",
  actual: "any",
  weight: "points",
  score: "points",
};

/** Given an indicator header map, return what kind of content each mapped column expects. */
export function expectationsOf(map: ColumnMap<IndicatorField>): Map<number, Expect> {
  const nameField: IndicatorField = map.has("name") ? "name" : "description";
  const expects = new Map<number, Expect>();
  for (const [field, col] of map) {
    const e = field === nameField ? "name" : EXPECT[field];
    if (e) expects.set(col, e);
  }
  return expects;
}

/**
 * Given a realigned row, return it with labels and names moved to the columns they belong to:
 * a level label printed left of its column (in the goal column, or a 二级 label in the 一级
 * column) moves right into its empty column; a name printed in a label column moves into an empty
 * name column (seed 000, goals 3/7/8; seed 001, 可持续影响指标 and 开展绿色殡葬改革…).
 */
export function rehomeCells(row: Row, map: ColumnMap<IndicatorField>): Row {
  const l1 = map.get("level1"),
    l2 = map.get("level2");
  const nameCol = map.get(map.has("name") ? "name" : "description");
  if (nameCol === undefined) return row;
  const cells = [...row.cells],
    raw = [...row.raw];
  const move = (from: number, to: number) => {
    [cells[to], raw[to]] = [cells[from]!, raw[from] ?? cells[from]!];
    [cells[from], raw[from]] = ["", ""];
  };
  const isGoalLabel = (t: string) => /^(绩效目标|年度目标|目标)\s*\d+$/.test(t);
  for (let c = 0; c < nameCol; c++) {
    const text = cells[c] ?? "";
    if (!text || c === l1 || c === l2 || isGoalLabel(text)) continue;
    // A label that is both (成本指标) starts a new 二级 block under the current 一级 (seed 000, goal 3).
    if (
      l2 !== undefined &&
      c < l2 &&
      isLevel2Label(text) &&
      !cells[l2] &&
      (!isLevel1Label(text) || (l1 !== undefined && c < l1 && !cells[l1] && isLevel2Label(text)))
    )
      move(c, l2);
    else if (l1 !== undefined && c < l1 && isLevel1Label(text) && !cells[l1]) move(c, l1);
    else if (!isLevel1Label(text) && !isLevel2Label(text) && !cells[nameCol]) move(c, nameCol);
  }
  if (
    l1 !== undefined &&
    l2 !== undefined &&
    cells[l1] &&
    !cells[l2] &&
    isLevel2Label(cells[l1]!) &&
    !isLevel1Label(cells[l1]!)
  )
    move(l1, l2);
  for (const c of [l1, l2]) {
    const text = c === undefined ? "" : (cells[c] ?? "");
    if (c !== undefined && text && !cells[nameCol] && !isLevel1Label(text) && !isLevel2Label(text)) move(c, nameCol);
  }
  return { ...row, cells, raw };
}
