// `npm run profile:pdf [files…]` (after npm run build): where a text-layer PDF page's time goes. Runs the full PDF
// extraction over the fixture PDFs under V8's sampling profiler (node --cpu-prof, in a child
// process) and splits the samples into PDFium's WebAssembly and bindings, pdf.js's parsing, font
// loading, text-item building and operator list (where pdf.js reads), and jixiao's own stages by file. Each sample counts once, for the innermost
// frame of its stack that names a category, so parsing inside getTextContent counts as parsing.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const ROUNDS = Number(process.env.PROFILE_ROUNDS ?? 3);

/** pdf.js categories, tried on each frame from the leaf up: the first that matches names the sample. */
const PDFJS_CATEGORIES: [string, RegExp][] = [
  [
    "pdf.js: messages between its API and its worker (structured clones)",
    /postMessage|structuredClone|receiveMessageOnPort|MessageHandler|LoopbackPort|^clone$/,
  ],
  ["pdf.js: glyph mapping (character codes to glyphs)", /charsToGlyphs|_charToGlyph|charToGlyph/],
  [
    "pdf.js: font loading (font programs, CMaps, encodings)",
    /Font|CFF|Type1|TrueType|CMap|cmap|Glyph(s)?Map|ToUnicode|Encoding|loadFont|translateFont|Hmtx|standardFont/,
  ],
  [
    "pdf.js: parsing (objects, streams, decompression)",
    /Lexer|Parser|XRef|Stream|inflate|decode|getObj|fetch|readBlock|Ascii|Flate|Predictor|getBytes|getByte/,
  ],
  [
    "pdf.js: text items (getTextContent)",
    /getTextContent|buildTextContentItem|TextContent|showText|handleSetFont|ensureTextContentItem|flushTextContentItem|runBidi|normalizeUnicode|addFakeSpaces/,
  ],
  [
    "pdf.js: operator list (getOperatorList)",
    /getOperatorList|OperatorList|addOp|buildPath|constructPath|parseColorSpace|ColorSpace|Pattern|setGState|handleSetGState|Image/,
  ],
];

/** Given a frame, return the jixiao stage it belongs to (its source file), or null. */
function stageOf(url: string): string | null {
  const m = /\/dist\/(extractors|contracts|src|normalizers)\/(.+?)\.js$/.exec(url);
  return m ? `jixiao: ${m[1]}/${m[2]}` : null;
}

/** Given a profile, return milliseconds by category. */
function profileToSplit(profile: Profile): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const categoryOf = new Map<number, string>();
  const classify = (id: number): string => {
    const known = categoryOf.get(id);
    if (known) return known;
    const frame = byId.get(id)!.callFrame;
    let category: string | null = stageOf(frame.url);
    if (!category && frame.url.includes("pdfjs-dist"))
      category = PDFJS_CATEGORIES.find(([, re]) => re.test(frame.functionName))?.[0] ?? null;
    if (!category && frame.url.startsWith("wasm://")) category = "PDFium: its WebAssembly (parsing, fonts, text)";
    if (!category && frame.url.includes("@embedpdf/pdfium")) category = "PDFium: its JavaScript bindings";
    if (!category && ["(garbage collector)", "(program)", "(idle)"].includes(frame.functionName))
      category = `V8: ${frame.functionName}`;
    const up = parent.get(id);
    const fallback = frame.url.includes("pdfjs-dist")
      ? "pdf.js: other (promise and message plumbing)"
      : "other (node, module loading)";
    let result = category ?? (up === undefined ? fallback : classify(up));
    if (result === "other (node, module loading)" && frame.url.includes("pdfjs-dist")) result = fallback;
    categoryOf.set(id, result);
    return result;
  };
  const split = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const c = classify(id);
    split.set(c, (split.get(c) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return split;
}

function benchFiles(args: string[]): string[] {
  if (args.length) return args;
  return readdirSync("fixtures")
    .filter((f) => f.endsWith(".pdf") && !f.includes(".scan."))
    .map((f) => join("fixtures", f))
    .sort();
}

const files = benchFiles(process.argv.slice(2));
const dir = mkdtempSync(join(tmpdir(), "jixiao-profile-"));
// The compiled code (npm run build), so that no transpiler runs inside the profile.
const runner = `import { extractPdf } from ${JSON.stringify(join(process.cwd(), "dist/extractors/pdf/index.js"))};
import { readFileSync } from "node:fs";
const files = ${JSON.stringify(files)};
for (let r = 0; r < ${ROUNDS}; r++) for (const f of files) await extractPdf(new Uint8Array(readFileSync(f)), f);`;
// PROFILE_FILE=… splits a profile made earlier instead of making one.
if (!process.env.PROFILE_FILE) {
  const run = spawnSync(process.execPath, ["--cpu-prof", "--cpu-prof-dir", dir, "--input-type=module", "-e", runner], {
    stdio: "inherit",
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
const profileFile =
  process.env.PROFILE_FILE ??
  join(
    dir,
    readdirSync(dir).find((f) => f.endsWith(".cpuprofile"))!,
  );
const split = profileToSplit(JSON.parse(readFileSync(profileFile, "utf8")) as Profile);
const total = [...split.values()].reduce((a, b) => a + b, 0);
const rows = [...split.entries()].sort((a, b) => b[1] - a[1]);
console.log(`${files.length} PDF(s) × ${ROUNDS} rounds, ${total.toFixed(0)} ms sampled (${basename(profileFile)})`);
const groups = new Map<string, number>();
for (const [name, ms] of rows) {
  const group = name.startsWith("jixiao") ? "jixiao's own stages" : name.split(":")[0]!;
  groups.set(group, (groups.get(group) ?? 0) + ms);
}
for (const [group, ms] of [...groups.entries()].sort((a, b) => b[1] - a[1]))
  console.log(`${group.padEnd(60)} ${((100 * ms) / total).toFixed(1).padStart(5)}%`);
console.log("");
for (const [name, ms] of rows.slice(0, 30))
  console.log(`${name.padEnd(60)} ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(7)} ms`);
