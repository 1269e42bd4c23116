// The multi-row header of a project-wide table (seed 002): one column per project field (序号, 部门名称,
// 项目名称, 预算支出执行率, 年初绩效目标 …), amount groups (项目年度预算金额 over 合计 and 其中 columns),
// and indicator pairs (年度指标内容, 完成情况) under the level headers that span them (产出目标 over
// 数量指标 over the pair). A label spans the columns to its right up to the next label of its row,
// which is what a merged header cell covers.
import { fieldOfHeader, PROJECT_HEADERS, type ProjectField } from "../common/headers.js";
import type { Row } from "../common/rows.js";
import { labelKey } from "../common/text.js";
import { canonicalLevel1, canonicalLevel2, fundSourceOf, isLevel1Label, isLevel2Label } from "../common/vocabulary.js";

/** A header label and the columns it spans, in one of the header rows (0 = top). */
export interface HeaderLabel {
  text: string;
  field: ProjectField | null;
  row: number;
  from: number;
  to: number;
}

/** One indicator pair: the 年度指标内容 column, its 完成情况 column, and the levels above them. */
export interface PairColumns {
  content: number;
  summary: number | null;
  level1: string | null;
  level2: string | null;
  level1Raw: string | null;
  level2Raw: string | null;
}

/** An amount group: the column of its total (合计, or the group's first column) and its parts (其中). */
export interface AmountColumns {
  total: number;
  parts: number[];
}

export interface WideHeader {
  /** Single-column fields (序号, 项目名称, 执行率, 年初绩效目标, 问题, 整改 …) by their column. */
  columns: Map<ProjectField, number>;
  budget: AmountColumns | null;
  executed: AmountColumns | null;
  pairs: PairColumns[];
  /** The rate column is headed in percent ("执行率(%)"), so a bare 98 means 98%. */
  ratePercent: boolean;
  labels: HeaderLabel[];
}

const SINGLE_FIELDS: ProjectField[] = ["seq", "category", "name", "rate", "goal", "achievement", "problems", "remedy"];

/** Given a header cell, return its text without the "..." a dump prints for a cut header (seed 002). */
function headerText(text: string): string {
  return text.replace(/^[.…]+/, "").trim();
}

/** Given header rows, return their labels, each spanning right up to the next label of its row. */
export function rowsToLabels(rows: Row[]): HeaderLabel[] {
  return rows.flatMap((row, r) => {
    const starts = row.cells.flatMap((cell, col) => (headerText(cell) ? [col] : []));
    return starts.map((from, k) => {
      const text = headerText(row.cells[from] ?? "");
      const to = (starts[k + 1] ?? row.cells.length) - 1;
      return { text, field: fieldOfHeader(labelKey(text), PROJECT_HEADERS), row: r, from, to };
    });
  });
}

/** Given labels, a column and the header row to search above, return the nearest label over that column passing `test`. */
function labelAbove(
  labels: HeaderLabel[],
  col: number,
  belowRow: number,
  test: (text: string) => boolean,
): HeaderLabel | null {
  const over = labels.filter((l) => l.row < belowRow && l.from <= col && col <= l.to && test(l.text));
  return over.sort((a, b) => b.row - a.row)[0] ?? null;
}

/** Given labels and an amount field, return its group: the 合计 column under it, else its first column. */
function amountColumns(labels: HeaderLabel[], field: "budget" | "executed"): AmountColumns | null {
  const group = labels.find((l) => l.field === field);
  if (!group) return null;
  const inside = labels.filter((l) => l.row > group.row && l.from >= group.from && l.from <= group.to);
  const total = inside.find((l) => l.field === "subtotal")?.from ?? group.from;
  const parts: number[] = [];
  for (let col = group.from; col <= group.to; col++) if (col !== total) parts.push(col);
  return { total, parts };
}

/** Given labels, return the pair columns: each 年度指标内容 label with the 完成情况 label right of it. */
function pairColumns(labels: HeaderLabel[]): PairColumns[] {
  let contents = labels.filter((l) => l.field === "content");
  // A form without 年度指标内容 labels heads each pair by its level-2 label over a 完成情况 column.
  if (contents.length === 0) {
    contents = labels.filter(
      (l) => isLevel2Label(l.text) && labels.some((s) => s.field === "summary" && s.from === l.from + 1),
    );
  }
  return contents.map((content) => {
    const summary = labels.find((l) => l.field === "summary" && l.row === content.row && l.from === content.from + 1);
    const level2Label = isLevel2Label(content.text)
      ? content
      : labelAbove(labels, content.from, content.row, isLevel2Label);
    const level1Label = labelAbove(labels, content.from, level2Label?.row ?? content.row, isLevel1Label);
    const level2 = canonicalLevel2(level2Label?.text ?? null);
    return {
      content: content.from,
      summary: summary?.from ?? null,
      level1: canonicalLevel1(level1Label?.text ?? null, level2),
      level2,
      level1Raw: level1Label?.text ?? null,
      level2Raw: level2Label?.text ?? null,
    };
  });
}

/** Given the header rows of a project-wide table, return what each column holds. */
export function headerRowsToWide(rows: Row[]): WideHeader {
  const labels = rowsToLabels(rows);
  const columns = new Map<ProjectField, number>();
  for (const label of labels) {
    if (label.field && SINGLE_FIELDS.includes(label.field) && !columns.has(label.field))
      columns.set(label.field, label.from);
  }
  const rateLabel = labels.find((l) => l.field === "rate");
  return {
    columns,
    budget: amountColumns(labels, "budget"),
    executed: amountColumns(labels, "executed"),
    pairs: pairColumns(labels),
    ratePercent: rateLabel ? /%/.test(labelKey(rateLabel.text)) : false,
    labels,
  };
}

/** Given a row, return whether it opens a project-wide header: it names 项目名称 and two more project fields. */
export function isWideHeaderRow(row: Row): boolean {
  const fields = new Set(row.cells.map((c) => fieldOfHeader(labelKey(headerText(c)), PROJECT_HEADERS)));
  const others: ProjectField[] = ["budget", "executed", "rate", "goal", "achievement", "content", "problems"];
  return fields.has("name") && others.filter((f) => fields.has(f)).length >= 2;
}

/** Given a cell, return whether it reads as a header label: a field, a level, 其中 or a fund source. */
export function isHeaderLabel(text: string): boolean {
  const key = labelKey(headerText(text));
  if (key === "") return false;
  return (
    fieldOfHeader(key, PROJECT_HEADERS) !== null ||
    isLevel1Label(key) ||
    isLevel2Label(key) ||
    /^其中/.test(key) ||
    fundSourceOf(key) !== null
  );
}
