import { createHash } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Cell, Table } from "../../contracts/extraction.js";
import { openStore, StoreError, type Store } from "../../src/store/store.js";
import { documentArb, number, text } from "./arbitraries.js";
import { fakeSha, seedDocuments, smallDocument, smallRaw, tempDbPath } from "./helpers.js";

/** What a value looks like after JSON: the store keeps what JSON keeps (-0 comes back as 0). */
function viaJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describe("seed documents", () => {
  test.each(seedDocuments())("gives back $name exactly as written", ({ doc }) => {
    const store = openStore(tempDbPath());
    expect(store.writeDocument(doc, smallRaw(), { size: 1234 })).toBe("written");
    expect(store.readDocument(doc.source.sha256)).toEqual(doc);
    store.close();
    const again = openStore(store.file, { readonly: true });
    expect(again.readDocument(doc.source.sha256)).toEqual(doc);
    expect(JSON.stringify(again.readDocument(doc.source.sha256))).toBe(JSON.stringify(doc));
    again.close();
  });
});

const cell: fc.Arbitrary<Cell> = fc.record(
  {
    text,
    rowSpan: fc.integer({ min: 1, max: 4 }),
    colSpan: fc.integer({ min: 1, max: 4 }),
    box: fc.option(
      fc.record({ page: fc.integer({ min: 1, max: 99 }), x0: number, y0: number, x1: number, y1: number }),
      { nil: null },
    ),
    confidence: fc.double({ min: 0, max: 1, noNaN: true }),
  },
  { requiredKeys: ["text", "rowSpan", "colSpan", "box"] },
);

const table: fc.Arbitrary<Table> = fc.integer({ min: 0, max: 4 }).chain((width) =>
  fc.record({
    index: fc.nat(50),
    rows: fc.array(fc.array(fc.option(cell, { nil: null }), { minLength: width, maxLength: width }), { maxLength: 4 }),
    rowPages: fc.array(fc.option(fc.integer({ min: 1, max: 300 }), { nil: null }), { maxLength: 4 }),
    method: fc.constantFrom("docx", "lattice", "stream", "ocr", "given", "html", "xlsx") as fc.Arbitrary<
      Table["method"]
    >,
  }),
);

describe("generated documents", () => {
  let store: Store;
  let counter = 0;
  beforeAll(() => {
    store = openStore(tempDbPath("property.db"));
  });
  afterAll(() => store.close());

  /** Give each generated document bytes of its own, so shrinking never meets a stored sha256. */
  function unique<T extends { source: { sha256: string } }>(doc: T): T {
    counter += 1;
    return { ...doc, source: { ...doc.source, sha256: createHash("sha256").update(String(counter)).digest("hex") } };
  }

  test("gives back any valid document as JSON would carry it, nulls and unicode included", () => {
    fc.assert(
      fc.property(documentArb, fc.array(table, { maxLength: 3 }), (generated, tables) => {
        const doc = unique(generated);
        expect(store.writeDocument(doc, { tables }, { size: 0 })).toBe("written");
        expect(store.readDocument(doc.source.sha256)).toEqual(viaJson(doc));
        expect(store.rawTables(doc.source.sha256)).toEqual(viaJson(tables));
      }),
      { numRuns: 300 },
    );
  });
});

describe("values the store cannot keep", () => {
  test("gives back -0 as 0, as JSON does", () => {
    const store = openStore(tempDbPath());
    const doc = smallDocument(fakeSha(1));
    doc.reports[0]!.totalScore = -0;
    store.writeDocument(doc, { tables: [] }, { size: 1 });
    expect(Object.is(store.readDocument(fakeSha(1))?.reports[0]?.totalScore, 0)).toBe(true);
    store.close();
  });

  test("refuses a document whose text holds a lone surrogate, naming the field, and writes nothing", () => {
    const store = openStore(tempDbPath());
    const doc = smallDocument(fakeSha(2));
    doc.reports[0]!.indicators[0]!.name = "救助\uD800人数";
    expect(() => store.writeDocument(doc, smallRaw(), { size: 1 })).toThrow(
      new StoreError(
        "document.reports.0.indicators.0.name holds a lone UTF-16 surrogate, which UTF-8 (and so SQLite) cannot store",
      ),
    );
    expect(store.hasDocument(fakeSha(2))).toBe(false);
    store.close();
  });
});
