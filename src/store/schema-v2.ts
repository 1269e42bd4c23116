// Schema version 2: keys for history across years, indexes for the analysts' queries, full-text
// search, and the checks views (views-v2.ts). Like version 1, this text is frozen once released:
// a later change to a view is a new migration that drops and re-creates it.
//
// Full-text search (FIELD-NOTES, SQLite): one FTS5 table, `search_index`, with the trigram
// tokenizer (Chinese has no word breaks; trigrams match any substring of 3 or more characters).
// It holds its own copy of the texts and is kept in step by triggers on the base tables, rather
// than being an external-content table: the texts come from five columns of four tables
// (indicator names and deviations, goal texts and deviations, budget-line deviations, project
// goals), and an external-content table reads from one table or view whose rowids it shares and
// needs the old values handed back on every delete. Triggers keep it right for every writer (the
// importer, hand-written SQL, the benchmark's plain INSERTs) and any FTS5-aware tool can search it
// without our code. The copy costs a few hundred bytes per indicator.
//
// Each text's rowid in search_index is its base row's id × 8 + a code naming the column, so a
// delete or update finds its rows by rowid without scanning:
//   1 indicator name, 2 indicator deviation, 3 goal text, 4 goal deviation,
//   5 budget-line deviation, 6 project goal (年初绩效目标).
// `search_texts` is the same texts read straight from the base tables: the migration fills the
// index from it, and `jixiao search` falls back to LIKE on it for queries under 3 characters,
// which trigrams cannot match.
import type Database from "better-sqlite3";
import { departmentKey, nameKey } from "./keys.js";
import { V2_VIEWS } from "./views-v2.js";

interface SearchSource {
  table: string;
  code: number;
  kind: "indicator" | "goal" | "deviation";
  column: string;
  /** The page column of the base table, or null where the model has none for that row. */
  page: string | null;
}

export const SEARCH_SOURCES: readonly SearchSource[] = [
  { table: "indicators", code: 1, kind: "indicator", column: "name", page: "page" },
  { table: "indicators", code: 2, kind: "deviation", column: "deviation", page: "page" },
  { table: "goals", code: 3, kind: "goal", column: "text", page: null },
  { table: "goals", code: 4, kind: "deviation", column: "deviation", page: null },
  { table: "budget_lines", code: 5, kind: "deviation", column: "deviation", page: null },
  { table: "projects", code: 6, kind: "goal", column: "goal", page: null },
];

/** Given a row alias ("new", "old" or a table), return the SELECT of one source's text. */
function sourceSelect(s: SearchSource, row: string, from: string): string {
  return `SELECT ${row}.id * 8 + ${s.code}, '${s.kind}', ${row}.${s.column}, ${row}.report_id, ` +
    `${s.page === null ? "NULL" : `${row}.${s.page}`}${from} WHERE ${row}.${s.column} IS NOT NULL`;
}

/** Given a table, return the triggers that keep search_index in step with its rows. */
function searchTriggers(table: string): string {
  const sources = SEARCH_SOURCES.filter((s) => s.table === table);
  const rowids = (row: string) => sources.map((s) => `${row}.id * 8 + ${s.code}`).join(", ");
  const inserts = sources
    .map((s) => `  INSERT INTO search_index (rowid, kind, text, report_id, page) ${sourceSelect(s, "new", "")};`)
    .join("\n");
  const watched = [...new Set(["id", "report_id", ...sources.flatMap((s) => (s.page ? [s.column, s.page] : [s.column]))])];
  return `
CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} BEGIN
${inserts}
END;
CREATE TRIGGER ${table}_search_delete AFTER DELETE ON ${table} BEGIN
  DELETE FROM search_index WHERE rowid IN (${rowids("old")});
END;
CREATE TRIGGER ${table}_search_update AFTER UPDATE OF ${watched.join(", ")} ON ${table} BEGIN
  DELETE FROM search_index WHERE rowid IN (${rowids("old")});
${inserts}
END;`;
}

export const SEARCH_TEXTS = `
CREATE VIEW search_texts (search_rowid, kind, text, report_id, page) AS
${SEARCH_SOURCES.map((s) => sourceSelect(s, s.table, ` FROM ${s.table}`)).join("\nUNION ALL\n")};`;

export const V2_KEYS = `
ALTER TABLE reports ADD COLUMN department_key TEXT;
ALTER TABLE indicators ADD COLUMN name_key TEXT;

-- The history of one indicator: the reports of a department (by key, year order), then the
-- indicator of each report by key. (name_key, report_id) also serves "this indicator everywhere".
CREATE INDEX reports_department_key ON reports (department_key, fiscal_year);
CREATE INDEX indicators_name_key ON indicators (name_key, report_id);
`;

const V2_SCHEMA = `${V2_KEYS.slice(0, -1)}

CREATE VIRTUAL TABLE search_index USING fts5 (
  text, kind UNINDEXED, report_id UNINDEXED, page UNINDEXED, tokenize = 'trigram'
);
${SEARCH_TEXTS}
${[...new Set(SEARCH_SOURCES.map((s) => s.table))].map(searchTriggers).join("\n")}
INSERT INTO search_index (rowid, kind, text, report_id, page)
  SELECT search_rowid, kind, text, report_id, page FROM search_texts;
`;

export const V2_SQL = `${V2_SCHEMA}\n${V2_VIEWS}`;

const BATCH = 10_000;

/**
 * Given a database just brought to schema version 2, fill department_key and name_key of the rows
 * written before it (keys.ts; SQLite has no NFKC). Runs inside the migration's transaction.
 */
export function backfillKeys(db: Database.Database): void {
  const setDepartment = db.prepare("UPDATE reports SET department_key = ? WHERE id = ?");
  const reports = db.prepare("SELECT id, department FROM reports").all() as { id: number; department: string | null }[];
  for (const r of reports) setDepartment.run(departmentKey(r.department), r.id);
  const setName = db.prepare("UPDATE indicators SET name_key = ? WHERE id = ?");
  const next = db.prepare("SELECT id, name FROM indicators WHERE id > ? ORDER BY id LIMIT ?");
  // In batches by id: better-sqlite3 cannot run an UPDATE while a SELECT iterates.
  for (let after = 0; ; ) {
    const rows = next.all(after, BATCH) as { id: number; name: string }[];
    if (rows.length === 0) break;
    for (const row of rows) setName.run(nameKey(row.name), row.id);
    after = rows[rows.length - 1]!.id;
  }
}
