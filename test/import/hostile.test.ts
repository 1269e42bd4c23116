// The hostile-input suite: small files that declare huge things, special files and odd paths,
// imported together with good files. Every path must end as one row of documents or
// import_errors, every good file must be written, each limit hit must name its limit, and the
// import's whole process tree must stay under 1.5 GB by the importer's own accounting.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { UnreadableFileError } from "../../contracts/errors.js";
import { checkSequence } from "../../normalizers/project-wide/checks.js";
import { extractFile } from "../../src/pipeline.js";
import { oleOf } from "../formats/build.js";
import { boundByPermissions, FIXTURES, REPO } from "../helpers.js";
import * as hostile from "./hostile.js";

const GB = 1024 ** 3;

interface Stats {
  files: number;
  memory: { peakTreeBytes: number; peakWorkerBytes: number };
}

function importAs(args: string[]): { status: number | null; stderr: string; stats: Stats } {
  // Bound by file permissions even as root, so that an unreadable file means what it says.
  const run = spawnSync(...boundByPermissions("node", [join(REPO, "bin/jixiao.js"), "import", ...args]), {
    env: { ...process.env, JIXIAO_STATS: "1" },
    encoding: "utf8",
  });
  const line = run.stderr.split("\n").find((l) => l.startsWith("JIXIAO_STATS "));
  if (!line) throw new Error(`import failed (${run.status}): ${run.stderr.slice(-2000)}`);
  return { status: run.status, stderr: run.stderr, stats: JSON.parse(line.slice("JIXIAO_STATS ".length)) as Stats };
}

function rowsOf(db: string) {
  const conn = new Database(db, { readonly: true });
  const errors = new Map(
    conn
      .prepare("SELECT path, reason, detail FROM import_errors")
      .all()
      .map((r) => {
        const row = r as { path: string; reason: string; detail: string };
        return [row.path, row] as const;
      }),
  );
  const documents = conn.prepare("SELECT path FROM documents").pluck().all() as string[];
  const warnings = conn
    .prepare("SELECT source_path AS path, message FROM warnings WHERE code = 'limit-exceeded'")
    .all() as { path: string; message: string }[];
  conn.close();
  return { errors, documents, warnings };
}

