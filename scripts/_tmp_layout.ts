import { readFileSync, writeFileSync } from "node:fs";
import { createCanvas } from "@napi-rs/canvas";
import { bytesToDocument } from "../extractors/pdf/load.js";
import { documentToRaster } from "../extractors/ocr/render.js";
import { rgbaToGray } from "../extractors/ocr/image.js";
import { grayToLayout } from "../extractors/ocr/layout.js";
import { regionToLines } from "../extractors/ocr/textlines.js";
import { defaultOcrSettings as S } from "../extractors/ocr/settings.js";
const doc = await bytesToDocument(readFileSync(process.argv[2]!), "x");
const n = Number(process.argv[3] ?? 1);
let t = Date.now();
const lap = (s: string) => { console.log(s, Date.now() - t); t = Date.now(); };
const r = await documentToRaster(doc, n, 200); lap("render");
const { gray, seal } = rgbaToGray(r.image, S.seal); lap("gray");
const L = grayToLayout(gray, seal, r.scale, S); lap(`layout skew ${L.skew} segs ${L.segments.length} tables ` + L.tables.map((x) => `${x.ys.length - 1}x${x.xs.length - 1} cells ${x.cells.length} irr ${x.irregular}`).join("; "));
const tb = L.text, g = L.gray;
const c = createCanvas(g.width, g.height); const ctx = c.getContext("2d");
const id = ctx.createImageData(g.width, g.height);
for (let i = 0; i < g.data.length; i++) { id.data[i * 4] = id.data[i * 4 + 1] = id.data[i * 4 + 2] = tb.data[i] ? 0 : 255; id.data[i * 4 + 3] = 255; }
ctx.putImageData(id, 0, 0);
ctx.lineWidth = 3;
for (const seg of L.segments) { ctx.strokeStyle = "rgba(0,200,0,0.6)"; ctx.beginPath(); if (seg.horizontal) { ctx.moveTo(seg.from, seg.at); ctx.lineTo(seg.to, seg.at); } else { ctx.moveTo(seg.at, seg.from); ctx.lineTo(seg.at, seg.to); } ctx.stroke(); }
let nl = 0;
for (const tab of L.tables) { for (const cell of tab.cells) {
  ctx.strokeStyle = "rgba(0,0,255,0.8)"; ctx.lineWidth = 2; ctx.strokeRect(cell.box.x0 + 4, cell.box.y0 + 4, cell.box.x1 - cell.box.x0 - 8, cell.box.y1 - cell.box.y0 - 8);
  for (const l of regionToLines(tb, { x0: cell.box.x0 + 3, y0: cell.box.y0 + 3, x1: cell.box.x1 - 3, y1: cell.box.y1 - 3 }, { minHeight: 10, minWidth: 10, rowGap: 1, chunkGap: 1.5, maxHeightRatio: 1.8 })) { nl++; ctx.strokeStyle = "rgba(255,0,0,0.8)"; ctx.lineWidth = 1; ctx.strokeRect(l.x0, l.y0, l.x1 - l.x0, l.y1 - l.y0); }
}
console.log("xs", tab.xs.map(Math.round).join(","), "ys", tab.ys.map(Math.round).join(","), tab.cells.filter(c=>c.rowSpan>1||c.colSpan>1).map(c=>`${c.row},${c.col} ${c.rowSpan}x${c.colSpan}`).join(" "));
}
lap("lines " + nl);
writeFileSync("/tmp/pg/layout.png", await c.encode("png"));
