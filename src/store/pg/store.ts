// The PostgreSQL store: the same tables as the SQLite file (migrations.ts), on a server that
// many import workers write to at once. A document is written in one transaction, rows of a table
// in multi-row INSERTs; `ON CONFLICT (sha256) DO NOTHING` makes two workers racing on copies of
// one file write it once, the second waiting for the first's commit and then skipping.
import pg from "pg";
import { validateDocument, type Document } from "../../../contracts/model.js";
import type { Table } from "../../../contracts/extraction.js";
import { StoreError } from "../errors.js";
import { QueryNotReadError, redactUrl, type QueryResult, type StoreReader } from "../reader.js";
import { DOCUMENT_COLUMNS, IMPORT_ERROR_COLUMNS, toSummary, type DocumentRow } from "../statements.js";
import type { DocumentSummary, ImportErrorInput, WriteOutcome } from "../store.js";
import { jixiaoVersion } from "../../version.js";
import { assertStorableText, type DocumentMeta } from "../write.js";
import { loadPgDocument } from "./read.js";
import { migratePg, pgSchemaVersion } from "./migrate.js";
import { insertParts, insertRows } from "./write.js";
import { LATEST_VERSION, assertReadable } from "../migrations.js";

// bigint (count(*), sum of integers) and numeric come back as strings by default; the figures
// here are far below 2^53, and SQLite gives numbers.
const TYPES = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20 || oid === 1700
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/** Given SQL with `?` parameters (outside quotes), return it with PostgreSQL's $1, $2, …. */
export function numberParameters(sql: string): string {
  let n = 0;
  return sql.replace(/'(?:[^']|'')*'|"[^"]*"|\?/g, (m) => (m === "?" ? `$${++n}` : m));
}

export class PgStore implements StoreReader {
  readonly dialect = "postgresql" as const;
  readonly sqlite = null;
  readonly location: string;

  constructor(
    readonly pool: pg.Pool,
    url: string,
    readonly readonly: boolean,
  ) {
    this.location = redactUrl(url);
  }

  async all<T = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.pool.query(numberParameters(sql), [...params])).rows as T[];
  }

  /** Run an analyst's statement in a read-only transaction, rolled back whatever it did. */
  async query(sql: string): Promise<QueryResult> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN READ ONLY");
      const result = await client.query(sql);
      if (!result.fields || result.fields.length === 0) throw new QueryNotReadError();
      return { columns: result.fields.map((f) => f.name), rows: result.rows as Record<string, unknown>[] };
    } finally {
      await client.query("ROLLBACK").catch(() => {});
      client.release();
    }
  }

  async hasDocument(sha256: string): Promise<boolean> {
    return (await this.pool.query("SELECT 1 FROM documents WHERE sha256 = $1", [sha256])).rowCount! > 0;
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    const rows = await this.all<DocumentRow>("SELECT * FROM documents ORDER BY id");
    return rows.map(toSummary);
  }

  async readDocument(sha256: string): Promise<Document | null> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      return await loadPgDocument(client, sha256);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new StoreError(`${this.location}: the rows of document ${sha256} do not form a valid document: ${why}`);
    } finally {
      await client.query("COMMIT").catch(() => {});
      client.release();
    }
  }

  /**
   * Given a document, its raw tables and the import's facts, store it all in one transaction, or
   * nothing; bytes already stored are skipped. Earlier import errors of the path or bytes are cleared.
   */
  async writeDocument(doc: Document, raw: { tables: Table[] }, meta: DocumentMeta): Promise<WriteOutcome> {
    this.writable();
    const valid = validateDocument(doc);
    assertStorableText(valid);
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("DELETE FROM import_errors WHERE path = $1 OR sha256 = $2", [
        valid.source.path,
        valid.source.sha256,
      ]);
      const ids = await insertRows(
        client,
        "documents",
        DOCUMENT_COLUMNS,
        [
          {
            sha256: valid.source.sha256,
            path: valid.source.path,
            size: meta.size,
            model_schema: valid.schema,
            format: valid.source.format,
            text_layer: valid.source.textLayer,
            pages: valid.source.pages,
            status: valid.reports.length > 0 ? "ok" : "no-layout",
            report_count: valid.reports.length,
            imported_at: meta.importedAt ?? new Date().toISOString(),
            jixiao_version: meta.jixiaoVersion ?? jixiaoVersion(),
          },
        ],
        "ON CONFLICT (sha256) DO NOTHING",
      );
      const documentId = ids[0];
      if (documentId !== undefined)
        await insertParts(client, valid, raw, { documentId, sha256: valid.source.sha256, path: valid.source.path });
      await client.query("COMMIT");
      return documentId === undefined ? "skipped" : "written";
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  /** Record a file that could not be read at all; a path failing again replaces its row. */
  async recordImportError(error: ImportErrorInput): Promise<void> {
    this.writable();
    const values = [
      error.path,
      error.sha256,
      error.reason,
      error.detail,
      error.at ?? new Date().toISOString(),
      jixiaoVersion(),
    ];
    await this.pool.query(
      `INSERT INTO import_errors (${IMPORT_ERROR_COLUMNS.join(", ")}) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, reason = excluded.reason, detail = excluded.detail,
         at = excluded.at, jixiao_version = excluded.jixiao_version, attempts = import_errors.attempts + 1`,
      values,
    );
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private writable(): void {
    if (this.readonly) throw new StoreError(`${this.location}: store opened read-only; cannot write`);
  }
}

/**
 * Given a postgresql:// URL, connect, bring the schema to the latest version (unless read-only)
 * and return the store. `connections` bounds the pool (each import worker process needs a few).
 */
export async function openPgStore(
  url: string,
  options: { readonly?: boolean; connections?: number } = {},
): Promise<PgStore> {
  const readonly = options.readonly ?? false;
  // JIT compiling of the findings view's many subplans takes seconds where running them takes
  // milliseconds (version 6 also turns it off for the database, where the owner may).
  const pool = new pg.Pool({
    connectionString: url,
    max: options.connections ?? 4,
    types: TYPES,
    options: "-c jit=off",
  });
  pool.on("error", () => {}); // an idle connection dropped by the server; the next query reconnects
  const store = new PgStore(pool, url, readonly);
  try {
    const client = await pool.connect().catch((err: Error) => {
      throw new StoreError(`${store.location}: cannot connect to PostgreSQL: ${err.message}`);
    });
    try {
      const encoding = (await client.query<{ server_encoding: string }>("SHOW server_encoding")).rows[0]
        ?.server_encoding;
      if (encoding !== "UTF8")
        throw new StoreError(
          `${store.location}: the database's encoding is ${encoding}; jixiao needs UTF8 (createdb -E UTF8)`,
        );
      if (readonly) assertReadable(store.location, await pgSchemaVersion(client), LATEST_VERSION);
      else await migratePg(client, store.location);
    } finally {
      client.release();
    }
    return store;
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
}
