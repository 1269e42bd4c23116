import { readFile } from "node:fs/promises";
import { rowsToTable, type Extraction } from "../../contracts/extraction.js";
import { extractBytes, extractFile, readSource } from "../pipeline.js";
import { parse, UsageError, applyLimits, LIMIT_OPTION } from "./args.js";
import type { Command } from "./commands.js";

const help = `usage: jixiao extract FILE [--json] [--tables-from GRIDS.json] [--layout FAMILY] [--ocr-engine ENGINE]

Reads one PDF or DOCX file and prints its canonical Document (schema jixiao/report@1).

  --json                 print the Document as JSON (the default; kept for scripts that pass it)
  --tables-from GRIDS    use the grids in GRIDS.json ({"tables":[{"page":1,"rows":[[…]]}]}, as
                         printed by \`jixiao tables --json\` or any other extractor) instead of
                         extracting tables from FILE; FILE still gives the source identity
  --layout FAMILY        only try this layout family (tianjin, …)
  --ocr-engine ENGINE    for pages without a text layer: paddle (PP-OCRv4, the default) or tesseract

Exit status: 0 when the file was read (even with no known layout: then "reports" is empty and
"warnings" says why); 1 with a one-line reason on stderr when it cannot be read at all.

example: jixiao extract fixtures/tianjin.docx --json > tianjin.json`;

export const extractCommand: Command = {
  name: "extract",
  help,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      json: { type: "boolean" },
      "tables-from": { type: "string" },
      layout: { type: "string" },
      "ocr-engine": { type: "string" },
      ...LIMIT_OPTION,
    });
    applyLimits(values.limit);
    const [file, ...extra] = positionals;
    if (!file || extra.length) throw new UsageError("give exactly one FILE");
    const normalize = values.layout ? { families: [values.layout] } : {};
    const given = values["tables-from"];
    const extraction = given ? await gridsToExtraction(given, file) : undefined;
    const { document } = await extractFile(file, { normalize, extraction, ocrEngine: values["ocr-engine"] });
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    return 0;
  },
};

/** Given a grids file and the source it stands for, return an extraction holding those grids. */
async function gridsToExtraction(gridsPath: string, file: string): Promise<Extraction> {
  let grids: { tables?: { page?: number | null; rows?: unknown }[] };
  try {
    grids = JSON.parse(await readFile(gridsPath, "utf8"));
  } catch (err) {
    throw new UsageError(`${gridsPath}: not a grids JSON file (${(err as Error).message})`);
  }
  if (!Array.isArray(grids.tables)) throw new UsageError(`${gridsPath}: expected {"tables":[{"page":…,"rows":[[…]]}]}`);
  const base = await extractBytes(await readSource(file), file).catch(() => null);
  const tables = grids.tables.map((t, i) => {
    if (!Array.isArray(t.rows) || !t.rows.every(Array.isArray))
      throw new UsageError(`${gridsPath}: table ${i} has no "rows" array of arrays`);
    return rowsToTable(
      (t.rows as unknown[][]).map((r) => r.map((c) => (c == null ? "" : String(c)))),
      i,
      t.page ?? null,
    );
  });
  // Text blocks (titles, year lines) still come from the file itself when it can be read.
  const texts = base ? base.blocks.filter((b) => b.kind === "text") : [];
  return {
    format: base?.format ?? "pdf",
    textLayer: base?.textLayer ?? "native",
    pages: base?.pages ?? null,
    blocks: [...texts.slice(0, 6), ...tables.map((table) => ({ kind: "table" as const, table })), ...texts.slice(6)],
    warnings: [],
  };
}
