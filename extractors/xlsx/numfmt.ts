// Number formats: a cell stores a number and a format code; a reader sees the code applied
// ("0.968" with "0.0%" reads "96.8%"). Format codes follow ECMA-376 Part 1 §18.8.31 (numFmts);
// the ids a workbook may use without declaring them are the built-in ones of §18.8.30, here as a
// Chinese (zh-CN) Excel shows them, since that is where these reports are written. Rendering a code
// is left to `numfmt`: sections, conditions, rounding, dates and elapsed time have a long tail.
import { format, isDateFormat, isValidFormat } from "numfmt";

/** Built-in number formats by id (§18.8.30), with the zh-CN variants for the locale-dependent ids. */
const BUILT_IN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  5: '"¥"#,##0;"¥"\\-#,##0',
  6: '"¥"#,##0;[Red]"¥"\\-#,##0',
  7: '"¥"#,##0.00;"¥"\\-#,##0.00',
  8: '"¥"#,##0.00;[Red]"¥"\\-#,##0.00',
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "yyyy/m/d", // "short date": the system's; zh-CN writes year first
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "yyyy/m/d h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: 'AM/PMh"时"mm"分"',
  35: 'AM/PMh"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  41: '_ * #,##0_ ;_ * \\-#,##0_ ;_ * "-"_ ;_ @_ ',
  42: '_ "¥"* #,##0_ ;_ "¥"* \\-#,##0_ ;_ "¥"* "-"_ ;_ @_ ',
  43: '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ',
  44: '_ "¥"* #,##0.00_ ;_ "¥"* \\-#,##0.00_ ;_ "¥"* "-"??_ ;_ @_ ',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: 'AM/PMh"时"mm"分"',
  56: 'AM/PMh"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** Days between the 1900 and the 1904 date systems' epochs (§18.17.4.1). */
const DATE_1904_OFFSET = 1462;

/** Given a format id and the workbook's declared codes, return the format code (General for unknown ids). */
export function formatIdToCode(id: number, declared: ReadonlyMap<number, string>): string {
  return declared.get(id) ?? BUILT_IN[id] ?? "General";
}

/**
 * Given a format code as written in a workbook, return it as the formatter reads it. Chinese Excel
 * writes the AM/PM token as "上午/下午", which is the zh-CN rendering of AM/PM.
 */
function codeToPattern(code: string): string {
  return code.replace(/上午\/下午/g, "AM/PM");
}

/** Given a stored number, its format code and the workbook's date system, return the text a reader sees. */
export function numberToShownText(value: number, code: string, date1904 = false): string {
  if (!Number.isFinite(value)) return String(value);
  let pattern = codeToPattern(code);
  if (pattern === "@" || !isValidFormat(pattern)) pattern = "General";
  const serial = date1904 && isDateFormat(pattern) ? value + DATE_1904_OFFSET : value;
  // Padding (`_x`) and fill (`*x`) only align a cell's content within its column: not text a reader copies.
  return format(pattern, serial, { locale: "zh-CN", throws: false, nbsp: false }).trim();
}
