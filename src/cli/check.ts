import { fileFindings, findingsSummary, findingToText, readerFindings, type Finding } from "../checks.js";
import { openReader } from "../store/reader.js";
import { DEFAULT_DB, parse, UsageError } from "./args.js";
import type { Command } from "./commands.js";
import { formatRows, type OutputFormat } from "./output.js";

const help = `usage: jixiao check FILE [--format table|json|csv]
       jixiao check [--db FILE] [--format table|json|csv]

Checks the printed figures of reports against each other and prints each disagreement in plain
language, most serious first, with its file and page:

  error    total-mismatch            the total is not the sum of the budget and indicator scores
  error    total-above-maximum       the total is above the maximum score
  error    score-above-weight        a score is above its weight
  error    rate-disagrees            the printed execution rate is not executed / budget (B/A)
                                     at the precision of its printed digits
  warning  full-score-missed-target  a full score although the actual misses the target
  warning  zero-score-met-target     a zero score although the actual meets the target

With FILE, the file is extracted and checked without touching any database; otherwise every
report in the database is checked (the \`findings\` view).

  --db FILE|URL   the database: a SQLite file (default ${DEFAULT_DB}) or a postgresql:// URL
  --format F      table (default: one finding per paragraph), json or csv

Exit status: 0 whether or not there are findings; 1 when the file or database cannot be read.

example: jixiao check fixtures/liuzhou.docx`;

const COLUMNS = [
  "severity",
  "kind",
  "department",
  "fiscalYear",
  "subject",
  "message",
  "printed",
  "computed",
  "targetRaw",
  "actualRaw",
  "weight",
  "score",
  "sourcePath",
  "page",
  "ocrConfidence",
];

export const checkCommand: Command = {
  name: "check",
  help,
  async run(argv) {
    const { values, positionals } = parse(argv, { db: { type: "string" }, format: { type: "string" } });
    const format = (values.format ?? "table") as OutputFormat;
    if (!["table", "csv", "json"].includes(format)) throw new UsageError(`unknown --format ${format}`);
    if (positionals.length > 1) throw new UsageError("give at most one FILE");
    const [file] = positionals;
    if (file !== undefined && values.db !== undefined) throw new UsageError("give a FILE or --db, not both");
    const findings =
      file !== undefined ? (await fileFindings(file)).findings : await databaseFindings(values.db ?? DEFAULT_DB);
    process.stdout.write(render(findings, format));
    return 0;
  },
};

async function databaseFindings(db: string): Promise<Finding[]> {
  const reader = await openReader(db);
  try {
    return await readerFindings(reader);
  } finally {
    await reader.close();
  }
}

function render(findings: Finding[], format: OutputFormat): string {
  if (format === "json") return `${JSON.stringify(findings, null, 2)}\n`;
  if (format === "csv") return formatRows(COLUMNS, findings as unknown as Record<string, unknown>[], "csv");
  return [...findings.map(findingToText), findingsSummary(findings)].join("\n\n") + "\n";
}
