// The database schema as an ordered list of migrations. The version a database is at lives in
// `PRAGMA user_version` (0 for a new file). Opening a database applies every migration above its
// version, each in its own transaction together with the new version number, so a failed
// migration leaves the database at the version before it.
//
// Version 1 is never edited once released: later versions add views (indicator history,
// execution-rate checks), normalized key columns (ALTER TABLE … ADD COLUMN) and FTS5 tables that
// index the rows below by their INTEGER PRIMARY KEY. A migration runs inside a transaction, so it
// may not change `PRAGMA foreign_keys` or `journal_mode`, nor VACUUM. What SQL cannot compute
// (NFKC keys) a migration does in its `run` step, inside the same transaction.
//
// Choices in version 1 (see ../../../shared/spec/canonical-model.md for the fields):
// - Plain tables, not STRICT ones: SQLite before 3.37 refuses to read a schema with STRICT
//   tables, and analysts open these files in whatever tool they have.
// - No CHECK over vocabularies (format, layout, fund_source, op): the model is validated with zod
//   before it is written, and a new layout or format must not need a table rebuild.
// - Every row of a document's parts carries report_id, document_id, ordinal (its position in the
//   model's array, 0-based) and its provenance (source_sha256, source_path; page where the model
//   has one), so a row read alone still points at its file.
// - A `Value` is flattened to four columns (raw, op, value, unit); the Value is null exactly when
//   raw is null.
import type Database from "better-sqlite3";
import { V4_SQL } from "./schema-v4.js";
import { V5_SQL } from "./schema-v5.js";
import { StoreError } from "./errors.js";
import { backfillKeys, V2_SQL } from "./schema-v2.js";
import { backfillProjectKeys, V3_SQL } from "./schema-v3.js";

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** A step SQL cannot do (SQLite has no NFKC), run after `sql` in the same transaction. */
  run?: (db: Database.Database) => void;
}

const PROVENANCE = `
  source_sha256   TEXT NOT NULL,
  source_path     TEXT NOT NULL`;

/** The four columns of a flattened Value. */
function valueColumns(prefix: string): string {
  return `
  ${prefix}_raw   TEXT,
  ${prefix}_op    TEXT,
  ${prefix}_value REAL,
  ${prefix}_unit  TEXT,`;
}

/** The table constraint of a flattened Value: op, value and unit need a raw text. */
function valueCheck(prefix: string): string {
  return `CHECK (${prefix}_raw IS NOT NULL OR (${prefix}_op IS NULL AND ${prefix}_value IS NULL AND ${prefix}_unit IS NULL))`;
}

