// pdfjs-dist's legacy build replaces JavaScript built-ins for the whole thread with slower
// polyfills (core-js); the PDF extractor puts the natives back. Each check runs in a fresh worker
// thread, so that what it sees is what one process sees from its first module on. `npm test`
// builds dist/ first.
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { FIXTURES, REPO } from "../helpers.js";

/** Given the body of an async function run in a fresh worker thread, return what it returns. */
function inFreshThread(body: string): Promise<unknown> {
  const code = `const { parentPort } = require("node:worker_threads");
    (async () => { ${body} })().then((v) => parentPort.postMessage(v), (e) => parentPort.postMessage({ error: String(e && e.stack || e) }));`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    worker.once("message", (v) => {
      void worker.terminate();
      resolve(v);
    });
    worker.once("error", reject);
  });
}

describe("the built-ins pdf.js replaces", () => {
  it("are the natives again once the extractor has loaded pdf.js, and a PDF still extracts with it", async () => {
    const result = await inFreshThread(`
      const natives = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse, toString: Function.prototype.toString };
      const { extractPdf } = await import(${JSON.stringify(join(REPO, "dist/extractors/pdf/index.js"))});
      const bytes = require("node:fs").readFileSync(${JSON.stringify(join(FIXTURES, "tianjin.lo.pdf"))});
      const extraction = await extractPdf(new Uint8Array(bytes), "tianjin.lo.pdf", {}, undefined, "pdfjs");
      return {
        polyfilled: "__core-js_shared__" in globalThis,
        same: { push: Array.prototype.push === natives.push, stringify: JSON.stringify === natives.stringify, parse: JSON.parse === natives.parse, toString: Function.prototype.toString === natives.toString },
        tables: extraction.blocks.filter((b) => b.kind === "table").length,
        roundTrip: JSON.parse(JSON.stringify({ a: [1, "二", null] }, null, 1)),
      };`);
    expect(result).toEqual({
      polyfilled: true,
      same: { push: true, stringify: true, parse: true, toString: true },
      tables: expect.any(Number),
      roundTrip: { a: [1, "二", null] },
    });
    expect((result as { tables: number }).tables).toBeGreaterThan(0);
  });

  it("are never replaced on the thread that writes an import, which does not load pdf.js", async () => {
    const result = await inFreshThread(`
      const { COMMANDS } = await import(${JSON.stringify(join(REPO, "dist/src/cli/commands.js"))});
      for (const entry of COMMANDS) await entry.load();
      return { pdfjs: "pdfjsLib" in globalThis, polyfilled: "__core-js_shared__" in globalThis };`);
    expect(result).toEqual({ pdfjs: false, polyfilled: false });
  });
});
