// Bench of the CLI's start-up (`npm run bench:start`): the whole-process wall time of short
// commands, each against a bare `node -e ""` timed in the same run, so that the fixed cost jixiao
// adds to every call is read as a difference and a ratio on a shared, noisy machine. The commands
// run round-robin, one of each per round, so a burst of load on the machine slows every command
// alike. Target (issue 22): `extract` of a one-page DOCX under 250 ms.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 11);
const DOCX_TARGET_MS = 250;

interface Case {
  name: string;
  args: string[];
}

const CLI = "bin/jixiao.js";
const CASES: Case[] = [
  { name: 'node -e ""', args: ["-e", ""] },
  { name: "jixiao --help", args: [CLI, "--help"] },
  { name: "extract, one-page DOCX", args: [CLI, "extract", "fixtures/hunan-noscore.docx", "--json"] },
  { name: "extract, one-page text PDF", args: [CLI, "extract", "fixtures/sichuan-sheet.lo.pdf", "--json"] },
];

/** Given a case, return the wall milliseconds of one run of it; throws when the command fails. */
function timeRun(c: Case): number {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, c.args, { stdio: ["ignore", "ignore", "pipe"] });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`${c.name} failed (${run.status}): ${run.stderr.toString()}`);
  return ms;
}

/** Given timings, return their median. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function main(): void {
  if (!existsSync("dist/src/cli/main.js")) throw new Error("dist/ is missing: run `npm run build` first");
  const times = CASES.map(() => [] as number[]);
  CASES.forEach((c) => timeRun(c)); // warm-up: the file system cache, not measured
  for (let round = 0; round < ROUNDS; round++) CASES.forEach((c, i) => times[i]!.push(timeRun(c)));
  const medians = times.map(median);
  const base = medians[0]!;
  const rows = [["command", "median ms", "min ms", "over node ms", "× node"]];
  CASES.forEach((c, i) =>
    rows.push([
      c.name,
      medians[i]!.toFixed(0),
      Math.min(...times[i]!).toFixed(0),
      (medians[i]! - base).toFixed(0),
      (medians[i]! / base).toFixed(2),
    ]),
  );
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows)
    console.log(r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join("  "));
  const docx = medians[2]!;
  console.log(
    `median of ${ROUNDS} runs each; extract of a one-page DOCX ${docx.toFixed(0)} ms (target < ${DOCX_TARGET_MS}): ${docx < DOCX_TARGET_MS ? "ok" : "SLOWER THAN TARGET"}`,
  );
}

main();
