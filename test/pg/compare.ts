// Comparing two databases through the CLI, as a user would: the exported Documents and the views.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO } from "../helpers.js";

export const BIN = join(REPO, "bin/jixiao.js");
export const VIEWS = [
  "indicator_history",
  "execution_rates",
  "score_checks",
  "targets_vs_results",
  "findings",
] as const;

const run = promisify(execFile);

/** Given CLI arguments, run jixiao and return its standard output (a child, so the test runner is not blocked). */
export async function jixiao(args: string[]): Promise<string> {
  try {
    return (await run("node", [BIN, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 })).stdout;
  } catch (err) {
    const { stderr, signal, code } = err as { stderr?: string; signal?: string; code?: number };
    throw new Error(`jixiao ${args.join(" ")}: exit ${code ?? signal}: ${stderr?.slice(-2000) ?? ""}`);
  }
}

/** Given an export folder, return its Documents by file name. */
export function exportedDocuments(dir: string): Record<string, unknown> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, JSON.parse(readFileSync(join(dir, f), "utf8"))]),
  );
}

/**
 * Given a database and a view, return its rows as sorted JSON lines without the row ids (assigned
 * in commit order on PostgreSQL, where workers finish in any order) and without `omit` columns.
 */
export async function viewRows(db: string, view: string, omit: RegExp = /^$/): Promise<string[]> {
  const rows = JSON.parse(await jixiao(["query", `SELECT * FROM ${view}`, "--db", db, "--format", "json"])) as Record<
    string,
    unknown
  >[];
  return rows
    .map((r) =>
      JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k]) => !/(^id$|_id$)/.test(k) && !omit.test(k)))),
    )
    .sort();
}
