// The scoring listing of a narrative report read across a page break: a heading cut before its
// weight and a page number between the parts of a paragraph leave every item its own score.
import { describe, expect, it } from "vitest";
import { linesToListing, type TextLine } from "../../normalizers/common/scoring-listing.js";
import { isLevel1Label } from "../../normalizers/common/vocabulary.js";

const line = (text: string, page: number, heading = false): TextLine => ({ text, page, heading });

/** Given the listing's items, return each one's name, weight and score. */
function summary(lines: TextLine[]) {
  return linesToListing(lines, isLevel1Label).map((i) => [i.level1Raw, i.name, i.weight, i.score]);
}

describe("a scoring listing over a page break", () => {
  const whole = [
    line("1、投入指标（20分）", 3, true),
    line("（1）预算编制（20分）", 3),
    line("预算编制完整、合规，自评得分18分。", 3),
    line("2、过程指标（30分）", 3, true),
    line("（1）资金使用合规性（30分）", 3),
    line("资金使用合规，自评得分28分。", 3),
    line("3、产出指标（30分）", 4, true),
    line("（1）产出数量（30分）", 4),
    line("完成全年救助任务，自评得分30分。", 4),
    line("4、效果指标（20分）", 4, true),
    line("（1）社会效益（20分）", 4),
    line("群众满意度较高，自评得分19分。", 4),
    line("四、评价结论", 4, true),
  ];
  const read = summary(whole);

  it("reads the four rows of the listing as printed on one page", () => {
    expect(read).toEqual([
      ["投入指标（20分）", "预算编制", 20, 18],
      ["过程指标（30分）", "资金使用合规性", 30, 28],
      ["产出指标（30分）", "产出数量", 30, 30],
      ["效果指标（20分）", "社会效益", 20, 19],
    ]);
  });

  it("joins a heading the page break cut before its weight, and reads every row", () => {
    const cutBeforeWeight = [
      ...whole.slice(0, 6),
      line("3、产出指标", 3, true),
      line("3", 3),
      line("（30分）", 4, true),
      ...whole.slice(7),
    ];
    expect(summary(cutBeforeWeight)).toEqual(read);
  });

  it("joins a paragraph whose score the page break cut, over the page number, and takes no score from the row below", () => {
    const split = [
      ...whole.slice(0, 5),
      line("资金使用合规，自评得", 3),
      line("第 3 页", 3),
      line("分28分。", 4),
      ...whole.slice(6),
    ];
    expect(summary(split)).toEqual(read);
  });
});
