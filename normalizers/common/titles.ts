// Titles printed above a form: "整体支出绩效自评表", "(2022年度)", "2022年度部门整体绩效自评表".
import { tableToRows, type Extraction } from "../../contracts/extraction.js";
import { cleanText, fiscalYearOf } from "./text.js";

const TITLE = /绩效自评表|绩效自评报告|自评结果|绩效目标(申报|填报)?表|绩效评价表/;

/** Given a region, return the title printed above its form and the fiscal year it names. */
export function readTitle(
  extraction: Extraction,
  blocks: number[],
): { title: string | null; fiscalYear: number | null } {
  // A title is printed above the table, or in its first rows as a cell spanning the width.
  const firstTable = blocks.map((i) => extraction.blocks[i]).find((b) => b?.kind === "table");
  const titleRows =
    firstTable?.kind === "table"
      ? tableToRows(firstTable.table)
          .slice(0, 2)
          .map((r) => r.filter((c) => c.trim()).join(""))
      : [];
  const texts = blocks
    .flatMap((i) => {
      const b = extraction.blocks[i];
      return b?.kind === "text" ? [cleanText(b.text)] : [];
    })
    .concat(titleRows.map(cleanText).filter((t) => t && TITLE.test(t)));
  const title = texts.find((t) => TITLE.test(t) && t.length <= 60) ?? null;
  const yearText = [title, ...texts].find((t) => t && fiscalYearOf(t) != null);
  return { title, fiscalYear: yearText ? fiscalYearOf(yearText) : null };
}
