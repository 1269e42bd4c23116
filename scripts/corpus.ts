// Builds a corpus of distinct files from the fixtures, for the import benchmark and the
// resumability test: each copy is the fixture with a different trailing comment, so its sha256
// differs while it stays a valid file (a ZIP archive comment for DOCX, APPNOTE.TXT §4.3.16; a
// comment line after %%EOF for PDF, which readers ignore).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";

/** Given a DOCX (ZIP) and a comment, return the archive with that comment in its end record. */
export function withZipComment(bytes: Buffer, comment: string): Buffer {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("not a ZIP archive");
  const text = Buffer.from(comment, "utf8");
  const head = Buffer.from(bytes.subarray(0, eocd + 22));
  head.writeUInt16LE(text.length, eocd + 20);
  return Buffer.concat([head, text]);
}

/** Given a file's bytes and a copy number, return a distinct but equivalent copy. */
export function variantOf(file: string, bytes: Buffer, n: number): Buffer {
  const tag = `jixiao corpus copy ${n}`;
  if (extname(file) === ".docx") return withZipComment(bytes, tag);
  if (extname(file) === ".pdf") return Buffer.concat([bytes, Buffer.from(`\n%${tag}\n`)]);
  throw new Error(`no variant rule for ${file}`);
}

/** Given the source files, a folder and a count, write `count` distinct copies cycling through the sources. */
export function buildCorpus(sources: string[], dir: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  const contents = sources.map((s) => readFileSync(s));
  const written: string[] = [];
  for (let i = 0; i < count; i++) {
    const k = i % sources.length;
    const file = join(dir, `${String(i).padStart(5, "0")}-${basename(sources[k]!)}`);
    writeFileSync(file, variantOf(sources[k]!, contents[k]!, i));
    written.push(file);
  }
  return written;
}

/** The fixture documents a corpus is built from (DOCX and PDF with an expected file beside them). */
export function fixtureSources(fixtures: string, extensions = [".docx", ".pdf"]): string[] {
  return readdirSync(fixtures)
    .filter((f) => extensions.includes(extname(f)) && readdirSync(fixtures).includes(`${f}.expected.json`))
    .sort()
    .map((f) => join(fixtures, f));
}
