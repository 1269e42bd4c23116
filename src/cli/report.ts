import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tablesOf } from "../../contracts/extraction.js";
import { extractFile } from "../pipeline.js";
import { writeEvidenceReport } from "../report/index.js";
import { openReader, sqliteReader } from "../store/reader.js";
import { openStore } from "../store/store.js";
import { DEFAULT_DB, parse, UsageError } from "./args.js";
import type { Command } from "./commands.js";

const help = `usage: jixiao report FILE --html DIR
       jixiao report --db FILE --html DIR

Writes a static HTML spot-check report to DIR/index.html (open it from the file system; it needs
no server and no network): per document its reports, the budget lines with the printed and the
recomputed execution rate, and the findings of \`jixiao check\`, most serious first. Each finding
and figure is shown where it was printed: a crop of the PDF page with the row outlined (rendered
now from the original file), or for Word files the table row it was read from.

  --db FILE    report on every document of the database: a SQLite file (default ${DEFAULT_DB})
               or a postgresql:// URL
  --html DIR   the folder to write (created; crops go in DIR/crops)

example: jixiao report --db data/jixiao.db --html data/report`;

export const reportCommand: Command = {
  name: "report",
  help,
  async run(argv) {
    const { values, positionals } = parse(argv, { db: { type: "string" }, html: { type: "string" } });
    if (!values.html) throw new UsageError("give --html DIR");
    if (positionals.length > 1 || (positionals.length === 1 && values.db))
      throw new UsageError("give one FILE or --db, not both");
    const file = positionals[0];
    const dir = file ? mkdtempSync(join(tmpdir(), "jixiao-report-")) : null;
    let sha256: string | undefined;
    const one = dir ? openStore(join(dir, "one.db")) : null;
    const store = one ? sqliteReader(one) : await openReader(values.db ?? DEFAULT_DB);
    try {
      if (file && one) {
        const { document, extraction, size } = await extractFile(file);
        one.writeDocument(document, { tables: tablesOf(extraction) }, { size });
        sha256 = document.source.sha256;
      }
      const result = await writeEvidenceReport(store, values.html, { sha256 });
      console.log(
        `report written to ${result.file}: ${result.documents} document(s), ${result.findings} finding(s), ${result.crops} crop(s)`,
      );
    } finally {
      await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
    return 0;
  },
};
