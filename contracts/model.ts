// The canonical model (schema `jixiao/report@1`, described in docs/model.md) as zod
// schemas. Field names are a contract read by the evaluation tools: do not rename them.
// Every Document leaves the pipeline through `validateDocument`, before it is printed or stored.
import { z } from "zod";

export const SCHEMA_ID = "jixiao/report@1" as const;

export const FORMATS = ["pdf", "docx", "doc", "xlsx", "xls", "html"] as const;
export const TEXT_LAYERS = ["native", "ocr", "mixed"] as const;
export const FUND_SOURCES = ["total", "general_public", "government_fund", "state_capital", "fiscal", "other"] as const;
export const OPS = [">=", "<=", "=", ">", "<"] as const;

const num = z.number().finite();

export const ValueSchema = z.strictObject({
  raw: z.string(),
  op: z.enum(OPS).nullable(),
  value: num.nullable(),
  unit: z.string().nullable(),
});

/**
 * Where a record was printed (issue 9): the page, the table (index among the document's tables)
 * and the row within it, and the row's box in PDF points (origin top-left; OCR boxes mapped to the
 * page). DOCX rows have no box: their table and row locate them. Optional beyond the spec's fields.
 */
/**
 * What OCR read on a record's rows: the recognition confidence (0..1) of each figure (a cell
 * holding a digit), lowest first, and the lowest of them (of all read cells when none holds a
 * digit). Absent for text read from a text layer. The checks report a finding resting on a
 * figure below high confidence as "verify", never as an error (src/store/versions/v5.ts).
 */
export const OcrReadingSchema = z.strictObject({
  confidence: num.min(0).max(1),
  figures: z.array(z.strictObject({ text: z.string(), confidence: num.min(0).max(1) })),
});

export const ProvenanceSchema = z.strictObject({
  page: z.number().int().positive().nullable(),
  table: z.number().int().nonnegative().nullable(),
  row: z.number().int().nonnegative().nullable(),
  box: z.strictObject({ x0: num, y0: num, x1: num, y1: num }).nullable(),
  ocr: OcrReadingSchema.optional(),
});

export const BudgetLineSchema = z.strictObject({
  fundSource: z.enum(FUND_SOURCES),
  fundSourceRaw: z.string().nullable(),
  unit: z.literal("万元"),
  unitRaw: z.string().nullable(),
  initial: num.nullable(),
  adjustment: num.nullable(),
  adjusted: num.nullable(),
  executed: num.nullable(),
  rateReported: num.nullable(),
  weight: num.nullable(),
  score: num.nullable(),
  deviation: z.string().nullable(),
  provenance: ProvenanceSchema.optional(),
});

export const GoalSchema = z.strictObject({
  seq: z.number().int().nullable(),
  text: z.string(),
  actual: z.string().nullable(),
  deviation: z.string().nullable(),
});

export const IndicatorSchema = z.strictObject({
  project: z.string().nullable(),
  goalSeq: z.number().int().nullable(),
  level1: z.string().nullable(),
  level2: z.string().nullable(),
  level1Raw: z.string().nullable(),
  level2Raw: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  criterion: z.string().nullable(),
  target: ValueSchema.nullable(),
  actual: ValueSchema.nullable(),
  weight: num.nullable(),
  score: num.nullable(),
  summary: z.string().nullable(),
  deviation: z.string().nullable(),
  page: z.number().int().positive().nullable(),
  provenance: ProvenanceSchema.optional(),
  // Printed columns the model has no field for (指标性质, 调整指标值, 得分系数, 是否核心指标), keyed by
  // the vocabulary's name for the column (normalizers/common/headers.ts, docs/headers.md), each cell
  // as printed. Omitted when a row has none, so documents without such columns keep their fields.
  extra: z.record(z.string(), z.string()).optional(),
});

export const ProjectSchema = z.strictObject({
  seq: z.number().int().nullable(),
  name: z.string(),
  category: z.string().nullable(),
  budget: num.nullable(),
  executed: num.nullable(),
  balance: num.nullable(),
  rateReported: num.nullable(),
  score: num.nullable(),
  goal: z.string().nullable(),
  achievement: z.string().nullable(),
  problems: z.string().nullable(),
  remedy: z.string().nullable(),
  provenance: ProvenanceSchema.optional(),
});

export const WarningSchema = z.strictObject({
  code: z.string().min(1),
  message: z.string(),
  page: z.number().int().positive().nullable(),
});

export const ReportSchema = z.strictObject({
  kind: z.enum(["department", "project"]),
  layout: z.string().min(1),
  title: z.string().nullable(),
  department: z.string().nullable(),
  fiscalYear: z.number().int().nullable(),
  totalScore: num.nullable(),
  maxScore: num.nullable(),
  grade: z.string().nullable(),
  budget: z.array(BudgetLineSchema),
  goals: z.array(GoalSchema),
  indicators: z.array(IndicatorSchema),
  projects: z.array(ProjectSchema),
  conclusion: z.string().nullable(),
  pages: z.array(z.number().int().positive()),
  /** Where the total score (总分 / 自评得分) was printed; optional beyond the spec's fields. */
  totalScoreProvenance: ProvenanceSchema.optional(),
  // Printed key–value fields the model has no field for (联系人, 项目负责人, 项目属性, an 实施单位
  // other than the 主管部门 …), under their printed labels, each value as printed. Omitted when the
  // report has none.
  extra: z.record(z.string(), z.string()).optional(),
});

export const SourceSchema = z.strictObject({
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: z.enum(FORMATS),
  textLayer: z.enum(TEXT_LAYERS),
  pages: z.number().int().nonnegative().nullable(),
});

export const DocumentSchema = z.strictObject({
  schema: z.literal(SCHEMA_ID),
  source: SourceSchema,
  reports: z.array(ReportSchema),
  warnings: z.array(WarningSchema),
});

export type Value = z.infer<typeof ValueSchema>;
export type Provenance = z.infer<typeof ProvenanceSchema>;
export type OcrReading = z.infer<typeof OcrReadingSchema>;
export type BudgetLine = z.infer<typeof BudgetLineSchema>;
export type Goal = z.infer<typeof GoalSchema>;
export type Indicator = z.infer<typeof IndicatorSchema>;
export type Project = z.infer<typeof ProjectSchema>;
export type Warning = z.infer<typeof WarningSchema>;
export type Report = z.infer<typeof ReportSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Document = z.infer<typeof DocumentSchema>;
export type Format = (typeof FORMATS)[number];
export type TextLayer = (typeof TEXT_LAYERS)[number];
export type FundSource = (typeof FUND_SOURCES)[number];

/** Given a document built by the pipeline, return it unchanged or throw naming the first bad field. */
export function validateDocument(doc: unknown): Document {
  const parsed = DocumentSchema.safeParse(doc);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? issue.path.join(".") : "?";
  throw new Error(`internal error: document fails the canonical model at ${where}: ${issue?.message ?? "invalid"}`);
}

/** Given the parts a normalizer knows, return a Report with every other field empty. */
export function emptyReport(kind: Report["kind"], layout: string): Report {
  return {
    kind,
    layout,
    title: null,
    department: null,
    fiscalYear: null,
    totalScore: null,
    maxScore: null,
    grade: null,
    budget: [],
    goals: [],
    indicators: [],
    projects: [],
    conclusion: null,
    pages: [],
  };
}
