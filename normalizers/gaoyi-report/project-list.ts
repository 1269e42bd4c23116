// Reading a list of projects attached to a narrative report (seed 004 (b), 分项绩效项目清单): 序号,
// 项目名称, a group of figure columns (预算数 / 执行数 / 结余数 / 得分) and a description. When rows
// print one figure fewer than the group has headers, the figures are read in header order with one
// header absent: 结余数 when the third figure is not 预算数 − 执行数 (seed 004: 99, 100, 93 where
// the balance would be 0), else 得分. A text cell after the figures is the description.
import type { Table } from "../../contracts/extraction.js";
import type { Project, Warning } from "../../contracts/model.js";
import { PROJECT_LIST_HEADERS, type ProjectListField } from "../common/headers.js";
import { provenanceOf, rowToColumnMap, tablesToRows, type Row } from "../common/rows.js";
import { isNullMarker, parseAmount, parseNumber, parseRate } from "../common/values.js";

type FigureField = "budget" | "executed" | "balance" | "rate" | "score";
const FIGURE_FIELDS: FigureField[] = ["budget", "executed", "balance", "rate", "score"];

/** Given a table, return the index of its header row naming 项目名称 (figure headers on it or the row below), or -1. */
export function projectListHeader(table: Table): number {
  const rows = tablesToRows([table]);
  return rows.findIndex((row, i) => {
    if (!rowToColumnMap(row, PROJECT_LIST_HEADERS).has("name")) return false;
    return rows.slice(i, i + 2).some((r) => {
      const map = rowToColumnMap(r, PROJECT_LIST_HEADERS);
      return map.has("budget") || map.has("executed");
    });
  });
}

interface Header {
  /** Figure fields in column order, with their columns. */
  figures: [FigureField, number][];
  seq: number;
  name: number;
}

/** Given the header rows, return the figure fields in column order and the columns of 序号 and 项目名称. */
function headerFields(rows: Row[]): Header {
  const columns = new Map<ProjectListField, number>();
  for (const row of rows)
    for (const [field, col] of rowToColumnMap(row, PROJECT_LIST_HEADERS))
      if (!columns.has(field)) columns.set(field, col);
  const figures = FIGURE_FIELDS.flatMap((f): [FigureField, number][] =>
    columns.has(f) ? [[f, columns.get(f)!]] : [],
  ).sort((a, b) => a[1] - b[1]);
  return { figures, seq: columns.get("seq") ?? 0, name: columns.get("name") ?? 1 };
}

const isFigureCell = (text: string) =>
  isNullMarker(text) ? text.trim() !== "" : parseNumber(text.replace(/%$/, "")) !== null;

interface DataRow {
  row: Row;
  seq: number | null;
  name: string;
  /** Figures by field once read. */
  values: Partial<Record<FigureField, string>>;
  texts: string[];
}

function rowToData(row: Row, header: Header): DataRow | null {
  const name = row.cells[header.name] ?? "";
  if (!name || isFigureCell(name)) return null;
  const seq = parseNumber(row.cells[header.seq] ?? "");
  const texts = row.cells.slice(header.name + 1).filter((c) => c !== "" && !isFigureCell(c));
  return { row, seq: seq !== null && Number.isInteger(seq) ? seq : null, name, values: {}, texts };
}

/** True when every row prints figures only under figure headers: the columns can be read as headed. */
function alignedWithHeader(data: DataRow[], header: Header): boolean {
  return data.every((d) =>
    header.figures.every(([, col]) => {
      const cell = d.row.cells[col] ?? "";
      return cell === "" || isFigureCell(cell);
    }),
  );
}

/** Given rows printing one figure fewer than the headers, return the header the rows leave out. */
function absentField(rows: string[][], figures: FigureField[]): FigureField {
  if (!figures.includes("balance") || !figures.includes("score")) return figures[figures.length - 1]!;
  const contradicts = rows.some((r) => {
    const [budget, executed, third] = r.map((f) => parseNumber(f));
    return budget != null && executed != null && third != null && Math.abs(budget - executed - third) > 1e-6;
  });
  return contradicts ? "balance" : "score";
}

/** Given rows whose figures do not stand under their headers, read them in order, one header left out if need be. */
function readInSequence(data: DataRow[], header: Header, warnings: Warning[], page: number | null): void {
  const figures = header.figures.map(([f]) => f);
  const printed = data.map((d) => d.row.cells.slice(header.name + 1).filter((c) => c !== "" && isFigureCell(c)));
  let fields = figures;
  if (Math.max(0, ...printed.map((p) => p.length)) === figures.length - 1) {
    const absent = absentField(printed, figures);
    fields = figures.filter((f) => f !== absent);
    warnings.push({
      code: "ambiguous-layout",
      message: `project list prints ${figures.length - 1} figures under ${figures.length} headers (${figures.join(", ")}): read without ${absent}`,
      page,
    });
  }
  data.forEach((d, i) => fields.forEach((f, k) => (d.values[f] = printed[i]![k])));
}

/** Given a project-list table, return its projects and the warnings of the readings made. */
export function tableToProjects(table: Table, warnings: Warning[]): Project[] {
  const rows = tablesToRows([table]);
  const at = projectListHeader(table);
  const firstData = rows.findIndex((r, i) => i > at && parseNumber(r.cells[0] ?? "") !== null);
  const bodyStart = firstData < 0 ? at + 1 : firstData;
  const header = headerFields(rows.slice(Math.max(0, at), bodyStart));
  const data = rows.slice(bodyStart).flatMap((r) => rowToData(r, header) ?? []);
  if (alignedWithHeader(data, header))
    data.forEach((d) => header.figures.forEach(([f, col]) => (d.values[f] = d.row.cells[col])));
  else readInSequence(data, header, warnings, table.rowPages[at] ?? null);
  return data.map(dataToProject);
}

function dataToProject(d: DataRow): Project {
  const text = (field: FigureField) => d.values[field] ?? "";
  return {
    seq: d.seq,
    name: d.name,
    category: null,
    budget: parseAmount(text("budget"), "万元"),
    executed: parseAmount(text("executed"), "万元"),
    balance: parseAmount(text("balance"), "万元"),
    rateReported: parseRate(text("rate")),
    score: parseNumber(text("score")),
    goal: null,
    achievement: d.texts.join("") || null,
    problems: null,
    remedy: null,
    provenance: provenanceOf(d.row),
  };
}
