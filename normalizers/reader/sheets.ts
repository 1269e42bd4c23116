// What project sheets (项目支出绩效自评表) and target declarations (项目支出绩效目标申报表 /
// 填报表) share: one sheet per project, headed by labelled fields (项目名称, 主管部门, 实施单位),
// often many sheets in one file, each a table of its own that may continue over a page break.
import type { Extraction, Table } from "../../contracts/extraction.js";
import type { BudgetLine, FundSource, Warning } from "../../contracts/model.js";
import { fieldOfHeader, REPORT_EXTRA_HEADERS, SHEET_HEAD_HEADERS, type SheetHeadField } from "../common/headers.js";
import { filled, tablesToRows, type Row } from "../common/rows.js";
import { cleanText, fiscalYearOf, labelKey, textOrNull } from "../common/text.js";
import { fundSourceOf, isLevel1Label, isLevel2Label } from "../common/vocabulary.js";

/** A label's weight or maximum in brackets: 自评得分（满分100分）, 预算执行（10分）. */
const LABEL_POINTS = /\((?:满分)?(\d+(?:\.\d+)?)分?\)$/;

/** Given a label cell, return its key without the colon, its points or the note on how to fill it in ("实施单位（盖章）："). */
function headLabelKey(cell: string): string {
  return labelKey(cell)
    .replace(/:$/, "")
    .replace(/\((盖章|签章|签字|公章|签名)\)$/, "")
    .replace(LABEL_POINTS, "");
}

/** Given a label cell, return the points printed in it ("自评得分(满分100分)" → 100), or null. */
function labelPoints(cell: string): string | null {
  return LABEL_POINTS.exec(labelKey(cell).replace(/:$/, ""))?.[1] ?? null;
}

/** Given a cell, return the head field its label names ("项目名称", "主管部门：" …), or null. */
function headFieldOf(cell: string): SheetHeadField | null {
  return cell ? fieldOfHeader(headLabelKey(cell), SHEET_HEAD_HEADERS) : null;
}

/** Given a cell, return the report-level key its label names (联系人, 项目负责人 …), or null. */
function extraFieldOf(cell: string): string | null {
  return cell ? fieldOfHeader(headLabelKey(cell), REPORT_EXTRA_HEADERS) : null;
}

/** Given a cell printing a label and its value together ("项目名称：社区养老服务补贴"), return both; null otherwise. */
function inlinePair(cell: string): { label: string; value: string } | null {
  const m = /^([^:：]{2,12})[:：]\s*(\S.*)$/.exec(cell);
  return m ? { label: m[1]!, value: m[2]!.trim() } : null;
}

/** Given a row, return whether it names a project as a sheet does: 项目名称 followed by a value, or with it in the same cell. */
function opensSheet(row: Row): boolean {
  return row.cells.some((cell, col) => {
    const pair = inlinePair(cell);
    if (pair && headFieldOf(pair.label) === "project") return true;
    if (headFieldOf(cell) !== "project") return false;
    const value = row.cells.slice(col + 1).find((c) => c !== "");
    return value !== undefined && headFieldOf(value) === null;
  });
}

/** Given a table, return how many sheets it opens (rows naming a project). */
export function sheetOpenings(table: Table): number {
  return tablesToRows([table]).filter(opensSheet).length;
}

/** True when only text blocks (titles, page headers, footers) stand between two blocks. */
function onlyTextBetween(extraction: Extraction, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (extraction.blocks[i]?.kind !== "text") return false;
  return true;
}

/**
 * Given the sheet's last table and the next one, return whether the next one reads as the rest of
 * the sheet: a grid as wide, or rows carrying level labels (an indicator block cut by a page break,
 * re-gridded by the extractor). A signature or annex table after a sheet is neither.
 */
function continuesSheet(extraction: Extraction, previous: number, table: Table): boolean {
  const before = extraction.blocks[previous];
  const width = (t: Table) => t.rows[0]?.length ?? 0;
  if (before?.kind === "table" && width(before.table) === width(table)) return true;
  return tablesToRows([table]).some((row) => row.cells.some((c) => c !== "" && (isLevel1Label(c) || isLevel2Label(c))));
}

/**
 * Given an extraction and a table block, return the short text blocks right above it (title,
 * year, unit lines), nearest last; a paragraph of prose stops the search (realdocs tianbaoxitong:
 * the 项目经费情况说明 narrative above each target table is no part of it).
 */
