import { readFileSync } from "node:fs";
import { bytesToDocument } from "../extractors/pdf/load.js";
import { documentToRaster } from "../extractors/ocr/render.js";
const doc = await bytesToDocument(readFileSync("fixtures/liuzhou.scan.pdf"), "x");
const r = await documentToRaster(doc, 1, 200);
const d = r.image.data, w = r.image.width;
// sample a region near the seal ring (approx) and histogram colors of dark-ish pixels
const hist = new Map<string, number>();
for (let y = 1450; y < 1900; y++) for (let x = 1250; x < 1654; x++) {
  const i = (y * w + x) * 4; const R = d[i]!, G = d[i+1]!, B = d[i+2]!;
  const lum = 0.299*R+0.587*G+0.114*B; const red = R - (G+B)/2;
  if (lum < 150) { const k = `lum${Math.floor(lum/30)*30} red${Math.floor(red/15)*15}`; hist.set(k, (hist.get(k) ?? 0) + 1); }
}
console.log([...hist.entries()].sort((a,b)=>b[1]-a[1]).slice(0,30));
import { rgbaToGray, otsuThreshold } from "../extractors/ocr/image.js";
const g = rgbaToGray(r.image, { redMargin: 60, fringe: 2, textLevel: 90 }); const th = otsuThreshold(g); console.log("th", th);
const h2 = new Map<string, number>();
for (let y = 1450; y < 1900; y++) for (let x = 1250; x < 1654; x++) {
  const p = y * w + x; if (g.data[p]! > th) continue;
  let near = false; for (let dy=-3; dy<=3; dy++) for (let dx=-3; dx<=3; dx++) { const i=((y+dy)*w+x+dx)*4; if (d[i]!-(d[i+1]!+d[i+2]!)/2 > 60) near = true; }
  if (!near) continue;
  const i = p*4; const k = `R${Math.floor(d[i]!/20)*20} G${Math.floor(d[i+1]!/20)*20} B${Math.floor(d[i+2]!/20)*20}`; h2.set(k, (h2.get(k) ?? 0) + 1);
}
console.log([...h2.entries()].sort((a,b)=>b[1]-a[1]).slice(0,20));
