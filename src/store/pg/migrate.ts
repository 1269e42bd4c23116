// Applying PG_MIGRATIONS: the version lives in the one-row table jixiao_schema (SQLite's
// `PRAGMA user_version`). Each migration and its version number commit together, under an
// advisory lock held to the end of the transaction, so processes starting at once migrate once.
import type { PoolClient } from "pg";
import { StoreError } from "../errors.js";
import { assertReadable } from "../migrations.js";
import { PG_MIGRATIONS, type PgMigration } from "./migrations.js";

const MIGRATION_LOCK = 0x6a697869; // any constant shared by every jixiao process

/** Given a connection, return the schema version of its database (0 for a database jixiao never opened). */
export async function pgSchemaVersion(client: PoolClient): Promise<number> {
  const exists = await client.query(
    "SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'jixiao_schema'",
  );
  if (exists.rowCount === 0) return 0;
  return (await client.query<{ version: number }>("SELECT version FROM jixiao_schema")).rows[0]?.version ?? 0;
}

/** Given a connection, apply the migrations above its database's version; return the versions before and after. */
export async function migratePg(
  client: PoolClient,
  location: string,
  migrations: readonly PgMigration[] = PG_MIGRATIONS,
): Promise<{ from: number; to: number }> {
  const from = await pgSchemaVersion(client);
  if (from > migrations.length) assertReadable(location, from, migrations.length);
  for (const migration of migrations.slice(from)) {
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      await client.query("CREATE TABLE IF NOT EXISTS jixiao_schema (version integer NOT NULL)");
      if ((await pgSchemaVersion(client)) < migration.version) {
        await client.query(migration.sql);
        await migration.run?.(client);
        await client.query("DELETE FROM jixiao_schema");
        await client.query("INSERT INTO jixiao_schema (version) VALUES ($1)", [migration.version]);
      }
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      const why = err instanceof Error ? err.message : String(err);
      throw new StoreError(
        `${location}: cannot upgrade to schema version ${migration.version} (${migration.name}): ${why}`,
      );
    }
  }
  return { from, to: await pgSchemaVersion(client) };
}
