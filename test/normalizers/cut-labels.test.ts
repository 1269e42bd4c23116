// Level labels cut in two by a page break (a borderless Writer table: "社会效益" at the foot of one
// page, "指标" at the head of the next) are joined by their words, on every row that carries them.
import { describe, expect, it } from "vitest";
import type { Indicator } from "../../contracts/model.js";
import { rejoinCutLabels } from "../../normalizers/reader/cut-labels.js";

function row(name: string, level1Raw: string, level2Raw: string, page: number): Indicator {
  return {
    project: null,
    goalSeq: 1,
    level1: null,
    level2: null,
    level1Raw,
    level2Raw,
    name,
    description: null,
    criterion: null,
    target: null,
    actual: null,
    weight: null,
    score: null,
    summary: null,
    deviation: null,
    page,
  };
}

describe("level labels cut by a page break", () => {
  it("joins a level-2 label whose end opens the next page, on the rows above too", () => {
    const read = [row("a", "效益指标", "经济效益指标", 4), row("b", "效益指标", "社会效益", 4)];
    const first = row("c", "效益指标", "指标", 5);
    const levels = rejoinCutLabels(read, first, { goalSeq: 1, level1Raw: "效益指标", level2Raw: "指标" });
    expect(levels.level2Raw).toBe("社会效益指标");
    expect([...read, first].map((i) => [i.level2Raw, i.level2])).toEqual([
      ["经济效益指标", null],
      ["社会效益指标", "社会效益指标"],
      ["社会效益指标", "社会效益指标"],
    ]);
  });

  it("joins both levels when the break cut the row: 满意度指 | 标 and 服务对象 | 满意度", () => {
    const read = [row("a", "满意度指", "服务对象", 6)];
    const first = row("b", "标", "满意度", 7);
    const levels = rejoinCutLabels(read, first, { goalSeq: 1, level1Raw: "标", level2Raw: "满意度" });
    expect([levels.level1Raw, levels.level2Raw]).toEqual(["满意度指标", "服务对象满意度"]);
    expect([read[0]!.level1, first.level1, first.level2Raw]).toEqual(["满意度指标", "满意度指标", "服务对象满意度"]);
  });

  it("leaves a new label on the next page alone, and parts on one page alone", () => {
    const read = [row("a", "产出指标", "时效指标", 2)];
    const next = row("b", "产出指标", "成本指标", 3);
    const state = { goalSeq: 1, level1Raw: "产出指标", level2Raw: "成本指标" };
    expect(rejoinCutLabels(read, next, state)).toBe(state);
    const samePage = row("c", "效益指标", "指标", 2);
    expect(rejoinCutLabels([row("d", "效益指标", "社会效益", 2)], samePage, state)).toBe(state);
    expect(samePage.level2Raw).toBe("指标");
  });
});
