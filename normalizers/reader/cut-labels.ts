// Level labels cut by a page break. A table printed without borders (or any table whose merged
// level cell runs over a page break) prints the start of a label on the last rows of one page and
// its end on the first rows of the next: "社会效益" | "指标", "满意度指" | "标". Each part stands
// where a label of its own rows would, so the page gives no clue; the words do: the part on the
// new page is no label alone, and with the part above it makes one.
import type { Indicator } from "../../contracts/model.js";
import type { LevelState } from "../common/indicators.js";
import { canonicalLevel1, canonicalLevel2, isCanonicalLevel2 } from "../common/vocabulary.js";

type Level = "level1Raw" | "level2Raw";

const isLabel: Record<Level, (text: string) => boolean> = {
  level1Raw: (text) => canonicalLevel1(text) !== null,
  level2Raw: (text) => isCanonicalLevel2(canonicalLevel2(text)),
};

/**
 * Given the indicators read so far, the one just read (the first of its page) and the fill-down
 * state after it, join every level label the page break cut: on the indicator, on the rows above
 * that carry the label's first part, and in the state. Returns the state to go on with.
 */
export function rejoinCutLabels(indicators: Indicator[], indicator: Indicator, levels: LevelState): LevelState {
  const previous = indicators.at(-1);
  if (!previous || previous.page === null || indicator.page === null || indicator.page <= previous.page) return levels;
  const joined = (level: Level) => {
    const above = previous[level];
    const part = indicator[level];
    return above && part && part !== above && isLabel[level](above + part) ? above + part : null;
  };
  const cut = (["level1Raw", "level2Raw"] as const).filter((level) => {
    const whole = joined(level);
    return whole !== null && !isLabel[level](indicator[level]!);
  });
  if (cut.length === 0) return levels;
  // A break that cut one level cut the row: the other level's parts are joined too where they make a label.
  const levelsCut = (["level1Raw", "level2Raw"] as const).filter((level) => joined(level) !== null);
  const next = { ...levels };
  for (const level of levelsCut) {
    const above = previous[level]!;
    const whole = joined(level)!;
    for (let i = indicators.length - 1; i >= 0 && indicators[i]![level] === above; i--)
      relabel(indicators[i]!, level, whole);
    relabel(indicator, level, whole);
    next[level] = whole;
  }
  return next;
}

/** Given an indicator, a level and its whole label, set the printed label and the canonical levels again. */
function relabel(indicator: Indicator, level: Level, whole: string): void {
  indicator[level] = whole;
  const level2 = canonicalLevel2(indicator.level2Raw);
  indicator.level2 = isCanonicalLevel2(level2) ? level2 : null;
  indicator.level1 = canonicalLevel1(indicator.level1Raw, level2);
}
