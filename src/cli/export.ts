import { mkdir, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { openReader } from "../store/reader.js";
import { DEFAULT_DB, parse } from "./args.js";
import type { Command } from "./commands.js";

const help = `usage: jixiao export [--db FILE] [--out DIR]

Writes one Document JSON (schema jixiao/report@1) per imported source file, rebuilt from the
database, named <file name>.<first 12 hex of sha256>.json.

  --db FILE   the database: a SQLite file (default ${DEFAULT_DB}) or a postgresql:// URL
  --out DIR   the folder to write into (default export/)

example: jixiao export --db data/jixiao.db --out export`;

export const exportCommand: Command = {
  name: "export",
  help,
  async run(argv) {
    const { values } = parse(argv, { db: { type: "string" }, out: { type: "string" } });
    const out = values.out ?? "export";
    const store = await openReader(values.db ?? DEFAULT_DB);
    try {
      await mkdir(out, { recursive: true });
      const docs = await store.listDocuments();
      for (const summary of docs) {
        const doc = await store.readDocument(summary.sha256);
        if (!doc) continue;
        const name = `${basename(summary.path)}.${summary.sha256.slice(0, 12)}.json`;
        await writeFile(join(out, name), `${JSON.stringify(doc, null, 2)}\n`);
      }
      console.log(`${docs.length} document(s) written to ${out}/`);
    } finally {
      await store.close();
    }
    return 0;
  },
};
