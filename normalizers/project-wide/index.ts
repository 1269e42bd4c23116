// Layout family "project-wide" (seed 002, 2021年度民政局本级部门预算项目绩效自评表), kind "project": one
// wide table with a row per project: 序号, 部门名称 (the project's category), 项目名称, 项目年度预算金额
// and 实际支出金额 with their 其中 columns, 预算支出执行率, 年初绩效目标, 绩效目标整体完成情况, then one
// (年度指标内容, 完成情况) pair per indicator under 产出目标 / 效益目标 / 满意度指标, then 项目执行中存在的问题
// and 整改情况. Pairs are unpivoted into indicators whose name carries their bound (spec, "Indicators
// whose target is written into their name"). The table may continue over pages, repeating its header.
import type { Extraction } from "../../contracts/extraction.js";
import { emptyReport, type Indicator, type Report, type Warning } from "../../contracts/model.js";
import { unitOf } from "../common/budget.js";
import { scoreVocabulary, textBlocksBefore } from "../common/detect.js";
import { checkProject, checkSequence } from "./checks.js";
import { headerRowsToWide, isHeaderLabel, isWideHeaderRow, type WideHeader } from "./header.js";
import { rowFitsHeader, rowToProjectByColumns, rowToProjectBySequence } from "./rows.js";
import { filled, provenanceOf, tablesAt, pagesOf, tablesToRows, type Row } from "../common/rows.js";
import { cleanText, labelKey } from "../common/text.js";
import { readTitle } from "../common/titles.js";
import { parseNumber, parseRate } from "../common/values.js";
import type { LayoutFit, Normalizer, Result } from "../types.js";

const FAMILY = "project-wide";

/** Rows searched for the header at the top of a table (title rows may come first). */
const HEADER_SEARCH_ROWS = 6;

/** Printed labels of this family's header, with their weight in the fit score. */
const VOCABULARY: [RegExp, number][] = [
  [/^项目名称$/, 1],
  [/年度指标内容$/, 2],
  [/^完成情况$/, 1],
  [/^项目年度预算金额|^年度预算金额|^项目预算金额/, 1],
  [/^实际支出金额|^实际支出数?$/, 1],
  [/执行率/, 0.5],
  [/^年初绩效目标$|^年度绩效目标$/, 1],
  [/绩效目标整体完成情况$/, 1],
  [/项目执行中存在的问题$|存在的问题$/, 1],
  [/^整改情况$|^整改措施$/, 0.5],
  [/^产出目标$|^效益目标$|^产出指标$|^效益指标$/, 0.5],
];

export const projectWide: Normalizer = {
  family: FAMILY,
  detect(extraction) {
    return wideRegions(extraction).map((tables) => {
      const { score, found } = scoreVocabulary(extraction, tables, VOCABULARY);
      return { family: FAMILY, score, blocks: [...textBlocksBefore(extraction, tables), ...tables], reason: found };
    });
  },
  normalize: readProjectWide,
};

/** True when only text blocks (page headers, footers) stand between two blocks. */
function onlyTextBetween(extraction: Extraction, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (extraction.blocks[i]?.kind !== "text") return false;
  return true;
}

/**
 * Given an extraction, return the groups of table blocks that form one project table each: a table
 * opening with a project-wide header, and the tables right after it that repeat that header or
 * have its width (the same table continued on the next pages).
 */
export function wideRegions(extraction: Extraction): number[][] {
  const regions: number[][] = [];
  let current: number[] | null = null;
  let width = -1;
  extraction.blocks.forEach((block, i) => {
    if (block.kind !== "table") return;
    const opens = tablesToRows([block.table]).slice(0, HEADER_SEARCH_ROWS).some(isWideHeaderRow);
    const ownWidth = block.table.rows[0]?.length ?? 0;
    const last = current?.at(-1);
    if (current && last !== undefined && onlyTextBetween(extraction, last, i) && (opens || ownWidth === width))
      current.push(i);
    else if (opens) regions.push((current = [i]));
    else current = null;
    width = ownWidth;
  });
  return regions;
}

