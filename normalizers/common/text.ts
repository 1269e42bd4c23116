// Cleaning of cell and block text shared by the normalizers.

const CJK = "\\u2e80-\\u2fdf\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef";
const CJK_GAP = new RegExp(`([${CJK}])\\s+(?=[${CJK}])`, "g");
const LINE_BREAK_AFTER_CJK = new RegExp(`([${CJK}])\\s*\\n\\s*`, "g");
const LINE_BREAK_BEFORE_CJK = new RegExp(`\\s*\\n\\s*(?=[${CJK}])`, "g");

/**
 * Given a pure function of a string, return it remembering its answers: every family and the form
 * reader clean and key the same cells of a document again, and a document holds a few thousand
 * distinct texts. The memory is dropped whole when it grows past `size` entries.
 */
export function remembered<T>(f: (text: string) => T, size = 20_000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text)!;
    if (known.size >= size) known.clear();
    const answer = f(text);
    known.set(text, answer);
    return answer;
  };
}

/**
 * Given a cell's text as extracted, return it as a reader would copy it: lines inside the cell
 * joined (nothing between CJK characters, a space between Latin words), spurious spaces between
 * CJK characters removed, other whitespace runs collapsed, trimmed.
 */
export function cleanText(text: string | null | undefined): string {
  return text ? cleanOnce(text) : "";
}

const cleanOnce = remembered((text) =>
  text
    .replace(/\r\n?/g, "\n")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(LINE_BREAK_AFTER_CJK, "$1")
    .replace(LINE_BREAK_BEFORE_CJK, "")
    .replace(/[ \t\u00a0]*\n[ \t\u00a0]*/g, " ")
    .replace(/[ \t\u00a0\u3000]+/g, " ")
    .replace(CJK_GAP, "$1")
    .trim(),
);

/** Given text, return it or null when it is empty after cleaning. */
export function textOrNull(text: string | null | undefined): string | null {
  const t = cleanText(text);
  return t === "" ? null : t;
}

/** Given text, return a compact form for matching labels: no whitespace, full-width folded, brackets unified. */
export function labelKey(text: string | null | undefined): string {
  return text ? labelKeyOnce(text) : "";
}

const labelKeyOnce = remembered((text) =>
  text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[（【〔［]/g, "(")
    .replace(/[）】〕］]/g, ")")
    .replace(/[：]/g, ":"),
);

/** Given a text such as "(2022年度)" or "2022年度部门整体…", return the fiscal year printed, if any. */
export function fiscalYearOf(text: string): number | null {
  const m = /((?:19|20)\d{2})\s*年度?/.exec(text.normalize("NFKC"));
  return m ? Number(m[1]) : null;
}

/** Given a conclusion such as "自评等级：优。…", return the grade printed in it. */
export function gradeOf(text: string | null): string | null {
  const m = /(?:自评等级|评价等级|等级)[:：]\s*(优秀|良好|合格|不合格|优|良|中|差)/.exec(cleanText(text));
  return m ? m[1]! : null;
}

/** A template's instruction left in a cell unfilled: "说明相关任务目标的完成情况(100字以内)". */
const INSTRUCTION = /[(（]\s*\d+\s*字以内\s*[)）][。.]?$/;

/** Given a cell's text, return it as a text field's value: null when blank or a template's unfilled instruction. */
export function filledTextOrNull(text: string | null | undefined): string | null {
  const value = textOrNull(text);
  return value !== null && INSTRUCTION.test(value) ? null : value;
}