export function titleBlocksBefore(extraction: Extraction, at: number, max = 4): number[] {
  const before: number[] = [];
  for (let i = at - 1; i >= 0 && before.length < max; i--) {
    const b = extraction.blocks[i];
    if (!b || b.kind !== "text" || cleanText(b.text).length > 60) break;
    before.unshift(i);
  }
  return before;
}

/**
 * Given an extraction, return the blocks of each sheet: a table naming a project opens one; a
 * table right after it (only text between) that names none continues it, as a sheet split over a
 * page break does; the short text blocks just above the opening table (title, year) belong to it.
 */
export function sheetRegions(extraction: Extraction): number[][] {
  const regions: number[][] = [];
  let current: number[] | null = null;
  let last = -2;
  extraction.blocks.forEach((block, i) => {
    if (block.kind !== "table") return;
    if (sheetOpenings(block.table) > 0) {
      current = [...titleBlocksBefore(extraction, i), i];
      regions.push(current);
    } else if (
      current !== null &&
      onlyTextBetween(extraction, last, i) &&
      continuesSheet(extraction, last, block.table)
    ) {
      current.push(i);
    } else {
      current = null;
    }
    last = i;
  });
  return regions;
}

const TITLE = /绩效自评(评分)?表|绩效评价(评分)?表|自评评分表|绩效目标(申报|填报)?表|绩效目标表/;

/**
 * Given a sheet's blocks, return its title and year: from the title rows inside its first table
 * (as WPS prints them), else from the text just above it, nearest first, so a year named in a
 * paragraph further up is never taken for the sheet's.
 */
export function sheetTitle(
  extraction: Extraction,
  blocks: number[],
): { title: string | null; fiscalYear: number | null } {
  const first = blocks.map((i) => extraction.blocks[i]).find((b) => b?.kind === "table");
  const inTable =
    first?.kind === "table"
      ? tablesToRows([first.table])
          .slice(0, 3)
          .filter(isTitleRow)
          .map((r) => filled(r)[0]!)
      : [];
  const above = blocks
    .flatMap((i) => {
      const b = extraction.blocks[i];
      return b?.kind === "text" ? [cleanText(b.text)] : [];
    })
    .reverse();
  const lines = [...inTable, ...above].filter((t) => t.length <= 60);
  const title = lines.find((t) => TITLE.test(t)) ?? null;
  const yearLine = [title, ...lines].find((t) => t && fiscalYearOf(t) !== null);
  return { title, fiscalYear: yearLine ? fiscalYearOf(yearLine) : null };
}

export interface SheetHead {
  project: string | null;
  department: string | null;
  implementer: string | null;
  /** 部门名称 / 单位名称 / 填报单位: the department a form without 主管部门 is about. */
  unit: string | null;
  /** 年度, 评价等级 and 自评总分 printed as labelled fields. */
  year: string | null;
  grade: string | null;
  total: string | null;
  /** The budget's score printed beside the total (预算执行(10分) | 10.00). */
  budgetScore: string | null;
  /** The points printed in a field's label: the maximum of 自评得分(满分100分), the weight of 预算执行(10分). */
  points: Partial<Record<SheetHeadField, string>>;
  /** Labelled fields the model has no place for (REPORT_EXTRA_HEADERS), by the vocabulary's key. */
  extra: Record<string, string>;
}

export function emptyHead(): SheetHead {
  return {
    project: null,
    department: null,
    implementer: null,
    unit: null,
    year: null,
    grade: null,
    total: null,
    budgetScore: null,
    points: {},
    extra: {},
  };
}

/**
 * Given a row and the head read so far, fill the fields its labels name (each label's value is
 * the next filled cell, unless that is another label) and return whether the row held any.
 */
