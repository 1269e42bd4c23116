// Reading indicator rows under a mapped header, shared by the form layouts (一级/二级/三级指标
// tables). Merged level cells are filled down until the next non-empty cell within the same goal
// block (canonical-model.md, "Vocabulary of levels").
import type { Indicator, Warning } from "../../src/model.js";
import type { IndicatorField } from "./headers.js";
import { cellOf, type ColumnMap, type Row } from "./rows.js";
import { textOrNull } from "./text.js";
import { parseNumber, parseValue } from "./values.js";
import { canonicalLevel1, canonicalLevel2 } from "./vocabulary.js";

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
  const levels = advanceLevels(state, cellOf(row, map, "level1"), cellOf(row, map, "level2"));
  const hasName = map.has("name");
  const name = textOrNull(cellOf(row, map, hasName ? "name" : "description"));
  if (!name) return { indicator: null, state: levels };
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
  };
  if (indicator.weight != null && indicator.score != null && indicator.score > indicator.weight) {
    warnings.push({ code: "score-above-weight", message: `${name}: score ${indicator.score} is above its weight ${indicator.weight}`, page: row.page });
  }
  return { indicator, state: levels };
}

function numberField(row: Row, map: ColumnMap<IndicatorField>, field: "weight" | "score", name: string, warnings: Warning[]): number | null {
  const text = cellOf(row, map, field);
  const value = parseNumber(text);
  if (value == null && text && !/^[-—–/无]$/.test(text)) {
    warnings.push({ code: "number-unparsed", message: `${name}: ${field} "${text}" is not a number`, page: row.page });
  }
  return value;
}
