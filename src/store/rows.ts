// Mapping between the canonical model and table rows, both ways, without touching a database.
// Each table's column list is written once here; the INSERT statements are built from it, and
// the row types make the compiler check that every mapper fills every column.
import type {
  BudgetLine,
  Goal,
  Indicator,
  Project,
  Provenance,
  Report,
  Value,
  Warning,
} from "../../contracts/model.js";
import { tablePages, tableToRows, type Table } from "../../contracts/extraction.js";
import { departmentKey, nameKey, projectKey } from "./keys.js";

export type SqlValue = string | number | null;
export type Row<C extends readonly string[]> = { [K in C[number]]: SqlValue };

/** The document a row belongs to: its id and the provenance every row repeats. */
export interface DocContext {
  documentId: number;
  sha256: string;
  path: string;
}

const PROVENANCE = ["source_sha256", "source_path"] as const;
// department_key and name_key (schema version 2) and project_key (version 3) are derived from the
// model, never read back: keys.ts computes them on every write so rows line up across years.
// extra_json (version 3) is `Indicator.extra` as JSON, read back into it.
const PART_KEYS = ["report_id", "document_id", "ordinal"] as const;

export const REPORT_COLUMNS = [
  "document_id",
  "ordinal",
  "kind",
  "layout",
  "title",
  "department",
  "fiscal_year",
  "total_score",
  "max_score",
  "grade",
  "conclusion",
  "pages",
  ...PROVENANCE,
  "department_key",
  "total_provenance_json",
  "extra_json",
] as const;
export const BUDGET_COLUMNS = [
  ...PART_KEYS,
  "fund_source",
  "fund_source_raw",
  "unit",
  "unit_raw",
  "initial",
  "adjustment",
  "adjusted",
  "executed",
  "rate_reported",
  "weight",
  "score",
  "deviation",
  ...PROVENANCE,
  "provenance_json",
] as const;
export const GOAL_COLUMNS = [...PART_KEYS, "seq", "text", "actual", "deviation", ...PROVENANCE] as const;
export const INDICATOR_COLUMNS = [
  ...PART_KEYS,
  "project",
  "goal_seq",
  "level1",
  "level2",
  "level1_raw",
  "level2_raw",
  "name",
  "description",
  "criterion",
  "target_raw",
  "target_op",
  "target_value",
  "target_unit",
  "actual_raw",
  "actual_op",
  "actual_value",
  "actual_unit",
  "weight",
  "score",
  "summary",
  "deviation",
  "page",
  ...PROVENANCE,
  "name_key",
  "extra_json",
  "project_key",
  "provenance_json",
] as const;
export const PROJECT_COLUMNS = [
  ...PART_KEYS,
  "seq",
  "name",
  "category",
  "budget",
  "executed",
  "balance",
  "rate_reported",
  "score",
  "goal",
  "achievement",
  "problems",
  "remedy",
  ...PROVENANCE,
  "provenance_json",
] as const;
export const WARNING_COLUMNS = ["document_id", "ordinal", "code", "message", "page", ...PROVENANCE] as const;
export const RAW_TABLE_COLUMNS = [
  "document_id",
  "ordinal",
  "table_index",
  "method",
  "first_page",
  "last_page",
  "pages",
  "rows_json",
  "cells_json",
  "row_pages_json",
  ...PROVENANCE,
] as const;

export type ReportRow = Row<typeof REPORT_COLUMNS>;
export type BudgetRow = Row<typeof BUDGET_COLUMNS>;
export type GoalRow = Row<typeof GOAL_COLUMNS>;
export type IndicatorRow = Row<typeof INDICATOR_COLUMNS>;
export type ProjectRow = Row<typeof PROJECT_COLUMNS>;
export type WarningRow = Row<typeof WARNING_COLUMNS>;
export type RawTableRow = Row<typeof RAW_TABLE_COLUMNS>;

/** Given a table name and its columns, return an INSERT with one named parameter per column. */
export function insertSql(table: string, columns: readonly string[]): string {
  return `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((c) => "@" + c).join(", ")})`;
}

// The mappers spell every key out: object spreads in these literals made V8 build rows about 300
// times slower (30 µs instead of 0.1 µs per row of seed 000's indicators), more than the INSERTs.

export function reportToRow(r: Report, ctx: DocContext, ordinal: number): ReportRow {
  return {
    document_id: ctx.documentId,
    ordinal,
    kind: r.kind,
    layout: r.layout,
    title: r.title,
    department: r.department,
    fiscal_year: r.fiscalYear,
    total_score: r.totalScore,
    max_score: r.maxScore,
    grade: r.grade,
    conclusion: r.conclusion,
    pages: JSON.stringify(r.pages),
    source_sha256: ctx.sha256,
    source_path: ctx.path,
    department_key: departmentKey(r.department),
    total_provenance_json: provenanceJson(r.totalScoreProvenance),
    extra_json: extraJson(r.extra),
  };
}

