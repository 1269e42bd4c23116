// The header vocabulary of headers.ts written out as markdown tables: the generated part of
// docs/headers.md, rewritten by `node --import tsx scripts/headers-doc.ts`. The test
// test/normalizers/variants.test.ts fails when the file and the vocabulary disagree.
import {
  BUDGET_HEADERS,
  DECLARED_AMOUNT_HEADERS,
  GOAL_HEADERS,
  INDICATOR_EXTRA_HEADERS,
  INDICATOR_HEADERS,
  INDICATOR_UNIT_HEADERS,
  PROJECT_HEADERS,
  PROJECT_LIST_HEADERS,
  REPORT_EXTRA_HEADERS,
  CLOSING_HEADERS,
  SHEET_HEAD_HEADERS,
  TASK_HEADERS,
  type Synonyms,
} from "../normalizers/common/headers.js";
import { FUND_SOURCE_PATTERNS, LEVEL1_LABELS, LEVEL2_VOCABULARY } from "../normalizers/common/vocabulary.js";

export const GENERATED_START = "<!-- generated from normalizers/common/headers.ts: do not edit by hand -->";
export const GENERATED_END = "<!-- end of generated part -->";

/** Given a pattern, return it as a reader would write the header: text, "…" for an open end, or the regex where it has alternatives. */
export function patternToText(pattern: RegExp): string {
  const source = pattern.source;
  const core = source.replace(/^\^/, "").replace(/\$$/, "");
  const literal = core.replace(/\\([()/.:])/g, "$1");
  const hasSyntax = /[?|*+[\]{}]/.test(core) || /(^|[^\\])[()]/.test(core);
  if (hasSyntax) return `\`/${source.replace(/\|/g, "\\|")}/\``;
  return `${source.startsWith("^") ? "" : "…"}${literal}${source.endsWith("$") ? "" : "…"}`;
}

interface Section {
  title: string;
  constant: string;
  note: string;
  vocabulary: Synonyms<string>[];
  target: (field: string) => string;
}

const SECTIONS: Section[] = [
  {
    title: "Indicator columns",
    constant: "INDICATOR_HEADERS",
    vocabulary: INDICATOR_HEADERS,
    note: "One column per model field of `Indicator`; the first field whose pattern matches a header takes its column.",
    target: (f) =>
      f === "target" || f === "actual" ? `\`Indicator.${f}\` (a Value: raw, op, value, unit)` : `\`Indicator.${f}\``,
  },
  {
    title: "Unit column",
    constant: "INDICATOR_UNIT_HEADERS",
    vocabulary: INDICATOR_UNIT_HEADERS,
    note: "A unit printed in its own column completes the target's and the actual's `unit` where the value cell prints a number without one; `raw` stays the value cell's text.",
    target: () => "`Indicator.target.unit`, `Indicator.actual.unit`",
  },
  {
    title: "Indicator extras",
    constant: "INDICATOR_EXTRA_HEADERS",
    vocabulary: INDICATOR_EXTRA_HEADERS,
    note: "Columns the model has no field for, kept as printed under the key named here (SQLite: `indicators.extra_json`).",
    target: (f) => `\`Indicator.extra["${f}"]\``,
  },
  {
    title: "Budget columns",
    constant: "BUDGET_HEADERS",
    vocabulary: BUDGET_HEADERS,
    note: "The header row of a budget block (预算执行情况, 项目资金); a row naming two amount columns or more is one.",
    target: (f) =>
      `\`BudgetLine.${({ fundSource: "fundSource / fundSourceRaw", rate: "rateReported" } as Record<string, string>)[f] ?? f}\``,
  },
  {
    title: "Goal columns",
    constant: "GOAL_HEADERS",
    vocabulary: GOAL_HEADERS,
    note: "The header row of the goals (年度绩效目标完成情况, 年度总体目标).",
    target: (f) => `\`Goal.${f}\``,
  },
  {
    title: "Sheet head labels",
    constant: "SHEET_HEAD_HEADERS",
    vocabulary: SHEET_HEAD_HEADERS,
    note: "Labels heading a project sheet or target declaration; each is followed in its row by its value.",
    target: (f) =>
      (
        ({
          project: "`Indicator.project` of every indicator, the report's `Project` record, kind `project`",
          department: "`Report.department`",
          implementer: "`Report.extra` 实施单位 when it differs from the department",
          unit: "`Report.department` where no 主管部门 is printed (kind `department` without 项目名称)",
        }) as Record<string, string>
      )[f] ?? f,
  },
  {
    title: "Report extras",
    constant: "REPORT_EXTRA_HEADERS",
    vocabulary: REPORT_EXTRA_HEADERS,
    note: "Labelled fields the model has no place for: kept in `Report.extra` under the key on the left, and never read as the department or the project.",
    target: (f) => `\`Report.extra\` ${f}`,
  },
  {
    title: "Closing texts",
    constant: "CLOSING_HEADERS",
    vocabulary: CLOSING_HEADERS,
    note: "Labelled texts printed under the grids, a label cell followed by its text.",
    target: (f) =>
      (
        ({
          conclusion: "`Report.conclusion`",
          problems: "`Project.problems` of a project report; `Report.extra` 存在问题 otherwise",
          remedy: "`Project.remedy` of a project report; `Report.extra` 改进措施 otherwise",
        }) as Record<string, string>
      )[f] ?? f,
  },
  {
    title: "Key tasks of a targets table",
    constant: "TASK_HEADERS",
    vocabulary: TASK_HEADERS,
    note: "Rows naming key tasks or projects with their money (年度重点工作任务): one `Project` record each.",
    target: (f) =>
      (
        ({
          name: "`Project.name`",
          content: "(read, not kept)",
          budget: "`Project.budget`",
          goal: "`Project.goal`",
        }) as Record<string, string>
      )[f] ?? f,
  },
  {
    title: "Declared amounts",
    constant: "DECLARED_AMOUNT_HEADERS",
    vocabulary: DECLARED_AMOUNT_HEADERS,
    note: "Label–amount pairs of a target declaration's 项目资金 block; the year's amounts become budget lines with `initial` set.",
    target: (f) =>
      (
        ({
          yearTotal: "`BudgetLine` total (`initial`)",
          projectTotal: "`BudgetLine` total when no year total is printed, else a warning if it differs",
          fiscal: "`BudgetLine` fiscal",
          carryOver: "a `not-represented` warning when not 0",
          other: "`BudgetLine` other",
        }) as Record<string, string>
      )[f] ?? f,
  },
  {
    title: "Project-wide columns",
    constant: "PROJECT_HEADERS",
    vocabulary: PROJECT_HEADERS,
    note: "One row per project (layout project-wide); indicator pairs are 年度指标内容 / 完成情况 columns.",
    target: (f) =>
      `\`Project.${({ rate: "rateReported", content: "→ Indicator.name", summary: "→ Indicator.summary", subtotal: "(合计 column of an amount group)" } as Record<string, string>)[f] ?? f}\``,
  },
  {
    title: "Project-list columns",
    constant: "PROJECT_LIST_HEADERS",
    vocabulary: PROJECT_LIST_HEADERS,
    note: "Project lists under a narrative report (分项绩效项目清单).",
    target: (f) => `\`Project.${f === "rate" ? "rateReported" : f}\``,
  },
];

