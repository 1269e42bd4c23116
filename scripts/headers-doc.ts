// `node --import tsx scripts/headers-doc.ts`: rewrites the generated part of docs/headers.md from
// the header vocabulary (normalizers/common/headers.ts). Run it after adding synonyms, and read
// the diff.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { withGeneratedPart } from "./vocabulary-doc.js";

const FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../docs/headers.md");
writeFileSync(FILE, withGeneratedPart(readFileSync(FILE, "utf8")));
console.log(path.relative(process.cwd(), FILE));
