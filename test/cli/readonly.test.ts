// The read commands on a database shared read-only: the file mode 0444 in a folder the reader
// cannot write, read by a process the permissions bind (as root: without the capabilities that
// override them, test/helpers.ts).
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { boundByPermissions, FIXTURES, REPO } from "../helpers.js";

/** Given a command line, run the CLI, bound by file permissions when `bound` is set. */
function jixiao(args: string[], bound = false) {
  const line: [string, string[]] = ["node", [join(REPO, "bin/jixiao.js"), ...args]];
  return spawnSync(...(bound ? boundByPermissions(...line) : line), { cwd: REPO, encoding: "utf8" });
}

describe("read commands on a read-only database", () => {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-readonly-"));
  chmodSync(dir, 0o755);
  const shared = join(dir, "shared");
  mkdirSync(shared);
  const db = join(shared, "jixiao.db");
  const out = join(dir, "out");
  mkdirSync(out);
  chmodSync(out, 0o777);
  const good = join(FIXTURES, "liuzhou.docx");
  expect(jixiao(["import", good, "--db", db]).status).toBe(0);
  chmodSync(db, 0o444);
  chmodSync(shared, 0o555);

  it.each([
    ["list", ["list", "--db", db], "柳州市民政局"],
    ["query", ["query", "SELECT department FROM reports", "--db", db], "柳州市民政局"],
    ["search", ["search", "民政", "--db", db], "柳州市民政局"],
    ["check", ["check", "--db", db], "liuzhou.docx"],
  ])("%s reads it", (_name, args, expected) => {
    const run = jixiao(args, true);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(expected);
  });

  it("export and report write their output from it", () => {
    const exported = jixiao(["export", "--db", db, "--out", join(out, "export")], true);
    expect(exported.stderr).toBe("");
    expect(exported.stdout).toContain("1 document(s) written");
    const report = jixiao(["report", "--db", db, "--html", join(out, "report")], true);
    expect(report.status).toBe(0);
    expect(readFileSync(join(out, "report", "index.html"), "utf8")).toContain("柳州市民政局");
  });
});