interface State {
  report: Report;
  warnings: Warning[];
  header: WideHeader | null;
  unitRaw: string;
}

/** Given an extraction and a fit of this family, return the project report its table holds. */
function readProjectWide(extraction: Extraction, fit: LayoutFit): Result<Report> {
  const report = emptyReport("project", FAMILY);
  const texts = fit.blocks.flatMap((i) => {
    const b = extraction.blocks[i];
    return b?.kind === "text" ? [cleanText(b.text)] : [];
  });
  Object.assign(report, readTitle(extraction, fit.blocks));
  report.department = departmentOf(texts);
  const rows = tablesToRows(tablesAt(extraction, fit.blocks));
  const state: State = { report, warnings: [], header: null, unitRaw: unitOfTexts(texts) ?? "万元" };
  for (let i = 0; i < rows.length; i++) {
    if (!isWideHeaderRow(rows[i]!)) {
      readDataRow(state, rows[i]!);
      continue;
    }
    let end = i + 1;
    while (end < rows.length && isHeaderRow(rows[end]!)) end++;
    state.header = headerRowsToWide(rows.slice(i, end));
    state.unitRaw = unitOfTexts(texts) ?? unitOf(state.header.labels.map((l) => l.text).join(" ")) ?? "万元";
    i = end - 1;
  }
  state.warnings.push(...checkSequence(report.projects));
  report.pages = pagesOf(rows);
  return { value: report, warnings: state.warnings };
}

/** Given a row below a header, return whether it is more header: only labels, no figures. */
function isHeaderRow(row: Row): boolean {
  const cells = filled(row);
  return cells.length > 0 && cells.every((c) => isHeaderLabel(c) && parseNumber(c) === null && parseRate(c) === null);
}

function readDataRow(state: State, row: Row): void {
  const cells = filled(row);
  if (cells.length === 0 || isHeaderRow(row)) return;
  const { header } = state;
  if (!header) {
    state.warnings.push({
      code: "row-unplaced",
      message: `row before the project header: ${cells.join(" | ")}`,
      page: row.page,
    });
    return;
  }
  if (/^(?:合计|总计|小计)$/.test(labelKey(cells[0]))) {
    state.warnings.push({
      code: "not-represented",
      message: `total row not recorded: ${cells.join(" | ")}`,
      page: row.page,
    });
    return;
  }
  const read = rowFitsHeader(row, header)
    ? rowToProjectByColumns(row, header, state.unitRaw)
    : rowToProjectBySequence(row, header, state.unitRaw);
  if (!read.project.name) {
    state.warnings.push({
      code: "row-unplaced",
      message: `row without a project name: ${cells.join(" | ")}`,
      page: row.page,
    });
    return;
  }
  const provenance = provenanceOf(row);
  state.report.projects.push({ ...read.project, provenance });
  state.report.indicators.push(...(read.indicators as Indicator[]).map((i) => ({ ...i, provenance })));
  state.warnings.push(...read.warnings, ...checkProject(read, row.page));
}

/** Given the text lines around the table, return the unit of its amounts ("单位：万元"), if printed. */
function unitOfTexts(texts: string[]): string | null {
  const line = texts.find((t) => /单位[:：]\s*(?:亿元|万元|千元|元)/.test(t));
  return line ? unitOf(line.slice(line.search(/单位[:：]/))) : null;
}

/** Given the text lines around the table, return the unit that filled it in (填报单位：…), if printed. */
function departmentOf(texts: string[]): string | null {
  for (const t of texts) {
    const m = /(?:填报单位|单位名称|部门名称|主管部门|预算单位)[:：]\s*([^\s:：]+)/.exec(t);
    if (m) return m[1]!;
  }
  return null;
}
