// The seeds' expected answers (test/data/seeds/expected), read once and checked against the
// canonical model so that the tests compare against well-formed Documents only.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DocumentSchema, type Document, type Indicator } from "../../contracts/model.js";

/** The seeds' expected answers, kept with the tests (test/data/seeds/README.md). */
export const EXPECTED_DIR = fileURLToPath(new URL("../data/seeds/expected/", import.meta.url));

export interface Seed {
  /** File name without extension, e.g. "000_3159a4f345e73b5b". */
  name: string;
  document: Document;
}

/** Given nothing, return every expected Document in file-name order. */
export function loadSeeds(): Seed[] {
  return readdirSync(EXPECTED_DIR)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => ({
      name: file.replace(/\.json$/, ""),
      document: DocumentSchema.parse(JSON.parse(readFileSync(join(EXPECTED_DIR, file), "utf8"))),
    }));
}

/** Given a Document, return all its indicators across reports. */
export function indicatorsOf(document: Document): Indicator[] {
  return document.reports.flatMap((report) => report.indicators);
}
