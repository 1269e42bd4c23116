// File names are bytes: a name that is not UTF-8 is kept as text that reads back to the same bytes.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { FIXTURES, REPO } from "../helpers.js";
import { bytesToPathText, pathTextToFsPath } from "../../src/paths.js";

describe("file names as bytes", () => {
  it("keeps a UTF-8 name as it is", () => {
    expect(bytesToPathText(Buffer.from("/data/柳州 2022.pdf"))).toBe("/data/柳州 2022.pdf");
  });

  it("writes the bytes of a GBK name that are not UTF-8 as \\xHH, and a backslash beside them too", () => {
    const gbk = Buffer.concat([Buffer.from("/d/"), Buffer.from([0xb1, 0xa8, 0xb8, 0xe6]), Buffer.from("\\x.pdf")]); // 报告 in GBK
    expect(bytesToPathText(gbk)).toBe("/d/\\xB1\\xA8\\xB8\\xE6\\x5Cx.pdf");
  });

  it("reads every byte string back from its text", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    for (let i = 0; i < 2000; i++) {
      const bytes = Buffer.from(Array.from({ length: 1 + (next() % 24) }, next).filter((b) => b !== 0));
      const text = bytesToPathText(bytes);
      const back = pathTextToFsPath(text);
      expect(Buffer.isBuffer(back) ? back : Buffer.from(back, "utf8")).toEqual(bytes);
    }
  });

  it("imports a name that is not UTF-8 given on standard input, and stores it by its bytes", () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-names-"));
    const name = Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xb1, 0xa8, 0xb8, 0xe6]), Buffer.from(".docx")]);
    copyFileSync(join(FIXTURES, "liuzhou.docx"), name);
    const db = join(dir, "names.db");
    const run = spawnSync("node", [join(REPO, "bin/jixiao.js"), "import", "-", "--db", db], {
      input: Buffer.concat([name, Buffer.from("\n")]),
    });
    expect(run.status).toBe(0);
    const conn = new Database(db, { readonly: true });
    expect(conn.prepare("SELECT path FROM documents").pluck().all()).toEqual([`${dir}/\\xB1\\xA8\\xB8\\xE6.docx`]);
    conn.close();
  });
});
