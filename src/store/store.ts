// The SQLite store: one file holding every imported document, its raw tables and the files that
// could not be read. Schema and upgrades: migrations.ts; the model <-> rows mapping: rows.ts.
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { validateDocument, type Document } from "../../contracts/model.js";
import type { Table } from "../../contracts/extraction.js";
import { StoreError } from "./errors.js";
import { assertReadable, migrate, schemaVersion } from "./migrations.js";
import { loadDocument, loadRawTables } from "./read.js";
import {
  prepareReads,
  prepareWrites,
  toSummary,
  type ImportErrorRow,
  type ReadStatements,
  type WriteStatements,
} from "./statements.js";
import { jixiaoVersion } from "../version.js";
import { assertStorableText, insertDocument, type DocumentMeta } from "./write.js";

export { StoreError } from "./errors.js";
export type { DocumentMeta } from "./write.js";

export interface OpenOptions {
  /** Open an existing database without writing to it; fails when the file does not exist. */
  readonly?: boolean;
  /** How long to wait for another process's write lock, in ms (default 10 s). */
  busyTimeoutMs?: number;
}

export type WriteOutcome = "written" | "skipped";

export interface ImportErrorInput {
  path: string;
  sha256: string | null;
  /** An UnreadableReason of contracts/errors.ts, or another short code. */
  reason: string;
  detail: string;
  /** ISO 8601 time of the failure; now when absent. */
  at?: string;
}

export interface ImportErrorRecord extends Required<ImportErrorInput> {
  attempts: number;
  jixiaoVersion: string;
}

export interface DocumentSummary {
  id: number;
  sha256: string;
  path: string;
  size: number;
  format: string;
  textLayer: string;
  pages: number | null;
  status: "ok" | "no-layout";
  reportCount: number;
  importedAt: string;
  jixiaoVersion: string;
}

export class Store {
  private readonly reads: ReadStatements;
  private readonly writes: WriteStatements | null;
  private readonly writeOne: (doc: Document, raw: { tables: Table[] }, meta: Required<DocumentMeta>) => WriteOutcome;

  /** Use openStore(). `db` is the open connection, for SQL the store does not wrap. */
  constructor(
    readonly db: Database.Database,
    readonly file: string,
    readonly readonly: boolean,
  ) {
    this.reads = prepareReads(db);
    this.writes = readonly ? null : prepareWrites(db);
    const write = db.transaction((doc: Document, raw: { tables: Table[] }, meta: Required<DocumentMeta>) => {
      const w = this.writable();
      w.clearImportErrors.run({ path: doc.source.path, sha256: doc.source.sha256 });
      if (this.hasDocument(doc.source.sha256)) return "skipped";
      insertDocument(w, doc, raw, meta);
      return "written";
    });
    this.writeOne = (doc, raw, meta) => write.immediate(doc, raw, meta);
  }

  /** The path a document with these bytes was imported from; null when there is none. */
  documentPath(sha256: string): string | null {
    return (this.reads.documentBySha.get(sha256)?.path as string | undefined) ?? null;
  }

  /** Whether a document with these bytes has been imported. */
  hasDocument(sha256: string): boolean {
    return this.reads.hasDocument.get(sha256) !== undefined;
  }

  /**
   * Given a document, the tables its extractor read and the import's facts, store all of it in one
   * transaction, or nothing. Bytes already stored are skipped. Either way, earlier import errors
   * of the same path or bytes are cleared: the file has now been read.
   */
  writeDocument(doc: Document, raw: { tables: Table[] }, meta: DocumentMeta): WriteOutcome {
    this.writable();
    const valid = validateDocument(doc);
    assertStorableText(valid);
    if (!Number.isSafeInteger(meta.size) || meta.size < 0) {
      throw new Error(`internal error: file size must be a non-negative integer, got ${meta.size}`);
    }
    return this.writeOne(valid, raw, {
      size: meta.size,
      importedAt: meta.importedAt ?? new Date().toISOString(),
      jixiaoVersion: meta.jixiaoVersion ?? jixiaoVersion(),
    });
  }

  /** Record a file that could not be read at all; a path failing again replaces its row. */
  recordImportError(error: ImportErrorInput): void {
    this.writable().upsertImportError.run({
      path: error.path,
      sha256: error.sha256,
      reason: error.reason,
      detail: error.detail,
      at: error.at ?? new Date().toISOString(),
      jixiao_version: jixiaoVersion(),
    });
  }

