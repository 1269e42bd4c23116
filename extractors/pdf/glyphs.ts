// Glyph stage: pdf.js text items -> positioned glyphs in displayed-page coordinates.
// pdf.js joins glyph runs whose gap is small and inserts a space for wider gaps, so one item can
// run across a cell border ("4,100,000.00 年度资金申请总额" on realdocs tianbaoxitong p. 31). Each
// item is cut into glyphs here, each placed on its own, so later stages assign text by glyph.
// Boxes come from the baseline and the font size, never the font's bounding box: LibreOffice's
// Noto CJK subsets carry a FontBBox 2.86 em tall (FIELD-NOTES, pdfjs-dist).
import { isAmbiguousWidth, isWide, textToUnified } from "./cjk.js";
import { multiply, type Matrix } from "./geometry.js";
import type { RawTextItem } from "./load.js";
import type { GlyphSettings } from "./settings.js";

/** Reading direction on the displayed page: 0 rightward, 1 downward, 2 leftward, 3 upward. */
export type Orientation = 0 | 1 | 2 | 3;

export interface Glyph {
  ch: string;
  /** Box on the displayed page (origin top-left). */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Start and end along the reading direction. */
  a0: number;
  a1: number;
  /** Baseline position across the reading direction, growing towards the next line. */
  base: number;
  size: number;
  orient: Orientation;
  /** Index of the pdf.js item the glyph came from, so that a run keeps its order. */
  run: number;
}

interface Frame {
  /** Unit vector of the reading direction. */
  ux: number;
  uy: number;
  /** Unit vector towards the next line (the glyphs' "down"). */
  nx: number;
  ny: number;
  size: number;
  em: number;
  ox: number;
  oy: number;
  orient: Orientation;
}

/** Given a text item and the page's display transform, return the frame its glyphs are laid out in (null when degenerate). */
export function itemToFrame(item: RawTextItem, view: Matrix): Frame | null {
  const t = item.transform;
  const m = multiply([t[0] ?? 0, t[1] ?? 0, t[2] ?? 0, t[3] ?? 0, t[4] ?? 0, t[5] ?? 0], view);
  const em = Math.hypot(m[0], m[1]);
  const size = Math.hypot(m[2], m[3]);
  if (em < 1e-6 || size < 1e-6) return null;
  let ux = m[0] / em;
  let uy = m[1] / em;
  if (item.vertical) [ux, uy] = [-m[2] / size, -m[3] / size];
  // "Down" is the reading direction turned a quarter clockwise on a y-down page.
  const nx = -uy;
  const ny = ux;
  const orient: Orientation = Math.abs(ux) >= Math.abs(uy) ? (ux > 0 ? 0 : 2) : uy > 0 ? 1 : 3;
  return { ux, uy, nx, ny, size, em, ox: m[4], oy: m[5], orient };
}

/**
 * Given the characters of an item, its advance and its em width, return each glyph's advance.
 * Full-width glyphs advance 1 em and half-width ones about half; a space pdf.js inserted for a
 * gap takes what is left of the item's width, since that gap is what it stands for.
 */
export function charsToAdvances(chars: string[], width: number, em: number, settings: GlyphSettings): number[] {
  // A run holding Chinese is set in a Chinese font, where "≥" and its kind are full width too.
  const chinese = chars.some(isWide);
  const full = (ch: string) => isWide(ch) || (chinese && isAmbiguousWidth(ch));
  const nominal = chars.map((ch) => (ch === " " ? 0 : full(ch) ? em : em * settings.halfAdvanceEm));
  const fixed = nominal.reduce((s, v) => s + v, 0);
  const spaces = chars.filter((ch) => ch === " ").length;
  const leftover = width - fixed;
  if (spaces > 0 && leftover >= spaces * em * 0.1)
    return chars.map((ch, i) => (ch === " " ? leftover / spaces : nominal[i]!));
  const withSpaces = nominal.map((v, i) => (chars[i] === " " ? em * 0.25 : v));
  const total = withSpaces.reduce((s, v) => s + v, 0);
  const scale = total > 0 && width > 0 ? width / total : 1;
  return withSpaces.map((v) => v * scale);
}

/** Given one item, its frame and its index, return its glyphs (spaces included, as glyphs). */
export function itemToGlyphs(item: RawTextItem, frame: Frame, run: number, settings: GlyphSettings): Glyph[] {
  const chars = [...textToUnified(item.str)];
  const width = item.width > 0 ? item.width : chars.length * frame.em;
  const advances =
    item.advances?.length === chars.length ? item.advances : charsToAdvances(chars, width, frame.em, settings);
  const { ux, uy, nx, ny, size, ox, oy, orient } = frame;
  const up = settings.ascentEm * size;
  const down = settings.descentEm * size;
  const baseAcross = ox * nx + oy * ny;
  const baseAlong = ox * ux + oy * uy;
  const glyphs: Glyph[] = [];
  let offset = 0;
  // The box of a glyph is its advance along the baseline, grown up by the ascent and down by the descent.
  const ex = (Math.abs(nx) * (up + down)) / 2;
  const ey = (Math.abs(ny) * (up + down)) / 2;
  const mid = (down - up) / 2;
  for (let i = 0; i < chars.length; i++) {
    const adv = advances[i]!;
    const cx = ox + ux * (offset + adv / 2) + nx * mid;
    const cy = oy + uy * (offset + adv / 2) + ny * mid;
    const hx = (Math.abs(ux) * adv) / 2 + ex;
    const hy = (Math.abs(uy) * adv) / 2 + ey;
    glyphs.push({
      ch: chars[i]!,
      x0: cx - hx,
      x1: cx + hx,
      y0: cy - hy,
      y1: cy + hy,
      a0: baseAlong + offset,
      a1: baseAlong + offset + adv,
      base: baseAcross,
      size,
      orient,
      run,
    });
    offset += adv;
  }
  return glyphs;
}

/** Given a page's text items and display transform, return its glyphs; runs drawn twice over themselves (fake bold) are kept once. */
export function itemsToGlyphs(items: RawTextItem[], view: Matrix, settings: GlyphSettings): Glyph[] {
  const seen = new Map<string, Frame[]>();
  const glyphs: Glyph[] = [];
  items.forEach((item, run) => {
    if (!item.str.trim()) return;
    const frame = itemToFrame(item, view);
    if (!frame) return;
    const twins = seen.get(item.str) ?? [];
    const near = settings.duplicateEm * frame.size;
    if (
      twins.some(
        (f) => Math.abs(f.ox - frame.ox) < near && Math.abs(f.oy - frame.oy) < near && f.orient === frame.orient,
      )
    )
      return;
    twins.push(frame);
    seen.set(item.str, twins);
    for (const g of itemToGlyphs(item, frame, run, settings)) glyphs.push(g);
  });
  return glyphs;
}

/** Given glyphs, return how many are not blank. */
export function visibleCount(glyphs: Glyph[]): number {
  return glyphs.reduce((n, g) => (g.ch.trim() ? n + 1 : n), 0);
}
