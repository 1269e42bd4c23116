// The evidence report opened in headless Chromium: every crop loads, every finding is listed,
// and each finding of the sample documents comes with a picture of where it was printed.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { tablesOf } from "../../contracts/extraction.js";
import { extractFile } from "../../src/pipeline.js";
import { writeEvidenceReport } from "../../src/report/index.js";
import { sqliteReader } from "../../src/store/reader.js";
import { openStore } from "../../src/store/store.js";

const CHROMIUM = process.env.JIXIAO_CHROMIUM ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function chromium(args: string[], profile: string): string {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install the Debian package chromium (or set JIXIAO_CHROMIUM)`);
  return execFileSync(CHROMIUM, [...FLAGS, `--user-data-dir=${profile}`, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
    timeout: 60_000,
  });
}

describe("the spot-check report", () => {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-report-"));
  const files = ["fixtures/liuzhou.lo.pdf", "fixtures/project-wide.lo.pdf", "fixtures/liuzhou.docx"];

  it(
    "shows every finding with its crop or source row, and every crop loads in Chromium",
    { timeout: 180_000 },
    async () => {
      const store = openStore(join(dir, "sample.db"));
      for (const file of files) {
        const { document, extraction, size } = await extractFile(file);
        store.writeDocument(document, { tables: tablesOf(extraction) }, { size });
      }
      const result = await writeEvidenceReport(sqliteReader(store), join(dir, "html"));
      const findings = store.db.prepare("SELECT count(*) FROM findings").pluck().get() as number;
      store.close();
      // liuzhou's printed total (97.36 against 100), twice, and project-wide's four printed rates.
      expect(result.findings).toBe(6);
      expect(findings).toBe(6);
      expect(readdirSync(join(dir, "html/crops")).length).toBe(result.crops);

      const url = pathToFileURL(result.file).href;
      const dom = chromium(["--virtual-time-budget=10000", "--dump-dom", url], join(dir, "profile-1"));
      const status = /<span id="status"([^>]*)>/.exec(dom)?.[1] ?? "";
      const attr = (name: string) => Number(new RegExp(`data-${name}="(\\d+)"`).exec(status)?.[1]);
      expect(attr("crops-total")).toBe(result.crops);
      expect(attr("crops-loaded")).toBe(result.crops);
      expect(attr("findings")).toBe(6);
      // The PDF findings show a crop of their page; the DOCX one shows the table row it was read from.
      const items = dom.split('<li class="finding').slice(1);
      expect(items.filter((li) => li.includes('<figure class="crop">'))).toHaveLength(5);
      expect(items.filter((li) => li.includes('<table class="source">'))).toHaveLength(1);

      const shot = join(dir, "report.png");
      chromium([`--screenshot=${shot}`, "--window-size=1280,2000", url], join(dir, "profile-2"));
      expect(statSync(shot).size).toBeGreaterThan(50_000);
    },
  );
});
