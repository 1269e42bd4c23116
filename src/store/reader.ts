// What the reading commands (check, search, report, export, list, query) need of a database,
// whichever it is: a SQLite file (store.ts) or a PostgreSQL server (pg/store.ts, for a `--db`
// given as a postgresql:// URL). SQL passed here is the one text both accept, with `?` parameters.
import type Database from "better-sqlite3";
import type { Document } from "../../contracts/model.js";
import { openStore, type DocumentSummary, type Store } from "./store.js";

export type Dialect = "sqlite" | "postgresql";

export interface QueryResult {
  columns: string[];
  rows: Record<string, unknown>[];
}

export interface StoreReader {
  readonly dialect: Dialect;
  /** The file or URL (without its password), for messages. */
  readonly location: string;
  /** The SQLite connection, for what only SQLite has (FTS5); null on PostgreSQL. */
  readonly sqlite: Database.Database | null;
  /** Given SQL with `?` parameters and their values, return the rows. */
  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Given one statement of an analyst, run it read-only and return its columns and rows. */
  query(sql: string): Promise<QueryResult>;
  listDocuments(): Promise<DocumentSummary[]>;
  readDocument(sha256: string): Promise<Document | null>;
  close(): Promise<void>;
}

/** Given a `--db` value, return whether it names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** Given a connection URL, return it without its password, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

/** Given a `--db` value, open that database for reading. */
export async function openReader(db: string): Promise<StoreReader> {
  if (isPostgresUrl(db)) {
    const { openPgStore } = await import("./pg/store.js");
    return openPgStore(db, { readonly: true });
  }
  return sqliteReader(openStore(db, { readonly: true }));
}

/** Given an open SQLite store, return it as a reader; closing the reader closes the store. */
export function sqliteReader(store: Store): StoreReader {
  return {
    dialect: "sqlite",
    location: store.file,
    sqlite: store.db,
    all: async <T>(sql: string, params: readonly unknown[] = []) => store.db.prepare(sql).all(...params) as T[],
    query: async (sql) => {
      const statement = store.db.prepare(sql);
      if (!statement.reader) throw new QueryNotReadError();
      const rows = statement.all() as Record<string, unknown>[];
      return { columns: statement.columns().map((c) => c.name), rows };
    },
    listDocuments: async () => store.listDocuments(),
    readDocument: async (sha256) => store.readDocument(sha256),
    close: async () => store.close(),
  };
}

/** A statement given to `query` that returns no rows (an INSERT, a CREATE …). */
export class QueryNotReadError extends Error {
  constructor() {
    super("the statement returns no rows (query is read-only)");
  }
}
