import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";
import {
  LATEST_VERSION,
  MIGRATIONS,
  migrate,
  schemaToSql,
  schemaVersion,
  type Migration,
} from "../../src/store/migrations.js";
import { openStore, StoreError } from "../../src/store/store.js";
import { REPO } from "../helpers.js";
import { TABLE_NAMES, tempDbPath } from "./helpers.js";

function tablesOf(db: Database.Database): string[] {
  return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
}

function rawDb(file: string, setup: string): void {
  const db = new Database(file);
  db.exec(setup);
  db.close();
}

const NEXT = LATEST_VERSION + 1;
const probe: Migration = {
  version: NEXT,
  name: "probe view",
  sql: "CREATE VIEW probe AS SELECT count(*) AS n FROM documents;",
};

describe("migrations", () => {
  test("give a fresh database the latest user_version and every table", () => {
    const store = openStore(tempDbPath());
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
    expect(schemaVersion(store.db)).toBe(LATEST_VERSION);
    // The full-text index (search_index and its shadow tables) is derived from the tables below.
    expect(tablesOf(store.db).filter((t) => !t.startsWith("search_index"))).toEqual([...TABLE_NAMES].sort());
    expect(tablesOf(store.db)).toContain("search_index");
    store.close();
  });

  test("upgrade a database at version 0 that already holds an unrelated table", () => {
    const file = tempDbPath();
    rawDb(file, "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('kept');");
    const store = openStore(file);
    expect(schemaVersion(store.db)).toBe(LATEST_VERSION);
    expect(store.db.prepare("SELECT t FROM notes").pluck().get()).toBe("kept");
    expect(store.listDocuments()).toEqual([]);
    store.close();
  });

  test("apply only the migrations above the database's version", () => {
    const store = openStore(tempDbPath());
    expect(migrate(store.db, store.file, [...MIGRATIONS, probe])).toEqual({ from: LATEST_VERSION, to: NEXT });
    expect(store.db.prepare("SELECT n FROM probe").pluck().get()).toBe(0);
    expect(migrate(store.db, store.file, [...MIGRATIONS, probe])).toEqual({ from: NEXT, to: NEXT });
    store.close();
  });

  test("leave the database at the version before a migration that fails, with none of its statements", () => {
    const store = openStore(tempDbPath());
    const broken: Migration = {
      version: NEXT,
      name: "broken",
      sql: "CREATE TABLE half (a); CREATE TABLE documents (a);",
    };
    expect(() => migrate(store.db, store.file, [...MIGRATIONS, broken])).toThrow(
      new StoreError(
        `${store.file}: cannot upgrade to schema version ${NEXT} (broken): table documents already exists`,
      ),
    );
    expect(schemaVersion(store.db)).toBe(LATEST_VERSION);
    expect(tablesOf(store.db)).not.toContain("half");
    store.close();
  });

  test("refuse a list whose versions do not run 1, 2, 3 without gaps", () => {
    const store = openStore(tempDbPath());
    expect(() => migrate(store.db, store.file, [...MIGRATIONS, { ...probe, version: NEXT + 1 }])).toThrow(
      `internal error: migration probe view has version ${NEXT + 1}, expected ${NEXT}`,
    );
    store.close();
  });

  test("refuse a database written by a newer version, naming both versions, for writing and reading", () => {
    const file = tempDbPath();
    openStore(file).close();
    rawDb(file, "PRAGMA user_version = 99;");
    const message = `${file}: database has schema version 99, newer than this jixiao understands (${LATEST_VERSION}); upgrade jixiao to open it`;
    expect(() => openStore(file)).toThrow(new StoreError(message));
    expect(() => openStore(file, { readonly: true })).toThrow(new StoreError(message));
    const db = new Database(file);
    expect(schemaVersion(db)).toBe(99);
    db.close();
  });

  test("refuse to read a database at an older version without upgrading it", () => {
    const file = tempDbPath();
    rawDb(file, "CREATE TABLE notes (t TEXT);");
    expect(() => openStore(file, { readonly: true })).toThrow(
      new StoreError(
        `${file}: is not a jixiao database (schema version 0); open it for writing once (e.g. with \`jixiao import\`) to create or upgrade it`,
      ),
    );
    const db = new Database(file);
    expect(tablesOf(db)).toEqual(["notes"]);
    db.close();
  });
});

describe("the frozen migrations and the current schema", () => {
  test("build exactly the schema of src/store/schema.sql, which re-creates itself when run", () => {
    const migrated = new Database(":memory:");
    migrate(migrated, ":memory:");
    const declared = readFileSync(join(REPO, "src/store/schema.sql"), "utf8");
    const fromFile = new Database(":memory:");
    fromFile.exec(declared);
    // A migration added without `npm run schema` fails here, naming the first object that differs.
    expect(schemaToSql(migrated)).toBe(schemaToSql(fromFile));
    expect(declared).toContain(schemaToSql(migrated));
  });

  test("keep each version's SQL as literal text, not built from code shared with later versions", () => {
    for (const m of MIGRATIONS) {
      const source = readFileSync(join(REPO, `src/store/versions/v${m.version}.ts`), "utf8");
      expect(source).toMatch(new RegExp(`export const V${m.version}_SQL = \``));
      expect(source).not.toMatch(/^import (?!type )(?!\{ \w+Key(, \w+Key)? \} from "\.\.\/keys\.js")/m);
      expect(source).not.toContain("${");
    }
  });
});