const V1_INITIAL = `
CREATE TABLE documents (
  id              INTEGER PRIMARY KEY,
  sha256          TEXT NOT NULL UNIQUE,
  path            TEXT NOT NULL,
  size            INTEGER NOT NULL,
  model_schema    TEXT NOT NULL,          -- "jixiao/report@1"
  format          TEXT NOT NULL,
  text_layer      TEXT NOT NULL,
  pages           INTEGER,
  status          TEXT NOT NULL,          -- 'ok': reports found; 'no-layout': read, zero reports
  report_count    INTEGER NOT NULL,
  imported_at     TEXT NOT NULL,          -- ISO 8601, UTC
  jixiao_version  TEXT NOT NULL
);
CREATE INDEX documents_path ON documents (path);

CREATE TABLE reports (
  id              INTEGER PRIMARY KEY,
  document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal         INTEGER NOT NULL,
  kind            TEXT NOT NULL,
  layout          TEXT NOT NULL,
  title           TEXT,
  department      TEXT,
  fiscal_year     INTEGER,
  total_score     REAL,
  max_score       REAL,
  grade           TEXT,
  conclusion      TEXT,
  pages           TEXT NOT NULL CHECK (json_valid(pages)),   -- JSON array of 1-based pages
  ${PROVENANCE},
  UNIQUE (document_id, ordinal)
);
CREATE INDEX reports_department ON reports (department);
CREATE INDEX reports_fiscal_year ON reports (fiscal_year);

CREATE TABLE budget_lines (
  id              INTEGER PRIMARY KEY,
  report_id       INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal         INTEGER NOT NULL,
  fund_source     TEXT NOT NULL,
  fund_source_raw TEXT,
  unit            TEXT NOT NULL,
  unit_raw        TEXT,
  initial         REAL,
  adjustment      REAL,
  adjusted        REAL,
  executed        REAL,
  rate_reported   REAL,
  weight          REAL,
  score           REAL,
  deviation       TEXT,
  ${PROVENANCE},
  UNIQUE (report_id, ordinal)
);
CREATE INDEX budget_lines_document ON budget_lines (document_id);

CREATE TABLE goals (
  id              INTEGER PRIMARY KEY,
  report_id       INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal         INTEGER NOT NULL,
  seq             INTEGER,
  text            TEXT NOT NULL,
  actual          TEXT,
  deviation       TEXT,
  ${PROVENANCE},
  UNIQUE (report_id, ordinal)
);
CREATE INDEX goals_document ON goals (document_id);

CREATE TABLE indicators (
  id              INTEGER PRIMARY KEY,
  report_id       INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal         INTEGER NOT NULL,
  project         TEXT,
  goal_seq        INTEGER,
  level1          TEXT,
  level2          TEXT,
  level1_raw      TEXT,
  level2_raw      TEXT,
  name            TEXT NOT NULL,
  description     TEXT,
  criterion       TEXT,${valueColumns("target")}${valueColumns("actual")}
  weight          REAL,
  score           REAL,
  summary         TEXT,
  deviation       TEXT,
  page            INTEGER,
  ${PROVENANCE},
  ${valueCheck("target")},
  ${valueCheck("actual")},
  UNIQUE (report_id, ordinal)
);
CREATE INDEX indicators_document ON indicators (document_id);
CREATE INDEX indicators_name ON indicators (name);

CREATE TABLE projects (
  id              INTEGER PRIMARY KEY,
  report_id       INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal         INTEGER NOT NULL,
  seq             INTEGER,
  name            TEXT NOT NULL,
  category        TEXT,
  budget          REAL,
  executed        REAL,
  balance         REAL,
  rate_reported   REAL,
  score           REAL,
  goal            TEXT,
  achievement     TEXT,
  problems        TEXT,
  remedy          TEXT,
  ${PROVENANCE},
  UNIQUE (report_id, ordinal)
);
CREATE INDEX projects_document ON projects (document_id);
CREATE INDEX projects_name ON projects (name);

-- Warnings belong to the document, not to one report (canonical model: Document.warnings).
CREATE TABLE warnings (
  id              INTEGER PRIMARY KEY,
  document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal         INTEGER NOT NULL,
  code            TEXT NOT NULL,
  message         TEXT NOT NULL,
  page            INTEGER,
  ${PROVENANCE},
  UNIQUE (document_id, ordinal)
);
CREATE INDEX warnings_code ON warnings (code);

-- Files that could not be read at all: one row per path, the latest failure. Importing the same
-- path or the same bytes successfully deletes the row.
CREATE TABLE import_errors (
  id              INTEGER PRIMARY KEY,
  path            TEXT NOT NULL UNIQUE,
  sha256          TEXT,                   -- null when the file could not even be hashed
  reason          TEXT NOT NULL,          -- UnreadableReason of contracts/errors.ts
  detail          TEXT NOT NULL,
  at              TEXT NOT NULL,          -- ISO 8601, UTC, of the latest failure
  attempts        INTEGER NOT NULL DEFAULT 1,
  jixiao_version  TEXT NOT NULL
);
CREATE INDEX import_errors_sha256 ON import_errors (sha256);

-- What the extractor read, for every document, so a person can look where no layout matched.
-- rows_json is the text grid (covered cells ""); cells_json and row_pages_json keep the spans,
-- boxes and pages so the extraction's Table comes back whole.
CREATE TABLE raw_tables (
  id              INTEGER PRIMARY KEY,
  document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal         INTEGER NOT NULL,
  table_index     INTEGER NOT NULL,
  method          TEXT NOT NULL,
  first_page      INTEGER,
  last_page       INTEGER,
  pages           TEXT NOT NULL CHECK (json_valid(pages)),
  rows_json       TEXT NOT NULL CHECK (json_valid(rows_json)),
  cells_json      TEXT NOT NULL CHECK (json_valid(cells_json)),
  row_pages_json  TEXT NOT NULL CHECK (json_valid(row_pages_json)),
  ${PROVENANCE},
  UNIQUE (document_id, ordinal)
);
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: "initial schema", sql: V1_INITIAL },
  // Keys for history across years, checks views and full-text search: schema-v2.ts, views-v2.ts.
  { version: 2, name: "history keys, checks views and full-text search", sql: V2_SQL, run: backfillKeys },
  // Indicator extras, project keys and the targets_vs_results view: schema-v3.ts.
  { version: 3, name: "indicator extras, project keys and declared targets against results", sql: V3_SQL, run: backfillProjectKeys },
  // Where each figure was printed, and the record each finding is about: schema-v4.ts.
  { version: 4, name: "provenance of figures and findings", sql: V4_SQL },
  // Findings that know what OCR read: 'verify' and 'total-unread', with the figures' confidence: schema-v5.ts.
  { version: 5, name: "findings that know what OCR read", sql: V5_SQL },
];

export const LATEST_VERSION = MIGRATIONS.length;

/** Given a database, return its schema version (`PRAGMA user_version`). */
export function schemaVersion(db: Database.Database): number {
  return Number(db.pragma("user_version", { simple: true }));
}

/** Given a database version, throw unless this program can read that version. */
export function assertReadable(file: string, version: number, latest: number = LATEST_VERSION): void {
  if (version > latest) {
    throw new StoreError(
      `${file}: database has schema version ${version}, newer than this jixiao understands (${latest}); upgrade jixiao to open it`,
    );
  }
  if (version < latest) {
    const what = version === 0 ? "is not a jixiao database (schema version 0)" : `has the older schema version ${version}`;
    throw new StoreError(`${file}: ${what}; open it for writing once (e.g. with \`jixiao import\`) to create or upgrade it`);
  }
}

/** Given a list of migrations, throw unless their versions run 1, 2, 3 … without gaps. */
function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`internal error: migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}

/**
 * Given an open, writable database, apply the migrations above its version, each in its own
 * immediate transaction (another process migrating at the same time waits, then finds the work
 * done). Return the versions before and after.
 */
export function migrate(
  db: Database.Database,
  file: string,
  migrations: readonly Migration[] = MIGRATIONS,
): { from: number; to: number } {
  assertOrdered(migrations);
  const latest = migrations.length;
  const from = schemaVersion(db);
  if (from > latest) assertReadable(file, from, latest);
  for (const migration of migrations.slice(from)) {
    const apply = db.transaction(() => {
      if (schemaVersion(db) >= migration.version) return;
      db.exec(migration.sql);
      migration.run?.(db);
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      apply.immediate();
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new StoreError(`${file}: cannot upgrade to schema version ${migration.version} (${migration.name}): ${why}`);
    }
  }
  return { from, to: schemaVersion(db) };
}
