import { importFile, type FileOutcome } from "../importer.js";
import { openStore } from "../store/store.js";
import { pathsToFiles } from "../walk.js";
import { DEFAULT_DB, parse, UsageError } from "./args.js";
import type { Command } from "./commands.js";

const help = `usage: jixiao import PATH… [--db FILE] [--quiet]

Loads files and folders (walked recursively for .pdf .docx .doc .xls .xlsx .wps .et .html) into
the SQLite database. A file already imported (same sha256) is skipped; a file that cannot be read
is recorded in the import_errors table with its reason, and the run goes on.

  --db FILE   the database (default ${DEFAULT_DB}; created if missing)
  --quiet     print only the closing summary

example: jixiao import fixtures --db data/jixiao.db`;

export const importCommand: Command = {
  name: "import",
  summary: "load files and folders into the SQLite database",
  help,
  async run(argv) {
    const { values, positionals } = parse(argv, { db: { type: "string" }, quiet: { type: "boolean" } });
    if (positionals.length === 0) throw new UsageError("give at least one PATH");
    const { files, ignored } = await pathsToFiles(positionals);
    const store = openStore(values.db ?? DEFAULT_DB);
    const outcomes: FileOutcome[] = [];
    try {
      for (const file of files) {
        const outcome = await importFile(store, file);
        outcomes.push(outcome);
        if (!values.quiet) console.log(describe(outcome));
      }
    } finally {
      store.close();
    }
    console.log(summarize(outcomes, ignored.length, values.db ?? DEFAULT_DB));
    return 0;
  },
};

function describe(o: FileOutcome): string {
  switch (o.status) {
    case "imported":
      return `imported  ${o.path}: ${o.reports} report(s) [${o.layouts.join(", ")}], ${o.indicators} indicators`;
    case "no-layout":
      return `no layout ${o.path}: read, but no known self-evaluation layout (raw tables kept)`;
    case "skipped":
      return `skipped   ${o.path}: already imported`;
    case "failed":
      return `failed    ${o.path}: ${o.reason}: ${o.detail}`;
  }
}

function summarize(outcomes: FileOutcome[], ignored: number, db: string): string {
  const count = (s: FileOutcome["status"]) => outcomes.filter((o) => o.status === s).length;
  const imported = outcomes.filter((o): o is Extract<FileOutcome, { status: "imported" }> => o.status === "imported");
  const failed = outcomes.filter((o): o is Extract<FileOutcome, { status: "failed" }> => o.status === "failed");
  const byReason = new Map<string, number>();
  for (const f of failed) byReason.set(f.reason, (byReason.get(f.reason) ?? 0) + 1);
  const reasons = [...byReason].map(([r, n]) => `${r} ${n}`).join(", ");
  return [
    `${outcomes.length} file(s) into ${db}: ${count("imported")} imported (${imported.reduce((n, o) => n + o.reports, 0)} reports, ${imported.reduce((n, o) => n + o.indicators, 0)} indicators),`,
    `  ${count("no-layout")} read without a known layout, ${count("skipped")} skipped as already imported, ${failed.length} failed${reasons ? ` (${reasons})` : ""}` +
      (ignored ? `, ${ignored} non-document file(s) in folders ignored` : ""),
  ].join("\n");
}
