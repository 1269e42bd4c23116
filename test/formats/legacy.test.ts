// Legacy Office files (.doc/.wps, .xls/.et): told apart by their OLE directory, converted by
// LibreOffice with a private profile and a time limit, read by the DOCX/XLSX extractors; and the
// error a user sees when LibreOffice is not installed.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { compoundFileToNames, namesToKind } from "../../extractors/ole/cfb.js";
import { extractOle } from "../../extractors/ole/index.js";
import { tablesOf } from "../../contracts/extraction.js";
import { UnreadableFileError } from "../../contracts/errors.js";
import { extractBytes, extractFile } from "../../src/pipeline.js";
import { FIXTURES, REPO } from "../helpers.js";
import { oleOf } from "./build.js";

const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const scratch = mkdtempSync(join(tmpdir(), "jixiao-legacy-"));

/** Given a shell script's body, return the path of an executable script standing in for soffice. */
function fakeSoffice(name: string, body: string): string {
  const file = join(scratch, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

/** Given a process id, return whether it still runs (a killed process whose parent is gone may linger as a zombie). */
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
};

describe("the OLE directory", () => {
  it("names a Word document's streams (WordDocument) and a workbook's (Workbook)", () => {
    expect(compoundFileToNames(fixture("liuzhou.doc"))).toContain("WordDocument");
    expect(compoundFileToNames(fixture("liuzhou.xls"))).toContain("Workbook");
  });

  it("tells .doc/.wps from .xls/.et by stream names, Excel 5's Book included, and spots encrypted OOXML", () => {
    expect(namesToKind(["Root Entry", "WordDocument", "1Table"])).toBe("doc");
    expect(namesToKind(["Root Entry", "Book"])).toBe("xls");
    expect(namesToKind(["Root Entry", "EncryptionInfo", "EncryptedPackage"])).toBe("encrypted");
    expect(namesToKind(["Root Entry", "PowerPoint Document"])).toBe("other");
    expect(compoundFileToNames(oleOf(["Workbook", "\x05SummaryInformation"]))).toEqual([
      "Root Entry",
      "Workbook",
      "\x05SummaryInformation",
    ]);
  });

  it("refuses a password-protected DOCX, a presentation and a truncated file with their reasons", async () => {
    await expect(
      extractOle(oleOf(["EncryptionInfo", "EncryptedPackage"]), "secret.docx", extractBytes),
    ).rejects.toMatchObject({ reason: "encrypted" });
    await expect(
      extractOle(oleOf(["PowerPoint Document", "Pictures"]), "slides.doc", extractBytes),
    ).rejects.toMatchObject({
      reason: "unsupported-format",
      detail:
        "an OLE compound file that is neither a Word document nor an Excel workbook (streams: PowerPoint Document, Pictures)",
    });
    await expect(extractOle(fixture("liuzhou.doc").subarray(0, 700), "cut.doc", extractBytes)).rejects.toMatchObject({
      reason: "corrupt",
    });
  });
});

describe("conversion through LibreOffice", () => {
  afterEach(() => {
    delete process.env.JIXIAO_SOFFICE;
  });

  it("reads a .doc and an .xls converted at the same time, reporting the legacy formats", async () => {
    const [doc, xls] = await Promise.all([
      extractBytes(fixture("liuzhou.doc"), "liuzhou.doc"),
      extractBytes(fixture("liuzhou.xls"), "liuzhou.xls"),
    ]);
    expect(doc.format).toBe("doc");
    expect(xls.format).toBe("xls");
    for (const e of [doc, xls])
      expect(
        tablesOf(e)[0]!
          .rows[0]!.map((c) => c?.text ?? null)
          .slice(0, 2),
      ).toEqual(["部门名称", "柳州市民政局"]);
  });

  it("names the Debian packages to install when soffice is missing (JIXIAO_SOFFICE=/nonexistent)", async () => {
    process.env.JIXIAO_SOFFICE = "/nonexistent/soffice";
    const error = await extractFile(join(FIXTURES, "liuzhou.xls")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect(error).toMatchObject({ reason: "missing-dependency" });
    expect((error as UnreadableFileError).detail).toMatch(
      /libreoffice-writer-nogui \(and libreoffice-calc-nogui for spreadsheets\)/,
    );
  });

  it("kills a conversion past its time limit with the processes it started, as a timeout", async () => {
    const pidFile = join(scratch, "child.pid");
    const slow = fakeSoffice("slow-soffice", `sleep 60 &\necho $! > ${pidFile}\nwait`);
    const error = await extractOle(fixture("liuzhou.doc"), "slow.doc", extractBytes, {
      soffice: slow,
      timeoutMs: 1500,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "timeout", detail: "LibreOffice did not convert the file within 1.5 s" });
    const child = Number(readFileSync(pidFile, "utf8"));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(alive(child)).toBe(false);
  });

  it("reports a file LibreOffice writes nothing for as corrupt, with what it said", async () => {
    const silent = fakeSoffice("failing-soffice", 'echo "Error: source file could not be loaded" >&2\nexit 0');
    await expect(
      extractOle(fixture("liuzhou.xls"), "bad.xls", extractBytes, { soffice: silent }),
    ).rejects.toMatchObject({
      reason: "corrupt",
      detail:
        "LibreOffice could not convert the xls file (damaged or password-protected?): Error: source file could not be loaded",
    });
  });
});

describe("the CLI without LibreOffice", () => {
  const env = { ...process.env, JIXIAO_SOFFICE: "/nonexistent" };
  const jixiao = (...args: string[]) =>
    spawnSync("node", [join(REPO, "bin/jixiao.js"), ...args], { cwd: REPO, encoding: "utf8", env });

  it("extract exits 1 with one line naming the file, the reason and the package", () => {
    const run = jixiao("extract", "fixtures/wuhan.doc", "--json");
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("fixtures/wuhan.doc: missing-dependency: ");
    expect(run.stderr).toContain("libreoffice-writer-nogui");
  });

  it("import records the file in import_errors and goes on with the others", () => {
    const db = join(mkdtempSync(join(tmpdir(), "jixiao-nolo-")), "t.db");
    const run = jixiao("import", "fixtures/wuhan.doc", "fixtures/wuhan.html", "--db", db);
    expect(run.status).toBe(0);
    const conn = new Database(db, { readonly: true });
    const errors = conn.prepare("SELECT path, reason, detail FROM import_errors").all() as {
      path: string;
      reason: string;
      detail: string;
    }[];
    const documents = conn.prepare("SELECT path FROM documents").pluck().all();
    conn.close();
    expect(errors.map((e) => [e.path, e.reason])).toEqual([["fixtures/wuhan.doc", "missing-dependency"]]);
    expect(errors[0]!.detail).toContain("libreoffice-calc-nogui");
    expect(documents).toEqual(["fixtures/wuhan.html"]);
  });
});
