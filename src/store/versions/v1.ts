// Schema version 1: the tables of the model (docs/model.md describes the fields). Choices:
// - Plain tables, not STRICT ones: SQLite before 3.37 refuses to read a schema with STRICT
//   tables, and analysts open these files in whatever tool they have.
// - No CHECK over vocabularies (format, layout, fund_source, op): the model is validated with zod
//   before it is written, and a new layout or format must not need a table rebuild.
// - Every row of a document's parts carries report_id, document_id, ordinal (its position in the
//   model's array, 0-based) and its provenance (source_sha256, source_path; page where the model
//   has one), so a row read alone still points at its file.
// - A `Value` is flattened to four columns (raw, op, value, unit); the Value is null exactly when
//   raw is null.
//
// The literal SQL this version ran: never edited once released (a change is a new version).
export const V1_SQL = `
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
  
  source_sha256   TEXT NOT NULL,
  source_path     TEXT NOT NULL,
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
  
  source_sha256   TEXT NOT NULL,
  source_path     TEXT NOT NULL,
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
  
  source_sha256   TEXT NOT NULL,
  source_path     TEXT NOT NULL,
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
  criterion       TEXT,
  target_raw   TEXT,
  target_op    TEXT,
  target_value REAL,
  target_unit  TEXT,
  actual_raw   TEXT,
  actual_op    TEXT,
  actual_value REAL,
  actual_unit  TEXT,
  weight          REAL,
  score           REAL,
  summary         TEXT,
  deviation       TEXT,
  page            INTEGER,
  
  source_sha256   TEXT NOT NULL,
  source_path     TEXT NOT NULL,
  CHECK (target_raw IS NOT NULL OR (target_op IS NULL AND target_value IS NULL AND target_unit IS NULL)),
  CHECK (actual_raw IS NOT NULL OR (actual_op IS NULL AND actual_value IS NULL AND actual_unit IS NULL)),
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
  
  source_sha256   TEXT NOT NULL,
  source_path     TEXT NOT NULL,
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
  
  source_sha256   TEXT NOT NULL,
  source_path     TEXT NOT NULL,
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
  
  source_sha256   TEXT NOT NULL,
  source_path     TEXT NOT NULL,
  UNIQUE (document_id, ordinal)
);
`;