describe("an import of hostile files mixed with good ones", () => {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-hostile-"));
  const input = join(dir, "in");
  const db = join(dir, "out", "hostile.db");
  const at = (name: string) => join(input, name);
  const gbkName = Buffer.concat([
    Buffer.from(`${input}/`),
    Buffer.from([0xb1, 0xa8, 0xb8, 0xe6]),
    Buffer.from(".docx"),
  ]); // 报告 in GBK
  let result: ReturnType<typeof importAs>;
  let rows: ReturnType<typeof rowsOf>;

  beforeAll(async () => {
    mkdirSync(input);
    mkdirSync(join(dir, "out"));
    chmodSync(dir, 0o755);
    chmodSync(join(dir, "out"), 0o777);
    writeFileSync(at("gridspan.docx"), hostile.docxGridSpan(2 ** 31 - 1));
    writeFileSync(at("paragraphs.docx"), hostile.docxEmptyParagraphs(10_000_000));
    writeFileSync(at("nested.docx"), hostile.docxNestedTables(2_000));
    writeFileSync(at("merged.xlsx"), hostile.xlsxMergedArea(160_000));
    writeFileSync(at("rows.xlsx"), hostile.xlsxRows(200_000));
    writeFileSync(at("nested.html"), hostile.htmlNestedTables(2_000));
    writeFileSync(at("nested-html-named.xls"), hostile.htmlNestedTables(2_001)); // sites serve HTML as .xls
    writeFileSync(at("broken.doc"), oleOf(["WordDocument"]));
    writeFileSync(at("wide-spans.html"), hostile.htmlWideSpans(300, 60));
    writeFileSync(at("scan-image.pdf"), hostile.pdfHugeImage(60_000));
    writeFileSync(at("flate.pdf"), await hostile.pdfFlateBomb(1024));
    writeFileSync(at("sparse.pdf"), "");
    truncateSync(at("sparse.pdf"), 1900 * 1024 * 1024);
    writeFileSync(at("no-permission.pdf"), "%PDF-1.7\n");
    chmodSync(at("no-permission.pdf"), 0);
    spawnSync("mkfifo", [at("fifo.pdf")]);
    symlinkSync(".", at("loop"));
    symlinkSync(join(FIXTURES, "wuhan.docx"), at("linked.docx"));
    copyFileSync(join(FIXTURES, "liuzhou.docx"), at("good.docx"));
    copyFileSync(join(FIXTURES, "liuzhou.docx"), at("same-as-good.docx"));
    copyFileSync(join(FIXTURES, "tianjin.docx"), gbkName);
    result = importAs([input, "/dev/null", at("missing.pdf"), "--db", db, "--workers", "2"]);
    rows = rowsOf(db);
  }, 240_000);

  const gbkText = `${input}/\\xB1\\xA8\\xB8\\xE6.docx`;

  it("writes every good file: links followed, a name that is not UTF-8 stored by its bytes", () => {
    expect(result.status).toBe(0);
    expect(rows.documents).toEqual(expect.arrayContaining([at("good.docx"), at("linked.docx"), gbkText]));
  });

  it("ends each path as one row of documents or import_errors", () => {
    const paths = [...rows.documents, ...rows.errors.keys()];
    expect(new Set(paths).size).toBe(paths.length);
    // Every entry of the folder (the FIFO and the loop among them), plus /dev/null and a missing path.
    expect(paths.length).toBe(readdirSync(input).length + 2);
  });

  it("records each hostile file with its reason, naming the limit it passed", () => {
    const reasonOf = (name: string) => {
      const row = rows.errors.get(name.startsWith("/") ? name : at(name));
      return row && [row.reason, row.detail];
    };
    expect(reasonOf("paragraphs.docx")).toEqual([
      "too-large",
      "10,000,000 paragraphs, past the limit maxParagraphs=200000 (raise it with --limit maxParagraphs=N)",
    ]);
    expect(reasonOf("nested.docx")?.[1]).toMatch(/levels of nested XML elements, past the limit maxElementDepth=1000/);
    expect(reasonOf("rows.xlsx")).toEqual([
      "too-large",
      '200,000 rows in sheet "S", past the limit maxTableRows=20000 (raise it with --limit maxTableRows=N)',
    ]);
    expect(reasonOf("nested.html")?.[1]).toMatch(/levels of nested elements, past the limit maxElementDepth=1000/);
    expect(reasonOf("nested-html-named.xls")?.[0]).toBe("too-large");
    expect(reasonOf("flate.pdf")?.[1]).toMatch(
      /^a FlateDecode stream at byte \d+ inflating past 256 MB, past the limit maxStreamMb=256/,
    );
    expect(reasonOf("sparse.pdf")).toEqual([
      "too-large",
      "1900 MB, past the limit maxFileMb=200 (raise it with --limit maxFileMb=N)",
    ]);
    expect(reasonOf("no-permission.pdf")?.[0]).toBe("unreadable");
    expect(reasonOf("fifo.pdf")).toEqual(["not-a-file", "is a FIFO (named pipe)"]);
    expect(reasonOf("/dev/null")).toEqual(["not-a-file", "is a device"]);
    expect(reasonOf("missing.pdf")).toEqual(["missing", "no such file"]);
    expect(reasonOf("loop")).toEqual(["symlink-loop", "a symbolic link back into a folder that contains it"]);
    expect(reasonOf("same-as-good.docx")?.[0]).toBe("duplicate");
    expect(reasonOf("same-as-good.docx")?.[1]).toContain(`the same bytes as ${at("good.docx")}`);
    expect(reasonOf("broken.doc")?.[0]).toMatch(/^(corrupt|unsupported-format)$/);
  });

  it("reads files past a table or image limit in part, with a warning naming the limit", () => {
    expect(rows.documents).toEqual(
      expect.arrayContaining([at("gridspan.docx"), at("merged.xlsx"), at("scan-image.pdf"), at("wide-spans.html")]),
    );
    const warned = (name: string) => rows.warnings.filter((w) => w.path === at(name)).map((w) => w.message);
    expect(warned("gridspan.docx")).toEqual([
      "a cell of table 0 spans 2147483647 columns from column 0, past the limit maxTableColumns=1000 (raise it with --limit maxTableColumns=N): the rest is left out",
    ]);
    expect(warned("merged.xlsx")).toEqual([
      'sheet "S": 160,000 rows, past the limit maxTableRows=20000 (raise it with --limit maxTableRows=N): the rest is left out',
    ]);
    expect(warned("wide-spans.html")).toEqual([
      "a table: cells spanning past the last column, past the limit maxTableColumns=1000 (raise it with --limit maxTableColumns=N): the rest is left out",
    ]);
    expect(warned("scan-image.pdf")).toEqual([
      "an image of 60,000 × 60,000 pixels, past the limit maxImagePixels=60000000 (raise it with --limit maxImagePixels=N): the image is left out",
    ]);
  });

  it("keeps the whole import process tree under 1.5 GB, as the importer measures it", () => {
    expect(result.stats.memory.peakTreeBytes).toBeGreaterThan(0);
    expect(result.stats.memory.peakTreeBytes).toBeLessThan(1.5 * GB);
  });
});

describe("a file that kills its worker", () => {
  it("fails alone as out-of-memory when its allocation ends the worker's V8, and the next file is written", () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-fatal-"));
    chmodSync(dir, 0o777);
    const bomb = join(dir, "gridspan.docx");
    writeFileSync(bomb, hostile.docxGridSpan(2 ** 31 - 1));
    const good = join(FIXTURES, "liuzhou.docx");
    const db = join(dir, "fatal.db");
    // With the limits raised, the span sizes an array of 2^31 cells: V8 aborts the worker process.
    const { status } = importAs([
      bomb,
      good,
      "--db",
      db,
      "--workers",
      "1",
      "--memory",
      "400",
      "--limit",
      "maxTableColumns=2147483647",
      "--limit",
      "maxTableCells=100000000000",
    ]);
    const { errors, documents } = rowsOf(db);
    expect(status).toBe(0);
    expect(errors.get(bomb)?.reason).toBe("out-of-memory");
    expect(documents).toEqual([good]);
  }, 120_000);
});

describe("numbers and nesting read from documents", () => {
  it("reports a 序号 collapsed into one cell as a run past the rows instead of listing every gap", () => {
    // camelot's lattice joins a column of 1…10 into one cell, which reads as 12345678910.
    const warnings = checkSequence([
      { seq: 12_345_678_910, name: "项目甲" },
      { seq: 11, name: "项目乙" },
    ]);
    expect(warnings.map((w) => w.message)).toEqual(["project rows: 序号 run to 12345678910 over 2 row(s)"]);
  });

  it("answers HTML tables nested 2,000 deep with an error naming the file and the limit, not a stack overflow", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "jixiao-nested-")), "nested.html");
    writeFileSync(file, hostile.htmlNestedTables(2_000));
    await expect(extractFile(file)).rejects.toBeInstanceOf(UnreadableFileError);
    await expect(extractFile(file)).rejects.toThrow(
      `${file}: too-large: 8,003 levels of nested elements, past the limit maxElementDepth=1000`,
    );
  });
});
