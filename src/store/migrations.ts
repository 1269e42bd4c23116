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
// Each version is its literal SQL in versions/vN.ts; `schema.sql` beside this file is what all of
// them build together, and a test holds the two equal.
import type Database from "better-sqlite3";
import { StoreError } from "./errors.js";
import { V1_SQL } from "./versions/v1.js";
import { backfillKeys, V2_SQL } from "./versions/v2.js";
import { backfillProjectKeys, V3_SQL } from "./versions/v3.js";
import { V4_SQL } from "./versions/v4.js";
import { V5_SQL } from "./versions/v5.js";
import { V6_SQL } from "./versions/v6.js";

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** A step SQL cannot do (SQLite has no NFKC), run after `sql` in the same transaction. */
  run?: (db: Database.Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: "initial schema", sql: V1_SQL },
  { version: 2, name: "history keys, checks views and full-text search", sql: V2_SQL, run: backfillKeys },
  {
    version: 3,
    name: "indicator extras, project keys and declared targets against results",
    sql: V3_SQL,
    run: backfillProjectKeys,
  },
  { version: 4, name: "provenance of figures and findings", sql: V4_SQL },
  { version: 5, name: "findings that know what OCR read", sql: V5_SQL },
  { version: 6, name: "report-level extras", sql: V6_SQL },
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
    const what =
      version === 0 ? "is not a jixiao database (schema version 0)" : `has the older schema version ${version}`;
    throw new StoreError(
      `${file}: ${what}; open it for writing once (e.g. with \`jixiao import\`) to create or upgrade it`,
    );
  }
}

/** Given a list of migrations, throw unless their versions run 1, 2, 3 … without gaps. */
function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`internal error: migration ${m.name} has version ${m.version}, expected ${i + 1}`);
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
      throw new StoreError(
        `${file}: cannot upgrade to schema version ${migration.version} (${migration.name}): ${why}`,
      );
    }
  }
  return { from, to: schemaVersion(db) };
}

/**
 * Given a database, return its schema as SQL that re-creates it: every table, index, view and
 * trigger in the order it was created (FTS5's own shadow tables are made by its virtual table).
 */
export function schemaToSql(db: Database.Database): string {
  const rows = db
    .prepare("SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
    .all() as { name: string; sql: string }[];
  const shadows = new Set(rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql)).map((r) => r.name));
  const isShadow = (name: string) => [...shadows].some((v) => name.startsWith(`${v}_`));
  return rows
    .filter((r) => !isShadow(r.name))
    .map((r) => `${r.sql};\n`)
    .join("\n");
}
