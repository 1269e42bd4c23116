// The program's version, recorded with every imported document and import error so a later
// version can tell which rows an older reader produced.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/** Return the version in jixiao's package.json, found above this file (in src/ or in dist/src/). */
export function jixiaoVersion(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
      if (pkg.name === "jixiao" && typeof pkg.version === "string") return (cached = pkg.version);
    }
    const up = dirname(dir);
    if (up === dir) return (cached = "unknown");
    dir = up;
  }
}
