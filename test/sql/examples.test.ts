// The SQL guide (docs/sql.md) is tested here so it never rots: every example query runs on the
// sample database (the DOCX fixtures imported by jixiao itself, as `npm start` does) and must
// print the CSV written under it, and the tables of tables and views must list exactly the
// columns the database has.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formatRows } from "../../src/cli/output.js";
import type { Store } from "../../src/store/store.js";
import { REPO } from "../helpers.js";
import { importedSampleStore } from "./helpers.js";

const DOC = readFileSync(join(REPO, "docs/sql.md"), "utf8");

interface Example {
  /** The sentence introducing the query, e.g. "Indicators whose numeric target was missed:". */
  title: string;
  sql: string;
  csv: string | null;
}

/** Given the markdown, return each ```sql block with its introduction and the ```csv block after it. */
function docToExamples(markdown: string): Example[] {
  const blocks = [...markdown.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({
    lang: m[1]!,
    body: m[2]!,
    before: markdown.slice(0, m.index),
  }));
  return blocks.flatMap((b, i) => {
    if (b.lang !== "sql") return [];
    const next = blocks[i + 1];
    const paragraph = b.before.trimEnd().split("\n\n").at(-1) ?? "";
    return [
      { title: paragraph.replace(/\s+/g, " "), sql: b.body.trim(), csv: next?.lang === "csv" ? next.body : null },
    ];
  });
}

/** Given the markdown, return the backticked names and columns of its schema tables' rows. */
function docToSchema(markdown: string): Map<string, string[]> {
  const rows = [...markdown.matchAll(/^\| `(\w+)` \| (`[^|]*`) \|/gm)];
  return new Map(rows.map((m) => [m[1]!, [...m[2]!.matchAll(/`(\w+)`/g)].map((c) => c[1]!)]));
}

let store: Store;
beforeAll(async () => {
  store = await importedSampleStore();
});
afterAll(() => store.close());

describe("the SQL guide", () => {
  const examples = docToExamples(DOC);

  test("gives execution rates by department and year, missed targets and an indicator's history, each with its output", () => {
    expect(examples.map((e) => e.title)).toEqual([
      "Execution rates of the departments' total budgets, by department and year:",
      "Every printed execution rate, budget line or project, that the amounts do not bear out:",
      "Indicators whose numeric target was missed:",
      "The history of one indicator of one department, year by year (with more years imported, one row per year; the keys match however each year spelled the names):",
      "One kind of indicator across departments, by part of its key:",
      "Every finding, most serious first:",
      "Full-text search for a term of 3 or more characters, best matches first:",
      "A two-character term, which trigrams cannot match, with `LIKE`:",
    ]);
    expect(examples.filter((e) => e.csv === null)).toEqual([]);
  });

  test.each(examples.map((e) => [e.title, e] as const))('prints the documented rows for "%s"', (_, example) => {
    const statement = store.db.prepare(example.sql);
    const rows = statement.all() as Record<string, unknown>[];
    const columns = statement.columns().map((c) => c.name);
    expect(formatRows(columns, rows, "csv")).toBe(example.csv);
  });

  test("lists every table and view with exactly its columns", () => {
    const names = store.db
      .prepare(
        `SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'
         AND name NOT LIKE 'search_index_%' ORDER BY name`,
      )
      .pluck()
      .all() as string[];
    const documented = docToSchema(DOC);
    expect([...documented.keys()].sort()).toEqual(names);
    for (const name of names) {
      const columns = store.db.prepare("SELECT name FROM pragma_table_info(?)").pluck().all(name);
      expect({ name, columns: documented.get(name) }).toEqual({ name, columns });
    }
  });
});
