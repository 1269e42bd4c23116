// Regions of narrative reports (seed 004 (b)): from the report's title ("…整体支出绩效自评报告",
// with an "附件 N" line right above it) to the end of the document, or to the title or rubric table
// that opens another report. The tables inside (project lists, signature lists) belong to it.
import type { Extraction } from "../../contracts/extraction.js";
import { hasRubricHeader } from "../common/rubric-region.js";
import { numberingOf, plainLine } from "../common/scoring-listing.js";
import { cleanText } from "../common/text.js";

export const NARRATIVE_TITLE = /绩效(?:自评|评价)报告$/;
const OTHER_TITLE = /绩效自评表$|绩效评价表$|自评结果$|绩效(?:自评|评价)报告$/;
const ATTACHMENT = /^附件\s*\d*$/;

function lineAt(extraction: Extraction, i: number): string | null {
  const b = extraction.blocks[i];
  return b?.kind === "text" ? plainLine(cleanText(b.text)) : null;
}

/**
 * Given a block, return whether it opens a report: an unnumbered title line of at most 60
 * characters (a numbered one is a section: "（3）撰写绩效评价报告"), or a rubric table.
 */
function opensReport(extraction: Extraction, i: number, title: RegExp): boolean {
  const b = extraction.blocks[i];
  if (b?.kind === "table") return hasRubricHeader(b.table);
  const text = lineAt(extraction, i);
  return text !== null && text.length <= 60 && numberingOf(text) === null && title.test(text);
}

/** Given an extraction, return the blocks of each narrative report, in reading order. */
export function narrativeRegions(extraction: Extraction): number[][] {
  const regions: number[][] = [];
  const count = extraction.blocks.length;
  for (let i = 0; i < count; i++) {
    if (!opensReport(extraction, i, NARRATIVE_TITLE) || extraction.blocks[i]?.kind !== "text") continue;
    const start = ATTACHMENT.test(lineAt(extraction, i - 1) ?? "-") ? i - 1 : i;
    let end = i + 1;
    while (end < count && !opensReport(extraction, end, OTHER_TITLE)) end++;
    if (end < count && ATTACHMENT.test(lineAt(extraction, end - 1) ?? "-")) end--;
    regions.push(Array.from({ length: end - start }, (_, k) => start + k));
    i = end - 1;
  }
  return regions;
}
