// Tunables of the PDF stages, one section per stage, with the defaults that read the realdocs
// (Word 2010, WPS, ONLYOFFICE) and the LibreOffice/pdfkit fixtures. Lengths are in points unless
// the name says "Em" (a fraction of the font size).

export interface GlyphSettings {
  /** Part of the font size above the baseline that a glyph box covers. */
  ascentEm: number;
  /** Part of the font size below the baseline that a glyph box covers. */
  descentEm: number;
  /** Nominal advance of a half-width (Latin, digit) glyph; full-width glyphs advance 1 em. */
  halfAdvanceEm: number;
  /** Runs repeating the same text closer than this are one run drawn twice (fake bold). */
  duplicateEm: number;
}

export interface SegmentSettings {
  /** A filled rectangle thinner than this is a ruling line. */
  maxRuleThickness: number;
  /** Lines shorter than this are glyph parts or ticks, not rules. */
  minLength: number;
  /** How far (in points over the length) a line may lean and still count as horizontal or vertical. */
  maxSkew: number;
}

export interface LatticeSettings {
  /** Parallel rules closer than this are one rule (double borders, rectangles abutting). */
  snap: number;
  /** Collinear pieces with a gap up to this are one rule. */
  join: number;
  /** A rule ending this close to a crossing rule touches it. */
  touch: number;
  /** Part of a cell edge that must be ruled for the edge to separate two cells. */
  edgeCoverage: number;
  /** Rows or columns thinner than this are folded into their neighbour. */
  minCellSize: number;
}

export interface TextSettings {
  /** Glyphs whose baselines differ by less than this share a line. */
  lineEm: number;
  /** A gap wider than this between two runs on a line is a word space (Latin text only). */
  spaceEm: number;
  /** A gap wider than this splits a line outside tables into separate chunks. */
  chunkEm: number;
  /** A line at least this much bigger than the page's body text is a heading. */
  headingScale: number;
  /** Lines closer than this (gap over font size) belong to one paragraph. */
  paragraphGapEm: number;
}

export interface StreamSettings {
  /** A gap at least this wide separates two cells of a borderless table row. */
  columnGapEm: number;
  /** A gap narrower than this may lie inside a cell, when the lines around write over it (stream-chunks.ts). */
  bridgeEm: number;
  /** How far above and below a line, in ems, the lines that judge its gaps may stand. */
  bridgeWindowEm: number;
  /** How many of the nearest lines that tell (filled or empty) judge a gap. */
  bridgeVoters: number;
  /** Fewest rows with two or more cells for text to count as a table. */
  minRows: number;
  /** Least share of a borderless table's rows that hold two or more cells. */
  minMultiShare: number;
  /** Fewest columns of a borderless table. */
  minColumns: number;
  /** How far, in ems, a row header merged over several rows may stand from their middle. */
  labelCentreEm: number;
}

export interface StitchSettings {
  /** Column boundaries of a continued ruled table may differ by this much. */
  columnTolerance: number;
  /** Whitespace ranges of a continued borderless table's boundaries may miss each other by this much. */
  streamColumnTolerance: number;
  /** Part of the page height at the top and bottom where running headers and page numbers sit. */
  marginBand: number;
  /** Most rows a repeated header may have. */
  maxHeaderRows: number;
  /** A continued table's width may differ by this share (a scanned page at another scale). */
  maxZoom: number;
  /** Pages whose width and height differ by at most this share are of one size (scanned sheets). */
  sizeTolerance: number;
}

export interface PdfSettings {
  glyphs: GlyphSettings;
  segments: SegmentSettings;
  lattice: LatticeSettings;
  text: TextSettings;
  stream: StreamSettings;
  stitch: StitchSettings;
  /** Pages that paint images and hold fewer non-blank characters than this have no usable text layer (a scan with a stamped page number). */
  minTextChars: number;
}

export const defaultPdfSettings: PdfSettings = {
  glyphs: { ascentEm: 0.8, descentEm: 0.2, halfAdvanceEm: 0.5, duplicateEm: 0.3 },
  segments: { maxRuleThickness: 2, minLength: 2, maxSkew: 0.02 },
  lattice: { snap: 2, join: 3, touch: 3, edgeCoverage: 0.5, minCellSize: 3 },
  text: { lineEm: 0.5, spaceEm: 0.3, chunkEm: 2.5, headingScale: 1.2, paragraphGapEm: 1.2 },
  stream: {
    columnGapEm: 0.7,
    bridgeEm: 1.5,
    bridgeWindowEm: 30,
    bridgeVoters: 3,
    minRows: 3,
    minMultiShare: 0.5,
    minColumns: 2,
    labelCentreEm: 0.5,
  },
  stitch: {
    columnTolerance: 3,
    streamColumnTolerance: 2,
    marginBand: 0.08,
    maxHeaderRows: 6,
    maxZoom: 0.06,
    sizeTolerance: 0.03,
  },
  minTextChars: 5,
};

export type PdfSettingsInput = {
  [K in keyof PdfSettings]?: PdfSettings[K] extends object ? Partial<PdfSettings[K]> : PdfSettings[K];
};

/** Given partial settings, return complete settings over the defaults; throws on a negative or non-finite number. */
export function resolveSettings(input: PdfSettingsInput = {}): PdfSettings {
  const merged: PdfSettings = {
    glyphs: { ...defaultPdfSettings.glyphs, ...input.glyphs },
    segments: { ...defaultPdfSettings.segments, ...input.segments },
    lattice: { ...defaultPdfSettings.lattice, ...input.lattice },
    text: { ...defaultPdfSettings.text, ...input.text },
    stream: { ...defaultPdfSettings.stream, ...input.stream },
    stitch: { ...defaultPdfSettings.stitch, ...input.stitch },
    minTextChars: input.minTextChars ?? defaultPdfSettings.minTextChars,
  };
  for (const [section, values] of Object.entries(merged)) {
    const entries = typeof values === "object" ? Object.entries(values as object) : [[section, values]];
    for (const [key, value] of entries) {
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
        throw new Error(`invalid PDF setting ${section}.${key}: ${String(value)}`);
      }
    }
  }
  return merged;
}
