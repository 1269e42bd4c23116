import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import {
  addNumeric,
  addTallies,
  scoreDocument,
  tallyToScores,
  totalTally,
  type DocumentScore,
  type RecordKind,
  type Tally,
} from "../score/index.js";
import { parse, UsageError } from "./args.js";
import type { Command } from "./commands.js";

const help = `usage: jixiao score EXPECTED.json ACTUAL.json [--json] [--verbose]
       jixiao score --expected DIR --actual DIR [--json] [--verbose]

Scores extracted Documents against expected ones, cell by cell (docs/scoring.md): every compared
field of every paired record (report, budget line, goal, indicator, project) is one cell. The
cells of figures (fields compared as numbers) are also scored on their own.
With folders, files are paired by name (a.json with a.json); an actual file that is missing
counts as a document read as nothing.

  --expected DIR  the folder of expected Documents (your ground truth)
  --actual DIR    the folder of extracted Documents (jixiao extract FILE --json > DIR/NAME.json)
  --json          print the scores as JSON
  --verbose       list every disagreement first

example: jixiao score --expected truth --actual out --verbose`;

/** Given a JSON file, return its parsed content, or a document with no reports when it cannot be read. */
function readDocument(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return { reports: [] };
  }
}

/** Given the two folders, return each expected file's score against its namesake. */
function scoreFolders(expectedDir: string, actualDir: string): [string, DocumentScore][] {
  return readdirSync(expectedDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const actual = join(actualDir, f);
      return [
        f,
        scoreDocument(
          readDocument(join(expectedDir, f)),
          existsSync(actual) ? readDocument(actual) : { reports: [] },
          f,
        ),
      ];
    });
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

/** Given the files' scores, return the lines of the plain report. */
function reportLines(files: [string, DocumentScore][], verbose: boolean): string[] {
  const lines = verbose ? files.flatMap(([, s]) => s.diffs) : [];
  if (files.length > 1) {
    for (const [name, s] of files) {
      const t = totalTally(s.tallies);
      lines.push(`${name.padEnd(50)} cell F1 ${pct(tallyToScores(t).f1)}  (tp ${t.tp} fp ${t.fp} fn ${t.fn})`);
    }
  }
  lines.push("record     expected  extracted  matched   cell P  cell R  cell F1");
  for (const [kind, t] of Object.entries(addTallies(files.map(([, s]) => s))) as [RecordKind, Tally][]) {
    const s = tallyToScores(t);
    const counts = `${String(t.expectedRecords).padStart(8)} ${String(t.actualRecords).padStart(10)} ${String(t.matchedRecords).padStart(8)}`;
    lines.push(`${kind.padEnd(10)} ${counts}   ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}`);
  }
  const all = tallyToScores(totalTally(addTallies(files.map(([, s]) => s))));
  lines.push(`all cells: precision ${pct(all.precision)}  recall ${pct(all.recall)}  F1 ${pct(all.f1)}`);
  const figures = addNumeric(files.map(([, s]) => s));
  const n = tallyToScores(figures);
  lines.push(
    `numeric cells: precision ${pct(n.precision)}  recall ${pct(n.recall)}  F1 ${pct(n.f1)}  (tp ${figures.tp} fp ${figures.fp} fn ${figures.fn})`,
  );
  return lines;
}

/** Given the files' scores, return the JSON summary: all cells, by kind, and per file. */
function summary(files: [string, DocumentScore][]) {
  const byKind = Object.fromEntries(
    Object.entries(addTallies(files.map(([, s]) => s))).map(([k, t]) => [k, { ...t, ...tallyToScores(t) }]),
  );
  const cells = totalTally(addTallies(files.map(([, s]) => s)));
  const perFile = files.map(([file, s]) => {
    const t = totalTally(s.tallies);
    return { file, ...t, ...tallyToScores(t) };
  });
  const numeric = addNumeric(files.map(([, s]) => s));
  return {
    cells: { ...cells, ...tallyToScores(cells) },
    numeric: { ...numeric, ...tallyToScores(numeric) },
    byKind,
    perFile,
  };
}

export const scoreCommand: Command = {
  name: "score",
  help,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      expected: { type: "string" },
      actual: { type: "string" },
      json: { type: "boolean" },
      verbose: { type: "boolean" },
    });
    let files: [string, DocumentScore][];
    if (values.expected && values.actual) files = scoreFolders(values.expected, values.actual);
    else if (positionals.length === 2) {
      const [expected, actual] = positionals as [string, string];
      files = [[basename(expected), scoreDocument(readDocument(expected), readDocument(actual), basename(expected))]];
    } else throw new UsageError("give EXPECTED.json ACTUAL.json, or --expected DIR --actual DIR");
    console.log(
      values.json ? JSON.stringify(summary(files), null, 2) : reportLines(files, values.verbose ?? false).join("\n"),
    );
    return 0;
  },
};
