// Shared by the accuracy and scan tests: the findings of a document read from a scan against those
// of its expected Document (written from its content, not by jixiao), checked by the same SQL.
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { storeFindings, type Finding } from "../../src/checks.js";
import { tablesOf, type Extraction, type Table } from "../../contracts/extraction.js";
import type { Document } from "../../contracts/model.js";
import { openStore } from "../../src/store/store.js";

/** Given a Document and its tables, return its findings, checked in a store in memory. */
export function findingsOf(document: Document, tables: Table[] = []): Finding[] {
  const store = openStore(":memory:");
  try {
    store.writeDocument(document, { tables }, { size: 1 });
    return storeFindings(store.db);
  } finally {
    store.close();
  }
}

/** Given a finding, return what it is about: its rule and subject (a total that disagrees over unread rows is still about the total). */
export const about = (f: Finding) => `${f.kind === "total-unread" ? "total-mismatch" : f.kind} ${f.subject}`;

/**
 * Given a scanned file, what was read from it and its expected Document, assert that every
 * finding of the document is found on the scan (at any severity) and that the scan is accused of
 * no error the document does not make.
 */
export function expectFindingsOfDocument(
  file: string,
  document: Document,
  extraction: Pick<Extraction, "blocks">,
): void {
  const expected = JSON.parse(readFileSync(`${file}.expected.json`, "utf8")) as Document;
  const printed = findingsOf(expected).map(about);
  const read = findingsOf(document, tablesOf(extraction));
  expect(read.map(about)).toEqual(expect.arrayContaining(printed));
  expect(
    read
      .filter((f) => f.severity === "error")
      .map(about)
      .filter((a) => !printed.includes(a)),
  ).toEqual([]);
}
