// The PostgreSQL schema: the same migrations, numbered as in SQLite (../migrations.ts), their SQL
// translated by dialect.ts. SQLite keeps its version in `PRAGMA user_version`; PostgreSQL in the
// one-row table `jixiao_schema`. Each migration runs in its own transaction with the new version,
// under a transaction-level advisory lock, so workers starting together migrate once.
//
// Full-text search: SQLite's FTS5 table `search_index` has no PostgreSQL counterpart; pg_trgm's
// GIN indexes on the searched columns serve `LIKE '%…%'` over the `search_texts` view, which both
// databases share.
import type { PoolClient } from "pg";
import { departmentKey, nameKey, projectKey } from "../keys.js";
import { V1_SQL } from "../versions/v1.js";
import { V2_SQL } from "../versions/v2.js";
import { V3_SQL } from "../versions/v3.js";
import { V4_SQL } from "../versions/v4.js";
import { V5_SQL } from "../versions/v5.js";
import { V6_SQL } from "../versions/v6.js";
import { PG_FUNCTIONS, PG_JSON_FUNCTIONS, sqliteToPostgres, withoutFts5 } from "./dialect.js";

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
  /** What SQL cannot compute (the NFKC keys of keys.ts), run after `sql` in the same transaction. */
  run?: (client: PoolClient) => Promise<void>;
}

/** The columns `search_texts` reads (versions/v2.ts), each given a trigram index for LIKE '%…%'. */
const SEARCHED_COLUMNS = [
  ["indicators", "name"],
  ["indicators", "deviation"],
  ["goals", "text"],
  ["goals", "deviation"],
  ["budget_lines", "deviation"],
  ["projects", "goal"],
] as const;

const TRIGRAM_INDEXES = `CREATE EXTENSION IF NOT EXISTS pg_trgm;\n${SEARCHED_COLUMNS.map(
  ([table, column]) => `CREATE INDEX ${table}_${column}_trgm ON ${table} USING gin (${column} gin_trgm_ops);`,
).join("\n")}`;

/** Given a table, a key column, its source column and the key function, fill the key of every row. */
function backfill(table: string, key: string, source: string, toKey: (text: string) => string | null) {
  return async (client: PoolClient): Promise<void> => {
    const { rows } = await client.query<{ id: number; text: string | null }>(
      `SELECT id, ${source} AS text FROM ${table} WHERE ${source} IS NOT NULL`,
    );
    if (rows.length === 0) return;
    await client.query(
      `UPDATE ${table} SET ${key} = k.key FROM unnest($1::int[], $2::text[]) AS k (id, key) WHERE ${table}.id = k.id`,
      [rows.map((r) => r.id), rows.map((r) => toKey(r.text!))],
    );
  };
}

// Version 5's findings read the OCR confidence out of provenance JSON with SQLite's json_each and
// a numeric CAST that takes a figure's leading number. When version 5 was released the dialect
// had neither, so in PostgreSQL version 5 kept version 4's rules with the same columns
// (`ocr_confidence` null); version 6 brings the JSON functions and version 5's findings.
const V4_FINDINGS = V4_SQL.slice(
  V4_SQL.indexOf("CREATE VIEW findings AS\n") + "CREATE VIEW findings AS\n".length,
  V4_SQL.lastIndexOf(";"),
);
const V5_FINDINGS_WITHOUT_OCR = `DROP VIEW findings;
CREATE VIEW findings AS
SELECT v.*, CAST(NULL AS REAL) AS ocr_confidence FROM (${V4_FINDINGS}) AS v;`;

// The findings view has some fifty subplans: PostgreSQL's JIT compiles them for seconds (11 s on
// the fixtures) to run them for milliseconds. Off for the whole database, so analysts' psql gets
// it too, where the migrating role owns the database; jixiao's own connections turn it off anyway.
const JIT_OFF = `DO $$ BEGIN
  EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
EXCEPTION WHEN insufficient_privilege THEN NULL;
END $$;`;

export const PG_MIGRATIONS: readonly PgMigration[] = [
  { version: 1, name: "initial schema", sql: PG_FUNCTIONS + sqliteToPostgres(V1_SQL) },
  {
    version: 2,
    name: "history keys, checks views and full-text search",
    sql: `${sqliteToPostgres(withoutFts5(V2_SQL))}\n${TRIGRAM_INDEXES}`,
    run: async (client) => {
      await backfill("reports", "department_key", "department", departmentKey)(client);
      await backfill("indicators", "name_key", "name", nameKey)(client);
    },
  },
  {
    version: 3,
    name: "indicator extras, project keys and declared targets against results",
    sql: sqliteToPostgres(V3_SQL),
    run: backfill("indicators", "project_key", "project", projectKey),
  },
  { version: 4, name: "provenance of figures and findings", sql: sqliteToPostgres(V4_SQL) },
  { version: 5, name: "findings that know what OCR read", sql: sqliteToPostgres(V5_FINDINGS_WITHOUT_OCR) },
  {
    version: 6,
    name: "report-level extras",
    sql: `${PG_JSON_FUNCTIONS}\n${sqliteToPostgres(V6_SQL)}\n${sqliteToPostgres(V5_SQL)}\n${JIT_OFF}`,
  },
];
