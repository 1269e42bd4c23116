// Helpers shared by the test suites: paths of the repository's test data and the scorer.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { scoreDocument, tallyToScores, totalTally } from "../src/score/index.js";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const FIXTURES = join(REPO, "fixtures");
/** The five seed reports as text dumps, with the answers a reader recorded (test/data/seeds/README.md). */
export const SEEDS = join(REPO, "test/data/seeds");
/** Real published PDFs (fixtures/realdocs/README.md). */
export const REALDOCS = join(FIXTURES, "realdocs");

export interface Score {
  f1: number;
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
}

/** Given an expected file and an actual Document, return the cell scores (docs/scoring.md) and every disagreement. */
export function scoreAgainst(expectedFile: string, actual: unknown): { cells: Score; diffs: string } {
  const { tallies, diffs } = scoreDocument(JSON.parse(readFileSync(expectedFile, "utf8")), actual);
  const total = totalTally(tallies);
  return { cells: { ...tallyToScores(total), tp: total.tp, fp: total.fp, fn: total.fn }, diffs: diffs.join("\n") };
}

/** The fixture files that have an expected Document beside them, as [file, expected] pairs. */
export function fixturePairs(filter: (name: string) => boolean = () => true): [string, string][] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".expected.json"))
    .map((f) => [join(FIXTURES, f.replace(/\.expected\.json$/, "")), join(FIXTURES, f)] as [string, string])
    .filter(([file]) => existsSync(file) && filter(file))
    .sort();
}

/**
 * Given a command and its arguments, return them so that file permissions bind the spawned process:
 * as root, without the capabilities that let root ignore them (CAP_DAC_OVERRIDE and
 * CAP_DAC_READ_SEARCH, dropped by util-linux setpriv), so a 0444 database cannot be written and a
 * mode-000 file cannot be read. Switching to another user instead would fail wherever the clone sits
 * in a folder only root may enter (mktemp -d makes them 0700).
 */
export function boundByPermissions(command: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, args];
  return ["setpriv", ["--bounding-set=-dac_override,-dac_read_search", "--", command, ...args]];
}