  /** The files that could not be read, by path. */
  importErrors(): ImportErrorRecord[] {
    return this.reads.importErrors.all().map((row: ImportErrorRow) => ({
      path: row.path as string,
      sha256: row.sha256 as string | null,
      reason: row.reason as string,
      detail: row.detail as string,
      at: row.at as string,
      attempts: row.attempts,
      jixiaoVersion: row.jixiao_version as string,
    }));
  }

  /** The stored document with these bytes, exactly as written; null when there is none. */
  readDocument(sha256: string): Document | null {
    const row = this.reads.documentBySha.get(sha256);
    if (row === undefined) return null;
    try {
      return this.snapshot(() => loadDocument(this.reads, row));
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new StoreError(`${this.file}: the rows of document ${sha256} do not form a valid document: ${why}`);
    }
  }

  /** Every stored document, in import order. */
  listDocuments(): DocumentSummary[] {
    return this.reads.documents.all().map(toSummary);
  }

  /** The tables the extractor read from the document with these bytes; null when there is none. */
  rawTables(sha256: string): Table[] | null {
    const row = this.reads.documentBySha.get(sha256);
    return row === undefined ? null : loadRawTables(this.reads, row);
  }

  /**
   * Run fn in one transaction (nested calls, writeDocument included, become savepoints): the bulk
   * importer batches many documents per commit this way. On a read-only store it gives a
   * consistent snapshot.
   */
  transaction<T>(fn: () => T): T {
    return this.readonly ? this.snapshot(fn) : this.db.transaction(fn).immediate();
  }

  close(): void {
    if (!this.db.open) return;
    if (!this.readonly) {
      this.db.pragma("optimize");
      leaveWal(this.db);
    }
    this.db.close();
  }

  private snapshot<T>(fn: () => T): T {
    return this.db.transaction(fn).deferred();
  }

  private writable(): WriteStatements {
    if (this.writes === null) throw new StoreError(`${this.file}: store opened read-only; cannot write`);
    return this.writes;
  }
}

/**
 * Given a database file, open it (creating it and its folder when writing), bring its schema to
 * the latest version and return the store. Read-only opening never creates or upgrades anything.
 */
export function openStore(file: string, options: OpenOptions = {}): Store {
  const readonly = options.readonly ?? false;
  if (readonly && !existsSync(file)) throw new StoreError(`${file}: no such database`);
  if (!readonly) mkdirSync(dirname(resolve(file)), { recursive: true });
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly, fileMustExist: readonly, timeout: options.busyTimeoutMs ?? 10_000 });
    configure(db, file, readonly);
    return new Store(db, file, readonly);
  } catch (err) {
    db?.close();
    throw explainOpenError(file, err);
  }
}

/**
 * Given a connection about to close, return the file to a rollback journal when no other connection
 * holds it: a read-only connection to a WAL database must create its -shm file, so a shared,
 * read-only database (or one in a folder the reader cannot write) could not be read otherwise.
 * Another process still writing keeps WAL (the switch needs the file to itself).
 */
function leaveWal(db: Database.Database): void {
  try {
    db.pragma("busy_timeout = 0"); // never wait for readers here: they keep WAL until the next close
    db.pragma("journal_mode = DELETE");
  } catch {
    // Busy: another connection is open; the last writer to close switches.
  }
}

function configure(db: Database.Database, file: string, readonly: boolean): void {
  db.pragma("foreign_keys = ON");
  if (readonly) {
    assertReadable(file, schemaVersion(db));
    return;
  }
  db.pragma("journal_mode = WAL");
  // In WAL mode NORMAL cannot corrupt the file; a power cut may lose the last commits only.
  db.pragma("synchronous = NORMAL");
  migrate(db, file);
}

function explainOpenError(file: string, err: unknown): Error {
  if (err instanceof StoreError) return err;
  const code = (err as { code?: unknown }).code;
  if (code === "SQLITE_NOTADB") return new StoreError(`${file}: not a SQLite database`);
  if (code === "SQLITE_READONLY_DIRECTORY" || code === "SQLITE_CANTOPEN") {
    return new StoreError(
      `${file}: cannot be read here: it is in WAL mode (a writer is open, or one was interrupted) and its folder is not writable; open it once with write access (any jixiao import) to return it to a rollback journal`,
    );
  }
  if (err instanceof Database.SqliteError || (err instanceof TypeError && /directory/.test(err.message))) {
    return new StoreError(`${file}: cannot open the database: ${err.message}`);
  }
  return err instanceof Error ? err : new Error(String(err));
}
