import { readFileSync } from "node:fs";
import { ocrPdfPages } from "../extractors/ocr/index.js";
const file = process.argv[2]!; const pages = (process.argv[3] ?? "1").split(",").map(Number); const engine = (process.argv[4] ?? "paddle") as "paddle";
const t = Date.now();
const r = await ocrPdfPages(readFileSync(file), file, pages, { engine });
console.log("seconds", (Date.now() - t) / 1000, JSON.stringify(r.pages.map(p => [p.lines, p.seconds])));
for (const b of r.blocks) {
  if (b.kind === "text") console.log("TEXT", b.role, b.text);
  else { console.log("TABLE", b.table.index); for (const row of b.table.rows) console.log(" | " + row.map((c) => (c ? c.text + (c.rowSpan > 1 || c.colSpan > 1 ? `{${c.rowSpan}x${c.colSpan}}` : "") : "·")).join(" | ")); }
}
console.log(r.warnings.map((w) => w.code + " " + w.message).join("\n"));
