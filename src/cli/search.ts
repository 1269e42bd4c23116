import type Database from "better-sqlite3";
import { openReader, type StoreReader } from "../store/reader.js";
import { DEFAULT_DB, parse, UsageError } from "./args.js";
import type { Command } from "./commands.js";
import { formatRows, type OutputFormat } from "./output.js";

const help = `usage: jixiao search TEXT [--db FILE] [--format table|csv|json] [--limit N]

Finds indicator names, goals and deviation explanations (偏差原因) containing TEXT, a substring
in any position (Chinese has no word breaks). Several words separated by spaces must all occur.
Words of 3 or more characters use the full-text index (search_index, trigram tokenizer), best
matches first; a word of 1 or 2 characters (预算, 养老) is looked up in the tables directly,
since trigrams cannot match it.

  --db FILE|URL   the database: a SQLite file (default ${DEFAULT_DB}) or a postgresql:// URL
  --format F      table (default), csv or json
  --limit N       at most N results (default 50)

example: jixiao search 满意度 --format csv`;

export const SEARCH_COLUMNS = ["department", "fiscal_year", "kind", "text", "source_path", "page"];

export interface SearchHit {
  department: string | null;
  fiscal_year: number | null;
  kind: "indicator" | "goal" | "deviation";
  text: string;
  source_path: string;
  page: number | null;
}

/** Given the alias of the texts' table, return the columns of a hit. */
function hitColumns(texts: string): string {
  return `r.department, r.fiscal_year, ${texts}.kind, ${texts}.text, r.source_path, ${texts}.page`;
}

/** Given a search text, return its words, each a substring to find. */
function textToTerms(text: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .filter((t) => t !== "");
}

/** Given an open jixiao database and a search text, return the hits, best or earliest first. */
export function searchStore(db: Database.Database, text: string, limit = 50): SearchHit[] {
  const terms = textToTerms(text);
  if (terms.length === 0) throw new UsageError("give a TEXT to search for");
  if (terms.every((t) => [...t].length >= 3)) {
    // Each word as an FTS5 string ("…", quotes doubled): a phrase of its trigrams, so a substring.
    const match = terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(" ");
    return db
      .prepare(
        `SELECT ${hitColumns("search_index")} FROM search_index
       JOIN reports AS r ON r.id = search_index.report_id
       WHERE search_index MATCH ? ORDER BY search_index.rank, search_index.rowid LIMIT ?`,
      )
      .all(match, limit) as SearchHit[];
  }
  return db.prepare(likeSql(terms, "LIKE")).all(...terms.map(likePattern), limit) as SearchHit[];
}

/** Given a word, return the LIKE pattern of a substring, its wildcards escaped. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Given the words and the operator, return the search over search_texts (both databases have the view). */
function likeSql(terms: string[], operator: "LIKE" | "ILIKE"): string {
  return `SELECT ${hitColumns("s")} FROM search_texts AS s JOIN reports AS r ON r.id = s.report_id
     WHERE ${terms.map(() => `s.text ${operator} ? ESCAPE '\\'`).join(" AND ")}
     ORDER BY r.department, r.fiscal_year, s.report_id,
       CASE s.kind WHEN 'indicator' THEN 0 WHEN 'goal' THEN 1 ELSE 2 END, s.search_rowid LIMIT ?`;
}

/**
 * Given an open database of either kind and a search text, return the hits. PostgreSQL has no
 * FTS5: the same texts are matched with ILIKE (as FTS5's trigrams, case-insensitive), which
 * pg_trgm's GIN indexes serve; the hits are the same, in the order of the short-word search.
 */
export async function searchReader(reader: StoreReader, text: string, limit = 50): Promise<SearchHit[]> {
  if (reader.sqlite) return searchStore(reader.sqlite, text, limit);
  const terms = textToTerms(text);
  if (terms.length === 0) throw new UsageError("give a TEXT to search for");
  const operator = terms.every((t) => [...t].length >= 3) ? "ILIKE" : "LIKE";
  return reader.all<SearchHit>(likeSql(terms, operator), [...terms.map(likePattern), limit]);
}

export const searchCommand: Command = {
  name: "search",
  help,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      db: { type: "string" },
      format: { type: "string" },
      limit: { type: "string" },
    });
    const format = (values.format ?? "table") as OutputFormat;
    if (!["table", "csv", "json"].includes(format)) throw new UsageError(`unknown --format ${format}`);
    const limit = Number(values.limit ?? 50);
    if (!Number.isSafeInteger(limit) || limit < 1)
      throw new UsageError(`--limit must be a positive whole number, got ${values.limit}`);
    const reader = await openReader(values.db ?? DEFAULT_DB);
    try {
      const hits = await searchReader(reader, positionals.join(" "), limit);
      process.stdout.write(formatRows(SEARCH_COLUMNS, hits as unknown as Record<string, unknown>[], format));
    } finally {
      await reader.close();
    }
    return 0;
  },
};
