import { tableToRows } from "../../contracts/extraction.js";
import { extractBytes, readSource } from "../pipeline.js";
import { parse, UsageError } from "./args.js";
import type { Command } from "./commands.js";

const help = `usage: jixiao tables FILE [--json]

Prints the raw table grids the extractor found in FILE, before any layout is applied:
{"tables":[{"page":1,"rows":[["cell",…],…]}]}. Positions covered by a merged cell are "".
Feed such a file back with \`jixiao extract FILE --tables-from GRIDS.json\`.

  --json   print JSON (the default)

example: jixiao tables fixtures/tianjin.docx --json > grids.json`;

export const tablesCommand: Command = {
  name: "tables",
  help,
  async run(argv) {
    const { positionals } = parse(argv, { json: { type: "boolean" } });
    const [file, ...extra] = positionals;
    if (!file || extra.length) throw new UsageError("give exactly one FILE");
    const extraction = await extractBytes(await readSource(file), file);
    const tables = extraction.blocks.flatMap((b) =>
      b.kind === "table"
        ? [
            {
              page: b.table.rowPages.find((p) => p != null) ?? null,
              method: b.table.method,
              rows: tableToRows(b.table),
            },
          ]
        : [],
    );
    process.stdout.write(`${JSON.stringify({ tables }, null, 1)}\n`);
    return 0;
  },
};
