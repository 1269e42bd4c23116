// Indicator headers printed over two or three rows (Guangdong's scoring tables: 一级指标 | 二级指标 |
// 三级指标 over 名称 | 权重(%) | 名称 | 权重(%) | 名称 | 权重(%)): each column's label is its parent's
// label joined to its own where its own is a bare sub-label (名称, 权重), so the vocabulary reads
// "三级指标名称" and "一级指标权重(%)" as it reads any one-row header.
import {
  fieldOfHeader,
  INDICATOR_EXTRA_HEADERS,
  INDICATOR_HEADERS,
  INDICATOR_UNIT_HEADERS,
} from "../common/headers.js";
import { rowToIndicatorColumns, type IndicatorColumns } from "./indicator-columns.js";
import type { Row } from "../common/rows.js";
import { labelKey } from "../common/text.js";

/** Sub-labels that only mean something under their parent's label. */
const SUB_LABEL = /^(名称|内容|权重|权重\(%\)|分值|分值\(分\)|指标值|值|标准|得分)$/;

/** Given header rows, top first, return one row whose labels join each column's parent and sub-label. */
function stackToRow(rows: Row[]): Row {
  const last = rows[rows.length - 1]!;
  const width = Math.max(...rows.map((r) => r.cells.length));
  const cells = Array.from({ length: width }, (_, c) => {
    const own = last.cells[c] ?? "";
    const above = rows
      .slice(0, -1)
      .map((r) => r.spanned?.[c] || r.cells[c] || leftOf(r, c))
      .filter((t) => t !== "");
    const parent = above[above.length - 1] ?? "";
    if (own === "")
      return (
        rows
          .slice(0, -1)
          .map((r) => r.cells[c] ?? "")
          .find((t) => t !== "") ?? ""
      );
    return SUB_LABEL.test(labelKey(own)) ? `${parent}${own}` : own;
  });
  return { ...last, cells, raw: cells };
}

/** Given a row without span information (a stream or OCR grid), return the nearest label left of a position. */
function leftOf(row: Row, col: number): string {
  for (let c = col; c >= 0; c--) if (row.cells[c]) return row.cells[c]!;
  return "";
}

/** Labels that only group the columns below them. */
const GROUP_LABEL = /^(评价指标|绩效指标|考核指标|评价内容|指标|年度绩效指标)$/;

/** Given a row, return whether every label in it is a header the vocabulary knows (a form's labelled fields are not). */
function isHeaderLike(row: Row): boolean {
  const vocabularies = [INDICATOR_HEADERS, INDICATOR_EXTRA_HEADERS, INDICATOR_UNIT_HEADERS];
  return row.cells.every((c) => {
    const key = labelKey(c);
    return c === "" || GROUP_LABEL.test(key) || vocabularies.some((v) => fieldOfHeader<string>(key, v) !== null);
  });
}

/** Given a row, return whether it holds a bare sub-label (the lower row of a stacked header). */
function holdsSubLabels(row: Row): boolean {
  return row.cells.some((c) => c !== "" && SUB_LABEL.test(labelKey(c)));
}

/** Given indicator columns, return how many columns they read. */
function columnCount(columns: IndicatorColumns): number {
  return columns.map.size + columns.extras.size + (columns.unit === null ? 0 : 1);
}

/**
 * Given a form's rows, return them with every stacked indicator header (two or three rows of
 * header words: the lowest holding sub-labels and no header alone, or a header alone to which the
 * rows above add columns) replaced by the one row it reads as.
 */
export function joinStackedHeaders(rows: Row[]): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const stack = [3, 2]
      .map((n) => rows.slice(i, i + n))
      .find((s) => {
        const lowest = s[s.length - 1];
        if (s.length < 2 || lowest === undefined || !s.slice(0, -1).every(isHeaderLike)) return false;
        const joined = rowToIndicatorColumns(stackToRow(s));
        if (joined === null) return false;
        // A lower row that is a header alone is joined when the rows above name more columns
        // (分值 | 得分 | 扣分理由 printed once, merged down beside 目标值 | 实际值 under 指标值).
        const alone = rowToIndicatorColumns(lowest);
        return alone === null ? holdsSubLabels(lowest) : columnCount(joined) > columnCount(alone);
      });
    if (!stack) {
      out.push(row);
      continue;
    }
    out.push(stackToRow(stack));
    i += stack.length - 1;
  }
  return out;
}