export function readHeadRow(row: Row, head: SheetHead): boolean {
  let found = false;
  row.cells.forEach((cell, col) => {
    const field = headFieldOf(cell);
    const key = field ? null : extraFieldOf(cell);
    if (!field && !key) {
      // A label and its value in one cell (项目名称：社区养老服务补贴).
      const pair = inlinePair(cell);
      const inline = pair ? headFieldOf(pair.label) : null;
      const inlineKey = pair && !inline ? extraFieldOf(pair.label) : null;
      if (!pair || (!inline && !inlineKey)) return;
      found = true;
      if (inline) head[inline] ??= textOrNull(pair.value);
      else head.extra[inlineKey!] ??= pair.value;
      return;
    }
    found = true;
    const next = row.cells.slice(col + 1).find((c) => c !== "") ?? "";
    const value = headFieldOf(next) === null && extraFieldOf(next) === null ? textOrNull(next) : null;
    if (field) {
      head[field] ??= value;
      const points = labelPoints(cell);
      if (points !== null) head.points[field] ??= points;
    } else if (value !== null) head.extra[key!] ??= value;
  });
  return found;
}

/**
 * Given a head, return the report's `extra`: the labelled fields the model has no place for, and
 * an 实施单位 that is not the 主管部门 (recorded as the department); undefined when there is none.
 */
export function headExtra(head: SheetHead): Record<string, string> | undefined {
  const extra = { ...head.extra };
  if (head.implementer && head.implementer !== head.department) extra["实施单位"] = head.implementer;
  return Object.keys(extra).length > 0 ? extra : undefined;
}

/** Given a row, return whether it is a title line inside the table (a single cell: title or year). */
export function isTitleRow(row: Row): boolean {
  const cells = filled(row);
  return cells.length === 1 && /绩效(自评|目标)|^[(（]?\s*\d{4}\s*年度?\s*[)）]?$/.test(cells[0]!);
}

/** How a sheet's 项目资金 row label reads: a fund source, or the carry-over the model has no line for. */
export type SheetFund = FundSource | "carryOver" | null;

/**
 * Given a 项目资金 row label ("年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"),
 * return its fund source. 当年财政拨款 is this year's fiscal money; 上年结转 (carried over from last
 * year) is no fund source of the model (seeds/README.md, 004: 结转结余).
 */
export function sheetFundOf(label: string): SheetFund {
  const bare = labelKey(label).replace(/^其中[:]?/, "");
  if (/^上年结转/.test(bare)) return "carryOver";
  return fundSourceOf(bare);
}

/** Given the project a form is about (null for a department's), return how a warning names its budget. */
export function budgetOwner(project: string | null): string {
  return project ? `project "${project}"` : "the department's budget";
}

/** The amounts of one 项目资金 line that the other lines should add up to. */
const ADDING: (keyof BudgetLine & ("initial" | "adjusted" | "executed"))[] = ["initial", "adjusted", "executed"];

/**
 * Given a sheet's budget lines and its carry-over line, return a `source-inconsistent` warning
 * for each amount where the total is not the sum of its parts (realdocs tianbaoxitong p. 35:
 * 当年财政拨款 11,419,043.00 within a 年度资金申请总额 of 10,903,043.00).
 */
export function budgetSumWarnings(
  lines: BudgetLine[],
  carryOver: Partial<Record<string, number | null>>,
  project: string | null,
  page: number | null,
): Warning[] {
  const total = lines.find((l) => l.fundSource === "total");
  const parts = lines.filter((l) => l.fundSource !== "total");
  if (!total || parts.length === 0) return [];
  return ADDING.flatMap((field) => {
    const printed = total[field];
    const values = [...parts.map((p) => p[field]), carryOver[field] ?? null].filter((v): v is number => v !== null);
    if (printed === null || values.length === 0) return [];
    const sum = values.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - printed) <= 1e-6 * Math.max(1, Math.abs(printed))) return [];
    const round = (x: number) => Number(x.toFixed(6));
    return [
      {
        code: "source-inconsistent",
        message: `${budgetOwner(project)}: the ${field} amounts of the 其中 lines add up to ${round(sum)} 万元, not the printed total ${round(printed)} 万元`,
        page,
      },
    ];
  });
}

/** Given a sheet's head, its tables and first page, return a warning when one table holds several sheets (`noun`: "project", "target"). */
export function ambiguousSheetsWarning(
  head: SheetHead,
  tables: Table[],
  firstPage: number | null,
  noun: string,
): Warning | null {
  const openings = tables.reduce((n, t) => n + sheetOpenings(t), 0);
  if (openings <= 1) return null;
  return {
    code: "ambiguous-layout",
    message: `one table holds ${openings} ${noun} sheets; they were read as the first, "${head.project ?? "?"}"`,
    page: firstPage,
  };
}