export function budgetToRow(b: BudgetLine, ctx: DocContext, reportId: number, ordinal: number): BudgetRow {
  return {
    report_id: reportId,
    document_id: ctx.documentId,
    ordinal,
    fund_source: b.fundSource,
    fund_source_raw: b.fundSourceRaw,
    unit: b.unit,
    unit_raw: b.unitRaw,
    initial: b.initial,
    adjustment: b.adjustment,
    adjusted: b.adjusted,
    executed: b.executed,
    rate_reported: b.rateReported,
    weight: b.weight,
    score: b.score,
    deviation: b.deviation,
    source_sha256: ctx.sha256,
    source_path: ctx.path,
    provenance_json: provenanceJson(b.provenance),
  };
}

export function goalToRow(g: Goal, ctx: DocContext, reportId: number, ordinal: number): GoalRow {
  return {
    report_id: reportId,
    document_id: ctx.documentId,
    ordinal,
    seq: g.seq,
    text: g.text,
    actual: g.actual,
    deviation: g.deviation,
    source_sha256: ctx.sha256,
    source_path: ctx.path,
  };
}

export function indicatorToRow(i: Indicator, ctx: DocContext, reportId: number, ordinal: number): IndicatorRow {
  return {
    report_id: reportId,
    document_id: ctx.documentId,
    ordinal,
    project: i.project,
    goal_seq: i.goalSeq,
    level1: i.level1,
    level2: i.level2,
    level1_raw: i.level1Raw,
    level2_raw: i.level2Raw,
    name: i.name,
    description: i.description,
    criterion: i.criterion,
    target_raw: i.target?.raw ?? null,
    target_op: i.target?.op ?? null,
    target_value: i.target?.value ?? null,
    target_unit: i.target?.unit ?? null,
    actual_raw: i.actual?.raw ?? null,
    actual_op: i.actual?.op ?? null,
    actual_value: i.actual?.value ?? null,
    actual_unit: i.actual?.unit ?? null,
    weight: i.weight,
    score: i.score,
    summary: i.summary,
    deviation: i.deviation,
    page: i.page,
    source_sha256: ctx.sha256,
    source_path: ctx.path,
    name_key: nameKey(i.name),
    extra_json: extraJson(i.extra),
    project_key: projectKey(i.project),
    provenance_json: provenanceJson(i.provenance),
  };
}

export function projectToRow(p: Project, ctx: DocContext, reportId: number, ordinal: number): ProjectRow {
  return {
    report_id: reportId,
    document_id: ctx.documentId,
    ordinal,
    seq: p.seq,
    name: p.name,
    category: p.category,
    budget: p.budget,
    executed: p.executed,
    balance: p.balance,
    rate_reported: p.rateReported,
    score: p.score,
    goal: p.goal,
    achievement: p.achievement,
    problems: p.problems,
    remedy: p.remedy,
    source_sha256: ctx.sha256,
    source_path: ctx.path,
    provenance_json: provenanceJson(p.provenance),
  };
}

export function warningToRow(w: Warning, ctx: DocContext, ordinal: number): WarningRow {
  return {
    document_id: ctx.documentId,
    ordinal,
    code: w.code,
    message: w.message,
    page: w.page,
    source_sha256: ctx.sha256,
    source_path: ctx.path,
  };
}

export function rawTableToRow(t: Table, ctx: DocContext, ordinal: number): RawTableRow {
  const pages = tablePages(t);
  return {
    document_id: ctx.documentId,
    ordinal,
    table_index: t.index,
    method: t.method,
    first_page: pages[0] ?? null,
    last_page: pages[pages.length - 1] ?? null,
    pages: JSON.stringify(pages),
    rows_json: JSON.stringify(tableToRows(t)),
    cells_json: JSON.stringify(t.rows),
    row_pages_json: JSON.stringify(t.rowPages),
    source_sha256: ctx.sha256,
    source_path: ctx.path,
  };
}

// provenance_json (schema version 4) is the model's optional `provenance`, absent when the model has none.
function provenanceJson(p: Provenance | undefined): string | null {
  return p ? JSON.stringify(p) : null;
}

// extra_json (indicators: version 3; reports: version 6) is the model's optional `extra`, NULL when it has no key.
function extraJson(extra: Record<string, string> | undefined): string | null {
  return extra && Object.keys(extra).length > 0 ? JSON.stringify(extra) : null;
}

/** Given an extra_json column, return `{ extra }`, or nothing when the column is null (the key stays absent). */
function extraField(json: SqlValue | undefined): { extra?: Record<string, string> } {
  return json === null || json === undefined ? {} : { extra: JSON.parse(str(json)) as Record<string, string> };
}

/** Given a JSON column, return `{ [key]: provenance }`, or nothing when the column is null (the key stays absent). */
function provenanceField<K extends string>(key: K, json: SqlValue | undefined): { [k in K]?: Provenance } {
  return json === null || json === undefined
    ? {}
    : ({ [key]: JSON.parse(str(json)) as Provenance } as { [k in K]?: Provenance });
}

