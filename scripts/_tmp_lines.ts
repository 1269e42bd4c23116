import { readFileSync } from "node:fs";
import { bytesToDocument } from "../extractors/pdf/load.js";
import { documentToRaster } from "../extractors/ocr/render.js";
import { rgbaToGray } from "../extractors/ocr/image.js";
import { grayToLayout } from "../extractors/ocr/layout.js";
import { regionToLines, lineToChunks } from "../extractors/ocr/textlines.js";
import { textLineSettings } from "../extractors/ocr/page.js";
import { defaultOcrSettings as S } from "../extractors/ocr/settings.js";
const doc = await bytesToDocument(readFileSync(process.argv[2]!), "x");
const r = await documentToRaster(doc, Number(process.argv[3] ?? 1), 200);
const { gray, seal } = rgbaToGray(r.image, S.seal);
const L = grayToLayout(gray, seal, r.scale, S);
const ls = textLineSettings(S, r.scale);
console.log(ls);
const lines = regionToLines(L.text, { x0: 0, y0: 0, x1: gray.width, y1: Math.round(L.tables[0]!.box.y0) - 3 }, ls);
for (const l of lines) console.log(l, lineToChunks(L.text, l, ls));
let w = 0, n = 0;
for (const t of L.tables) for (const c of t.cells) for (const l of regionToLines(L.text, { x0: Math.round(c.box.x0 + 3), y0: Math.round(c.box.y0 + 3), x1: Math.round(c.box.x1 - 3), y1: Math.round(c.box.y1 - 3) }, ls)) { n++; w += (l.x1 - l.x0) / (l.y1 - l.y0) * 48; }
console.log("cell lines", n, "total width at 48px", Math.round(w));
