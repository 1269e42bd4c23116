import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { DEFAULT_DB, parse } from "./args.js";
import type { Command } from "./commands.js";
import { formatRows, type OutputFormat } from "./output.js";

const help = `usage: jixiao list [--db FILE] [--format table|csv|json]

Lists what the database holds: one line per imported document with its status, layouts,
department, year, total score and indicator count, then the files that could not be read and why.

  --db FILE     the database (default ${DEFAULT_DB})
  --format F    table (default), csv or json

example: jixiao list --db data/jixiao.db`;

const DOCUMENTS_SQL = `
SELECT d.path AS file, d.format, d.status,
       group_concat(r.layout, ' + ') AS layouts,
       group_concat(coalesce(r.department, '?'), ' + ') AS department,
       group_concat(coalesce(r.fiscal_year, '?'), ' + ') AS year,
       group_concat(coalesce(r.total_score, '-'), ' + ') AS total,
       (SELECT count(*) FROM indicators i WHERE i.document_id = d.id) AS indicators
FROM documents d LEFT JOIN reports r ON r.document_id = d.id
GROUP BY d.id ORDER BY d.path`;

const ERRORS_SQL = "SELECT path AS file, reason, detail FROM import_errors ORDER BY path";

export const listCommand: Command = {
  name: "list",
  help,
  async run(argv) {
    const { values } = parse(argv, { db: { type: "string" }, format: { type: "string" } });
    const file = values.db ?? DEFAULT_DB;
    const format = (values.format ?? "table") as OutputFormat;
    if (!existsSync(file)) throw new Error(`${file}: no such database (run \`jixiao import\` first)`);
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const documents = db.prepare(DOCUMENTS_SQL).all() as Record<string, unknown>[];
      const errors = db.prepare(ERRORS_SQL).all() as Record<string, unknown>[];
      if (format === "json") {
        process.stdout.write(`${JSON.stringify({ documents, errors }, null, 2)}\n`);
        return 0;
      }
      process.stdout.write(formatRows(Object.keys(documents[0] ?? { file: 0 }), documents, format));
      if (errors.length && format === "table") process.stdout.write(`\nnot read:\n${formatRows(["file", "reason", "detail"], errors, format)}`);
    } finally {
      db.close();
    }
    return 0;
  },
};
