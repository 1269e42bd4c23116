// Normalized keys that let one department's or one indicator's rows line up across years,
// although each year's table spells them a little differently: "天津市民政局（本级）" one year,
// "天津市民政局(本级)" or "天津市民政局 【本级】" the next. SQLite has no NFKC, so the keys are
// computed here, stored in `reports.department_key` and `indicators.name_key` (schema version 2)
// and filled on every write. Changing either function changes stored keys: it needs a migration
// that recomputes them (see migration 2's backfill in migrations.ts).

const OPENING_BRACKETS = /[([{（［｛【〔〖〘〚〈《「『⦅｟]/g;
const CLOSING_BRACKETS = /[)\]}）］｝】〕〗〙〛〉》」』⦆｠]/g;
const WHITESPACE = /(?:[\s\u200b\u200c\u2060\ufeff]|\u200d)+/gu;
const PUNCTUATION = /\p{P}+/gu;

/**
 * Given a text, return it folded for comparison: NFKC (full-width letters, digits and brackets
 * become half-width; Kangxi radicals become the unified ideographs), lower case, every bracket
 * pair written as "(" ")", and no whitespace at all (Chinese text has no word spaces; the spaces
 * in extracted text are layout gaps).
 */
export function foldText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(WHITESPACE, "")
    .replace(OPENING_BRACKETS, "(")
    .replace(CLOSING_BRACKETS, ")");
}

/** Given a department as printed, return its key: folded text, or null when there is none. */
export function departmentKey(department: string | null): string | null {
  if (department === null) return null;
  const key = foldText(department);
  return key === "" ? null : key;
}

/**
 * Given an indicator name as printed, return its key: folded text without any punctuation, so
 * "群众满意度（%）" and "群众满意度%" and "群众满意度" agree, as do names ending in "。" or "；".
 * A name made of punctuation only keeps its folded text rather than an empty key.
 */
export function nameKey(name: string): string {
  const folded = foldText(name);
  const bare = folded.replace(PUNCTUATION, "");
  return bare === "" ? folded : bare;
}

/**
 * Given a project name as printed, return its key (schema version 3): folded like an indicator
 * name, so a target declaration and a self-evaluation that spell the project a little differently
 * ("（二期）" / "(二期)") line up in `targets_vs_results`; null when there is no project.
 */
export function projectKey(project: string | null): string | null {
  if (project === null) return null;
  const key = nameKey(project);
  return key === "" ? null : key;
}
