import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { DEFAULT_DB, parse, UsageError } from "./args.js";
import type { Command } from "./commands.js";
import { isPostgresUrl, openReader, QueryNotReadError, type QueryResult } from "../store/reader.js";
import { formatRows, type OutputFormat } from "./output.js";

const help = `usage: jixiao query SQL [--db FILE] [--format table|csv|json]

Runs one SQL statement on a read-only connection to the database and prints the rows. On
PostgreSQL the statement runs in a read-only transaction that is rolled back.

  --db FILE|URL   the database: a SQLite file (default ${DEFAULT_DB}) or a postgresql:// URL
  --format F      table (default), csv or json

example: jixiao query "SELECT department, fiscal_year, total_score FROM reports" --format csv`;

export const queryCommand: Command = {
  name: "query",
  help,
  async run(argv) {
    const { values, positionals } = parse(argv, { db: { type: "string" }, format: { type: "string" } });
    const [sql, ...extra] = positionals;
    if (!sql || extra.length) throw new UsageError("give exactly one SQL statement (quote it)");
    const format = (values.format ?? "table") as OutputFormat;
    if (!["table", "csv", "json"].includes(format)) throw new UsageError(`unknown --format ${format}`);
    try {
      const { columns, rows } = await runQuery(values.db ?? DEFAULT_DB, sql);
      process.stdout.write(formatRows(columns, rows, format));
    } catch (err) {
      throw err instanceof QueryNotReadError ? new UsageError(err.message) : err;
    }
    return 0;
  },
};

/** Given a `--db` value and one statement, run it read-only and return its columns and rows. */
async function runQuery(file: string, sql: string): Promise<QueryResult> {
  if (isPostgresUrl(file)) {
    const reader = await openReader(file);
    try {
      return await reader.query(sql);
    } finally {
      await reader.close();
    }
  }
  if (!existsSync(file)) throw new Error(`${file}: no such database (run \`jixiao import\` first)`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const statement = db.prepare(sql);
    if (!statement.reader) throw new QueryNotReadError();
    return { columns: statement.columns().map((c) => c.name), rows: statement.all() as Record<string, unknown>[] };
  } finally {
    db.close();
  }
}