// Reading back. Column types are the ones written above; a value of another type means the
// file was edited by hand, and the final DocumentSchema check names the field.

function str(v: SqlValue): string {
  return v as string;
}
function strOrNull(v: SqlValue): string | null {
  return v as string | null;
}
function numOrNull(v: SqlValue): number | null {
  return v as number | null;
}

/** Given the four columns of a flattened Value, return the Value, or null where raw is null. */
function columnsToValue(raw: SqlValue, op: SqlValue, value: SqlValue, unit: SqlValue): Value | null {
  if (raw === null) return null;
  return { raw: str(raw), op: op as Value["op"], value: numOrNull(value), unit: strOrNull(unit) };
}

/** Given a report row and its parts, return the Report in the model's field order. */
export function rowToReport(
  r: ReportRow,
  parts: { budget: BudgetLine[]; goals: Goal[]; indicators: Indicator[]; projects: Project[] },
): Report {
  return {
    kind: r.kind as Report["kind"],
    layout: str(r.layout),
    title: strOrNull(r.title),
    department: strOrNull(r.department),
    fiscalYear: numOrNull(r.fiscal_year),
    totalScore: numOrNull(r.total_score),
    maxScore: numOrNull(r.max_score),
    grade: strOrNull(r.grade),
    budget: parts.budget,
    goals: parts.goals,
    indicators: parts.indicators,
    projects: parts.projects,
    conclusion: strOrNull(r.conclusion),
    pages: JSON.parse(str(r.pages)) as number[],
    ...provenanceField("totalScoreProvenance", r.total_provenance_json),
    ...extraField(r.extra_json),
  };
}

export function rowToBudget(b: BudgetRow): BudgetLine {
  return {
    fundSource: b.fund_source as BudgetLine["fundSource"],
    fundSourceRaw: strOrNull(b.fund_source_raw),
    unit: b.unit as BudgetLine["unit"],
    unitRaw: strOrNull(b.unit_raw),
    initial: numOrNull(b.initial),
    adjustment: numOrNull(b.adjustment),
    adjusted: numOrNull(b.adjusted),
    executed: numOrNull(b.executed),
    rateReported: numOrNull(b.rate_reported),
    weight: numOrNull(b.weight),
    score: numOrNull(b.score),
    deviation: strOrNull(b.deviation),
    ...provenanceField("provenance", b.provenance_json),
  };
}

export function rowToGoal(g: GoalRow): Goal {
  return { seq: numOrNull(g.seq), text: str(g.text), actual: strOrNull(g.actual), deviation: strOrNull(g.deviation) };
}

export function rowToIndicator(i: IndicatorRow): Indicator {
  const indicator: Indicator = {
    project: strOrNull(i.project),
    goalSeq: numOrNull(i.goal_seq),
    level1: strOrNull(i.level1),
    level2: strOrNull(i.level2),
    level1Raw: strOrNull(i.level1_raw),
    level2Raw: strOrNull(i.level2_raw),
    name: str(i.name),
    description: strOrNull(i.description),
    criterion: strOrNull(i.criterion),
    target: columnsToValue(i.target_raw, i.target_op, i.target_value, i.target_unit),
    actual: columnsToValue(i.actual_raw, i.actual_op, i.actual_value, i.actual_unit),
    weight: numOrNull(i.weight),
    score: numOrNull(i.score),
    summary: strOrNull(i.summary),
    deviation: strOrNull(i.deviation),
    page: numOrNull(i.page),
    ...provenanceField("provenance", i.provenance_json),
  };
  // Schema version 3: an indicator without extras has no `extra` key at all (model.ts).
  if (i.extra_json !== null && i.extra_json !== undefined)
    indicator.extra = JSON.parse(str(i.extra_json)) as Record<string, string>;
  return indicator;
}

export function rowToProject(p: ProjectRow): Project {
  return {
    seq: numOrNull(p.seq),
    name: str(p.name),
    category: strOrNull(p.category),
    budget: numOrNull(p.budget),
    executed: numOrNull(p.executed),
    balance: numOrNull(p.balance),
    rateReported: numOrNull(p.rate_reported),
    score: numOrNull(p.score),
    goal: strOrNull(p.goal),
    achievement: strOrNull(p.achievement),
    problems: strOrNull(p.problems),
    remedy: strOrNull(p.remedy),
    ...provenanceField("provenance", p.provenance_json),
  };
}

export function rowToWarning(w: WarningRow): Warning {
  return { code: str(w.code), message: str(w.message), page: numOrNull(w.page) };
}

export function rowToRawTable(t: RawTableRow): Table {
  return {
    index: t.table_index as number,
    rows: JSON.parse(str(t.cells_json)) as Table["rows"],
    rowPages: JSON.parse(str(t.row_pages_json)) as Table["rowPages"],
    method: t.method as Table["method"],
  };
}
