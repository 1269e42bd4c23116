#!/usr/bin/env node
// Entry point of the `jixiao` command: runs the compiled CLI (npm install builds it via `prepare`).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../dist/src/cli/main.js", import.meta.url));
if (!existsSync(cli)) {
  console.error(
    "jixiao: the compiled CLI is missing (dist/). Run `npm install` or `npm run build` in the jixiao folder.",
  );
  process.exit(2);
}
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));
