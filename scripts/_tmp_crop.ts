import { readFileSync, writeFileSync } from "node:fs";
import { createCanvas, loadImage } from "@napi-rs/canvas";
const img = await loadImage(readFileSync(process.argv[2]!));
const [x, y, w, h] = process.argv.slice(3, 7).map(Number) as [number, number, number, number];
const c = createCanvas(w, h); c.getContext("2d").drawImage(img, x, y, w, h, 0, 0, w, h);
writeFileSync(process.argv[7]!, await c.encode("png"));
