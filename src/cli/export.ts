import { mkdir, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { openStore } from "../store/store.js";
import { DEFAULT_DB, parse } from "./args.js";
import type { Command } from "./commands.js";

const help = `usage: jixiao export [--db FILE] [--out DIR]

Writes one Document JSON (schema jixiao/report@1) per imported source file, rebuilt from the
database, named <file name>.<first 12 hex of sha256>.json.

  --db FILE   the database (default ${DEFAULT_DB})
  --out DIR   the folder to write into (default export/)

example: jixiao export --db data/jixiao.db --out export`;

export const exportCommand: Command = {
  name: "export",
  help,
  async run(argv) {
    const { values } = parse(argv, { db: { type: "string" }, out: { type: "string" } });
    const out = values.out ?? "export";
    const store = openStore(values.db ?? DEFAULT_DB, { readonly: true });
    try {
      await mkdir(out, { recursive: true });
      const docs = store.listDocuments();
      for (const summary of docs) {
        const doc = store.readDocument(summary.sha256);
        if (!doc) continue;
        const name = `${basename(summary.path)}.${summary.sha256.slice(0, 12)}.json`;
        await writeFile(join(out, name), `${JSON.stringify(doc, null, 2)}\n`);
      }
      console.log(`${docs.length} document(s) written to ${out}/`);
    } finally {
      store.close();
    }
    return 0;
  },
};
