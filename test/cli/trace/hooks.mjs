// Module hooks of register.mjs (they run on Node's loader thread): each resolved ES module URL is
// appended to the trace file as it is resolved, so the trace survives however the process ends.
import { appendFileSync } from "node:fs";

let file = "";

export function initialize(data) {
  file = data.file;
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  appendFileSync(file, `${resolved.url}\n`);
  return resolved;
}