/** Given a section, return its markdown: a heading, a note and one row per field. */
function sectionToMarkdown(section: Section): string {
  const rows = section.vocabulary.map(
    (s) => `| \`${s.field}\` | ${section.target(s.field)} | ${s.patterns.map(patternToText).join(", ")} |`,
  );
  return [
    `### ${section.title} (\`${section.constant}\`)`,
    "",
    section.note,
    "",
    "| field | model | printed headers |",
    "| --- | --- | --- |",
    ...rows,
  ].join("\n");
}

/** Return how many header synonyms the vocabulary holds (patterns over all its tables). */
export function synonymCount(): number {
  return SECTIONS.reduce((n, section) => n + section.vocabulary.reduce((m, s) => m + s.patterns.length, 0), 0);
}

/** Return the label vocabulary (levels, fund sources) as markdown tables. */
function labelsToMarkdown(): string {
  return [
    "### Level labels (`normalizers/common/vocabulary.ts`)",
    "",
    "A printed label is canonical when it spells one of these, completed (社会效益指 → 社会效益指标), with 类 or 目标 (产出类指标 → 产出指标); any other label stays in `level1Raw` / `level2Raw` only. A second-level label in a form's only level column is `level2`, under the first level named here.",
    "",
    `\`level1\`: ${LEVEL1_LABELS.join(", ")}.`,
    "",
    "| printed stem | `level2` | under `level1` |",
    "| --- | --- | --- |",
    ...LEVEL2_VOCABULARY.map(([stem, level2, level1]) => `| ${stem} | ${level2} | ${level1 ?? "—"} |`),
    "",
    "### Fund sources (`normalizers/common/vocabulary.ts`)",
    "",
    "Budget row labels, tried in order after 其中： and list numbering are removed.",
    "",
    "| printed label | `BudgetLine.fundSource` |",
    "| --- | --- |",
    ...FUND_SOURCE_PATTERNS.map(([pattern, source]) => `| ${patternToText(pattern)} | \`${source}\` |`),
  ].join("\n");
}

/** Return the generated part of docs/headers.md, markers included. */
export function vocabularyToMarkdown(): string {
  const count = `The header vocabulary holds ${synonymCount()} header synonyms in ${SECTIONS.length} tables.`;
  return [
    GENERATED_START,
    "",
    count,
    "",
    SECTIONS.map(sectionToMarkdown).join("\n\n"),
    "",
    labelsToMarkdown(),
    "",
    GENERATED_END,
  ].join("\n");
}

/** Given the text of docs/headers.md, return it with its generated part replaced by the vocabulary's. */
export function withGeneratedPart(doc: string): string {
  const start = doc.indexOf(GENERATED_START);
  const end = doc.indexOf(GENERATED_END);
  if (start < 0 || end < start) throw new Error("docs/headers.md has no generated part between its markers");
  return doc.slice(0, start) + vocabularyToMarkdown() + doc.slice(end + GENERATED_END.length);
}
