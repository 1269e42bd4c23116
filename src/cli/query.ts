import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { DEFAULT_DB, parse, UsageError } from "./args.js";
import type { Command } from "./commands.js";
import { formatRows, type OutputFormat } from "./output.js";

const help = `usage: jixiao query SQL [--db FILE] [--format table|csv|json]

Runs one SQL statement on a read-only connection to the database and prints the rows.

  --db FILE       the database (default ${DEFAULT_DB})
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
    const file = values.db ?? DEFAULT_DB;
    if (!existsSync(file)) throw new Error(`${file}: no such database (run \`jixiao import\` first)`);
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const statement = db.prepare(sql);
      if (!statement.reader) throw new UsageError("the statement returns no rows (query is read-only)");
      const rows = statement.all() as Record<string, unknown>[];
      const columns = statement.columns().map((c) => c.name);
      process.stdout.write(formatRows(columns, rows, format));
    } finally {
      db.close();
    }
    return 0;
  },
};
