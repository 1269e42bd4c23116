// Restoring a rubric item's name that OCR lost (seed 004 (a): the 三级 cell of 基础信息完善性 is
// empty, its 二级 label 预算管理(7) printed in its place). A narrative report in the same document
// that scores the same rubric names the item: within the same 二级 block, the one listed name the
// rubric does not already hold, with a compatible weight.
import type { Extraction } from "../../contracts/extraction.js";
import type { Warning } from "../../contracts/model.js";
import type { LevelledItem } from "./levels.js";
import { linesToListing, plainLine, type ListingItem, type TextLine } from "../common/scoring-listing.js";
import { cleanText } from "../common/text.js";
import { canonicalLevel2, isLevel1Label } from "../common/vocabulary.js";

/** Given an extraction and a region, return the scoring listing of the text outside the region. */
function listingOutside(extraction: Extraction, own: number[]): ListingItem[] {
  const lines: TextLine[] = extraction.blocks.flatMap((b, i) =>
    b.kind === "text" && !own.includes(i)
      ? [{ text: plainLine(cleanText(b.text)), page: b.page, heading: b.role === "heading" }]
      : [],
  );
  return linesToListing(lines, isLevel1Label);
}

/** Given an extraction and a rubric's region, return a function naming the region's items whose name was lost. */
export function rubricNameRestorer(
  extraction: Extraction,
  own: number[],
): (items: LevelledItem[], warnings: Warning[]) => void {
  return (items, warnings) => {
    const lost = items.filter((item) => item.name === "");
    if (lost.length === 0) return;
    const listing = listingOutside(extraction, own);
    for (const item of lost) {
      const level2 = canonicalLevel2(item.level2Raw);
      const held = new Set(items.filter((x) => canonicalLevel2(x.level2Raw) === level2).map((x) => x.name));
      const fits = listing.filter(
        (l) =>
          canonicalLevel2(l.level2Raw) === level2 &&
          !held.has(l.name) &&
          (l.weight === null || item.weight === null || l.weight === item.weight),
      );
      if (fits.length === 1) {
        item.name = fits[0]!.name;
        warnings.push({
          code: "ocr-reconstructed",
          message: `rubric item under ${item.level2Raw ?? "?"} has no 三级 name in the table; named ${item.name} after the scoring listing of the same document`,
          page: item.page,
        });
      } else {
        warnings.push({
          code: "name-lost",
          message: `rubric item under ${item.level2Raw ?? "?"} (${item.description ?? ""}) has no 三级 name`,
          page: item.page,
        });
      }
    }
  };
}
