// Notes on indicators read from a form, as warnings: level labels the vocabulary rewrote, and targets
// and actuals printed in different units. Nothing is changed; the reader is told (seeds/README.md,
// 003: 一级 "产出效益" read as 产出指标, "社会效益指" completed; "≥100个" against "122张").
import type { Indicator, Warning } from "../../contracts/model.js";

/** Given indicators, return one warning listing each printed level label read as another, or null. */
export function canonicalizedLabels(indicators: Indicator[]): Warning | null {
  const notes = new Set<string>();
  for (const i of indicators) {
    const goal = i.goalSeq === null ? "" : `goal ${i.goalSeq}: `;
    if (i.level1Raw && i.level1 && i.level1Raw.replace(/\s+/g, "") !== i.level1)
      notes.add(`${goal}一级 '${i.level1Raw}' read as ${i.level1}`);
    if (i.level2Raw && i.level2 && i.level2Raw.replace(/\s+/g, "") !== i.level2)
      notes.add(`${goal}二级 '${i.level2Raw}' read as ${i.level2}`);
  }
  if (notes.size === 0) return null;
  return { code: "label-canonicalized", message: [...notes].join("; "), page: null };
}

/** Given indicators, return a warning for each whose target and actual are printed in different units. */
export function unitMismatches(indicators: Indicator[]): Warning[] {
  return indicators.flatMap((i) => {
    const [t, a] = [i.target?.unit ?? null, i.actual?.unit ?? null];
    if (t === null || a === null || t === a) return [];
    return [
      {
        code: "source-inconsistent",
        message: `'${i.name}' has target '${i.target!.raw}' but actual '${i.actual!.raw}' (different units as printed)`,
        page: i.page,
      },
    ];
  });
}
