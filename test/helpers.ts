// Helpers shared by the test suites: paths of the repository, the shared materials and the scorer.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const FIXTURES = join(REPO, "fixtures");
export const SHARED = resolve(REPO, "../shared");
export const SCORER = join(SHARED, "tools/score.mjs");

export interface Score {
  f1: number;
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
}

/** Given an expected file and an actual Document, return the cell scores of ../shared/tools/score.mjs. */
export function scoreAgainst(expectedFile: string, actual: unknown): { cells: Score; diffs: string } {
  if (!existsSync(SCORER)) throw new Error(`the scorer ${SCORER} is missing: the shared materials must sit beside the repository`);
  const dir = mkdtempSync(join(tmpdir(), "jixiao-score-"));
  const actualFile = join(dir, "actual.json");
  writeFileSync(actualFile, JSON.stringify(actual));
  const json = JSON.parse(execFileSync("node", [SCORER, expectedFile, actualFile, "--json"], { encoding: "utf8" }));
  const diffs = execFileSync("node", [SCORER, expectedFile, actualFile, "--verbose"], { encoding: "utf8" });
  return { cells: json.cells as Score, diffs };
}

/** The fixture files that have an expected Document beside them, as [file, expected] pairs. */
export function fixturePairs(filter: (name: string) => boolean = () => true): [string, string][] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".expected.json"))
    .map((f) => [join(FIXTURES, f.replace(/\.expected\.json$/, "")), join(FIXTURES, f)] as [string, string])
    .filter(([file]) => existsSync(file) && filter(file))
    .sort();
}
