// Bounds on what a document may make the extractors allocate. Numbers read from a file (spans,
// dimensions, declared image sizes, decompressed lengths) are checked against these before
// anything is sized by them: a 1 KB file can declare a 60,000 × 60,000 image or a cell spanning
// 2^31−1 columns. Each limit hit is a warning (the rest of the file is kept) or an import error
// with reason "too-large", naming the limit. Set them with `--limit NAME=VALUE`; the import's
// worker processes receive them through the JIXIAO_LIMITS environment variable.
import { z } from "zod";

const count = z.number().int().positive();

export const limitsSchema = z.strictObject({
  /** Largest input file, in MB, checked before it is read (import error). */
  maxFileMb: z.number().positive().default(200),
  /** Columns of one table: a span or a sheet dimension past it is cut there (warning). */
  maxTableColumns: count.default(1_000),
  /** Rows of one table: rows past it are left out (warning). */
  maxTableRows: count.default(20_000),
  /** Cells of one table (rows × columns, merged areas included): rows past it are left out (warning). */
  maxTableCells: count.default(1_000_000),
  /** Paragraphs of a DOCX or HTML body (import error). */
  maxParagraphs: count.default(200_000),
  /** Depth of tables nested in tables (import error). */
  maxNestingDepth: count.default(64),
  /** Depth of elements in an XML part or an HTML page, and elements in one of them (import error). */
  maxElementDepth: count.default(1_000),
  maxElements: count.default(1_000_000),
  /** Pixels of one image, from its declared size before decoding, and of one rendered page (the image is skipped with a warning; a page past it, an import error). */
  maxImagePixels: count.default(60_000_000),
  /** Decompressed size of one PDF stream, in MB (import error). */
  maxStreamMb: z.number().positive().default(256),
});

export type Limits = z.infer<typeof limitsSchema>;
export type LimitName = keyof Limits;

export const defaultLimits: Limits = limitsSchema.parse({});

/** The environment variable that carries limits set on the command line to the worker processes. */
export const LIMITS_ENV = "JIXIAO_LIMITS";

/** Given `NAME=VALUE` settings, return the limits they set over the defaults; throws a message naming a bad one. */
export function settingsToLimits(settings: string[]): Limits {
  const given: Record<string, number> = {};
  for (const setting of settings) {
    const match = /^(\w+)=(\d+(?:\.\d+)?)$/.exec(setting.trim());
    if (!match || !(match[1]! in defaultLimits)) {
      throw new Error(
        `--limit takes NAME=NUMBER with NAME one of ${Object.keys(defaultLimits).join(", ")} (got "${setting}")`,
      );
    }
    given[match[1]!] = Number(match[2]);
  }
  const parsed = limitsSchema.safeParse(given);
  if (!parsed.success)
    throw new Error(`--limit: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

let current: Limits | null = null;

/** Return the limits in force: those of JIXIAO_LIMITS (JSON) over the defaults, read once. */
export function limits(): Limits {
  if (current) return current;
  const raw = process.env[LIMITS_ENV];
  current = raw ? limitsSchema.parse(JSON.parse(raw)) : defaultLimits;
  return current;
}

/** Given limits, make them the ones in force here and in worker processes started afterwards. */
export function setLimits(next: Limits): void {
  current = next;
  process.env[LIMITS_ENV] = JSON.stringify(next);
}

/** Given a limit's name and what was found, return the detail of the import error or warning it causes. */
export function limitDetail(name: LimitName, found: string): string {
  return `${found}, past the limit ${name}=${limits()[name]} (raise it with --limit ${name}=N)`;
}

/** A document past a limit that stops its reading; the pipeline records it as "too-large". */
export class LimitError extends Error {
  constructor(
    readonly limit: LimitName,
    found: string,
  ) {
    super(limitDetail(limit, found));
    this.name = "LimitError";
  }
}

/** Given a limit's name and a count found in the document, throw a LimitError when the count passes the limit. */
export function checkLimit(name: LimitName, found: number, what: string): void {
  if (found > limits()[name]) throw new LimitError(name, `${found.toLocaleString("en")} ${what}`);
}
