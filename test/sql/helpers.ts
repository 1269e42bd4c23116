// Shared by the SQL tests: the fixtures' expected Documents as a sample database, documents with
// planted inconsistencies, and the CLI run in-process with its output captured.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { tablesOf } from "../../contracts/extraction.js";
import { extractFile } from "../../src/pipeline.js";
import { validateDocument, type Document } from "../../contracts/model.js";
import { openStore, type Store } from "../../src/store/store.js";
import { FIXTURES } from "../helpers.js";

export { fakeSha, rowCounts } from "../store/helpers.js";

const folders: string[] = [];

/** A path for a database file in a fresh temporary folder, removed after the test file. */
export function tempDbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-sql-"));
  folders.push(dir);
  return join(dir, "jixiao.db");
}

afterAll(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * The reference answers of the DOCX fixtures (fixtures/*.docx.expected.json), by fixture name:
 * what a careful reader wrote down, so the SQL tests do not depend on the layouts being written.
 */
export function fixtureDocuments(): Map<string, Document> {
  const names = readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".docx.expected.json"))
    .sort();
  return new Map(
    names.map((f) => [
      f.replace(/\.docx\.expected\.json$/, ""),
      validateDocument(JSON.parse(readFileSync(join(FIXTURES, f), "utf8"))),
    ]),
  );
}

/** One fixture's expected Document, as a fresh copy to plant figures in. */
export function fixtureDocument(name: string): Document {
  const doc = fixtureDocuments().get(name);
  if (!doc) throw new Error(`no fixture ${name}`);
  return structuredClone(doc);
}

/** Given documents, return a store in a temporary file holding them. */
export function storeWith(docs: Iterable<Document>): Store {
  const store = openStore(tempDbPath());
  for (const doc of docs) store.writeDocument(doc, { tables: [] }, { size: 1, importedAt: "2024-01-01T00:00:00.000Z" });
  return store;
}

/** The sample database of docs/sql.md: every fixture's expected Document. */
export function sampleStore(): Store {
  return storeWith(fixtureDocuments().values());
}

/** The sample database of the SQL guide: the DOCX fixtures read by jixiao's own pipeline, in name order. */
export async function importedSampleStore(): Promise<Store> {
  const store = openStore(tempDbPath());
  const files = readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".docx"))
    .sort();
  for (const f of files) {
    const { document, extraction, size } = await extractFile(`fixtures/${f}`);
    store.writeDocument(document, { tables: tablesOf(extraction) }, { size, importedAt: "2024-01-01T00:00:00.000Z" });
  }
  return store;
}

/** Given command-line arguments, run jixiao in this process; return its status and output. */
export async function runCli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const log = vi.spyOn(console, "log").mockImplementation((...parts: unknown[]) => {
    stdout += `${parts.join(" ")}\n`;
  });
  const err = vi.spyOn(console, "error").mockImplementation((...parts: unknown[]) => {
    stderr += `${parts.join(" ")}\n`;
  });
  try {
    const status = await main(args);
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    log.mockRestore();
    err.mockRestore();
  }
}
