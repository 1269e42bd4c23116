// The format comes from the bytes, never the name: sites publish DOCX files named .doc, HTML pages
// named .pdf or .xls, and legacy files under new extensions. Each misnamed fixture is read in full.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { looksLikeHtml } from "../../extractors/html/extractor.js";
import { detectFormat } from "../../extractors/registry.js";
import { extractFile } from "../../src/pipeline.js";
import { FIXTURES, scoreAgainst } from "../helpers.js";
import { oleOf, xlsxOf } from "./build.js";

const DIR = join(FIXTURES, "misnamed");
const files = readdirSync(DIR)
  .filter((f) => !f.endsWith(".expected.json"))
  .sort();

/** What each misnamed file really is: [detected from the bytes, format reported]. */
const REALLY: Record<string, [string, string]> = {
  "haikou-gaoyi.docx": ["ole", "doc"],
  "liuzhou.pdf": ["html", "html"],
  "project-wide.xls": ["html", "html"],
  "tianjin.doc": ["docx", "docx"],
  "wuhan.xlsx": ["ole", "xls"],
};

describe("misnamed files", () => {
  it("are all listed here, each with an expected file", () => {
    expect(files).toEqual(Object.keys(REALLY).sort());
    for (const f of files) expect(readdirSync(DIR)).toContain(`${f}.expected.json`);
  });

  for (const name of files) {
    const [detected, format] = REALLY[name] ?? ["?", "?"];
    it(`reads ${name}, really ${format === detected ? format : `a .${format}`}, at cell F1 100%`, async () => {
      const file = join(DIR, name);
      expect(detectFormat(readFileSync(file))).toBe(detected);
      const { document } = await extractFile(file);
      expect(document.source.format).toBe(format);
      const { cells, diffs } = scoreAgainst(`${file}.expected.json`, document);
      if (cells.f1 < 1) console.log(diffs.split("\n").slice(0, 20).join("\n"));
      expect(cells.f1).toBe(1);
    });
  }

  it("gives project-wide.xls no declared encoding, in GBK, as Excel's HTML export often is", () => {
    const bytes = readFileSync(join(DIR, "project-wide.xls"));
    expect(bytes.toString("latin1")).not.toMatch(/charset/i);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
  });
});

describe("format detection", () => {
  it("tells every format from its first bytes, whatever the name", () => {
    expect(detectFormat(readFileSync(join(FIXTURES, "liuzhou.xlsx")))).toBe("xlsx");
    expect(detectFormat(xlsxOf({ sheets: [] }))).toBe("xlsx");
    expect(detectFormat(oleOf(["WordDocument"]))).toBe("ole");
    expect(detectFormat(Buffer.from("%PDF-1.7\n"))).toBe("pdf");
    expect(detectFormat(Buffer.from("just some words"))).toBe("unknown");
  });

  it("knows HTML by its opening tags after comments and white space, in UTF-16 too, or by an early table", () => {
    expect(
      looksLikeHtml(
        '\n<!-- saved from url=(0014)about:internet -->\n<html xmlns:o="urn:schemas-microsoft-com:office:office">',
      ),
    ).toBe(true);
    expect(looksLikeHtml('<META http-equiv=Content-Type content="text/html; charset=gb2312">')).toBe(true);
    expect(looksLikeHtml("<title>绩效</title>")).toBe(true);
    expect(looksLikeHtml("报表\n<TABLE border=1>")).toBe(true);
    expect(looksLikeHtml("a < b and table")).toBe(false);
    expect(
      detectFormat(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("<html><body>表</body></html>", "utf16le")])),
    ).toBe("html");
  });

  it(`names no extension in what it decides: ${basename(DIR)}/ holds a DOCX named .doc and an HTML page named .pdf`, () => {
    expect(detectFormat(readFileSync(join(DIR, "tianjin.doc")))).toBe("docx");
    expect(detectFormat(readFileSync(join(DIR, "liuzhou.pdf")))).toBe("html");
  });
});
