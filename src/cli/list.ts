import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { DEFAULT_DB, parse } from "./args.js";
import type { Command } from "./commands.js";
import { isPostgresUrl, openReader } from "../store/reader.js";
import { formatRows, type OutputFormat } from "./output.js";

const help = `usage: jixiao list [--db FILE] [--format table|csv|json]

Lists what the database holds: one line per imported document with its status, layouts,
department, year, total score and indicator count, then the files that could not be read and why.

  --db FILE     the database: a SQLite file (default ${DEFAULT_DB}) or a postgresql:// URL
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

// The same list on PostgreSQL: string_agg for group_concat, numbers turned to text explicitly (a
// whole REAL prints as "96.0" in SQLite).
const PG_DOCUMENTS_SQL = `
SELECT d.path AS file, d.format, d.status,
       string_agg(r.layout, ' + ' ORDER BY r.ordinal) AS layouts,
       string_agg(coalesce(r.department, '?'), ' + ' ORDER BY r.ordinal) AS department,
       string_agg(coalesce(r.fiscal_year::text, '?'), ' + ' ORDER BY r.ordinal) AS year,
       string_agg(coalesce(CASE WHEN r.total_score = trunc(r.total_score) AND abs(r.total_score) < 1e15
         THEN r.total_score::text || '.0' ELSE r.total_score::text END, '-'), ' + ' ORDER BY r.ordinal) AS total,
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
    const { documents, errors } = await listRows(file);
    if (format === "json") {
      process.stdout.write(`${JSON.stringify({ documents, errors }, null, 2)}\n`);
      return 0;
    }
    process.stdout.write(formatRows(Object.keys(documents[0] ?? { file: 0 }), documents, format));
    if (errors.length && format === "table")
      process.stdout.write(`\nnot read:\n${formatRows(["file", "reason", "detail"], errors, format)}`);
    return 0;
  },
};

type Rows = Record<string, unknown>[];

/** Given a `--db` value, return the documents and import errors it holds. */
async function listRows(db: string): Promise<{ documents: Rows; errors: Rows }> {
  if (isPostgresUrl(db)) {
    const reader = await openReader(db);
    try {
      return { documents: await reader.all(PG_DOCUMENTS_SQL), errors: await reader.all(ERRORS_SQL) };
    } finally {
      await reader.close();
    }
  }
  if (!existsSync(db)) throw new Error(`${db}: no such database (run \`jixiao import\` first)`);
  const sqlite = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return { documents: sqlite.prepare(DOCUMENTS_SQL).all() as Rows, errors: sqlite.prepare(ERRORS_SQL).all() as Rows };
  } finally {
    sqlite.close();
  }
}
