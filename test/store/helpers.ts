// Shared by the store tests: temporary database files, the seed documents, small documents.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { afterEach } from "vitest";
import { validateDocument, type Document } from "../../contracts/model.js";
import { rowsToTable, type Table } from "../../contracts/extraction.js";

const folders: string[] = [];

/** A path for a database file in a fresh temporary folder, removed after the test. */
export function tempDbPath(name = "jixiao.db"): string {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-store-"));
  folders.push(dir);
  return join(dir, name);
}

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export const SEEDS_DIR = new URL("../data/seeds/expected/", import.meta.url);

/** Every seed's expected document, by file name. */
export function seedDocuments(): { name: string; doc: Document }[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((name) => ({ name, doc: validateDocument(JSON.parse(readFileSync(new URL(name, SEEDS_DIR), "utf8"))) }));
}

export const TABLE_NAMES = [
  "documents",
  "reports",
  "budget_lines",
  "goals",
  "indicators",
  "projects",
  "warnings",
  "raw_tables",
  "import_errors",
] as const;

/** Row counts of every store table. */
export function rowCounts(db: Database.Database): Record<string, number> {
  return Object.fromEntries(
    TABLE_NAMES.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]),
  );
}

/** A hex sha256-shaped identity made from a small number, for documents built in tests. */
export function fakeSha(n: number): string {
  return n.toString(16).padStart(64, "0");
}

/** A small valid document with one report and one indicator. */
export function smallDocument(sha256: string, path = "small.pdf"): Document {
  return {
    schema: "jixiao/report@1",
    source: { path, sha256, format: "pdf", textLayer: "native", pages: 2 },
    reports: [
      {
        kind: "department",
        layout: "tianjin",
        title: "整体支出绩效自评表",
        department: "天津市民政局",
        fiscalYear: 2022,
        totalScore: 96.5,
        maxScore: 100,
        grade: "优",
        budget: [],
        goals: [],
        indicators: [
          {
            project: null,
            goalSeq: 1,
            level1: "产出指标",
            level2: "数量指标",
            level1Raw: "产出指标",
            level2Raw: "数量指标",
            name: "救助人数",
            description: null,
            criterion: null,
            target: { raw: "≥15万人", op: ">=", value: 15, unit: "万人" },
            actual: { raw: "16万人", op: null, value: 16, unit: "万人" },
            weight: 5,
            score: 5,
            summary: null,
            deviation: null,
            page: 2,
          },
        ],
        projects: [],
        conclusion: null,
        pages: [1, 2],
      },
    ],
    warnings: [{ code: "source-inconsistent", message: "总分与得分之和不符", page: 2 }],
  };
}

/** Raw tables as an extractor of the given document would hand them over. */
export function smallRaw(): { tables: Table[] } {
  return {
    tables: [
      rowsToTable(
        [
          ["三级指标", "指标值"],
          ["救助人数", "≥15万人"],
        ],
        0,
        2,
      ),
    ],
  };
}
