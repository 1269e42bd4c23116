// Rules stage: ruling lines found on the binarized, deskewed page. Long runs of ink along rows
// (columns) are collected into horizontal (vertical) segments, collinear pieces broken by noise
// are joined, and only segments that meet segments of the other direction are kept: a table's
// rules cross one another, while a run of aligned strokes inside a line of text meets nothing.
import type { BinaryImage } from "./image.js";
import { sealInkShare } from "./seal-area.js";

/** A ruling line in pixels: `at` is its y (horizontal) or x (vertical), from..to its extent along it. */
export interface Segment {
  horizontal: boolean;
  at: number;
  from: number;
  to: number;
  thickness: number;
}

export interface RuleSettings {
  /** Shortest run kept as a piece of rule, in pixels. */
  minRun: number;
  /** Off pixels bridged inside a run (JPEG and noise break thin lines). */
  runGap: number;
  /** Collinear pieces closer than this are joined, in pixels. */
  joinGap: number;
  /** Collinear pieces this close are joined when the gap lies under the seal, in pixels. */
  sealGap: number;
  /** Thickest ink band taken for a rule, in pixels. */
  maxThickness: number;
  /** How far a segment's end may be from a crossing segment, in pixels. */
  endSlack: number;
  /** A segment this long (pixels) is a rule when it meets one segment of the other direction. */
  longRule: number;
}

interface Run {
  at: number;
  from: number;
  to: number;
}

/** Given a binary image and a direction, return its long ink runs (a pixel counts when it or a neighbour across the run is ink). */
export function binaryToRuns(image: BinaryImage, horizontal: boolean, settings: RuleSettings): Run[] {
  const lines = horizontal ? image.height : image.width;
  const length = horizontal ? image.width : image.height;
  const ink = (line: number, pos: number) =>
    horizontal ? image.data[line * image.width + pos]! : image.data[pos * image.width + line]!;
  const runs: Run[] = [];
  for (let line = 0; line < lines; line++) {
    let start = -1;
    let lastOn = -1;
    for (let pos = 0; pos <= length; pos++) {
      const on =
        pos < length &&
        (ink(line, pos) || (line > 0 && ink(line - 1, pos)) || (line + 1 < lines && ink(line + 1, pos)));
      if (on) {
        if (start < 0) start = pos;
        lastOn = pos;
      } else if (start >= 0 && pos - lastOn > settings.runGap) {
        if (lastOn - start + 1 >= settings.minRun) runs.push({ at: line, from: start, to: lastOn + 1 });
        start = -1;
      }
    }
  }
  return runs;
}

/** Given runs of one direction (sorted by line), return segments: runs on neighbouring lines that overlap become one. */
export function runsToSegments(runs: Run[], horizontal: boolean, settings: RuleSettings): Segment[] {
  const open: { first: number; last: number; from: number; to: number }[] = [];
  const done: typeof open = [];
  for (const run of runs) {
    const match = open.find(
      (s) =>
        run.at - s.last <= 1 &&
        Math.min(s.to, run.to) - Math.max(s.from, run.from) > 0.5 * Math.min(s.to - s.from, run.to - run.from),
    );
    if (match) {
      match.last = run.at;
      match.from = Math.min(match.from, run.from);
      match.to = Math.max(match.to, run.to);
    } else open.push({ first: run.at, last: run.at, from: run.from, to: run.to });
    for (let i = open.length - 1; i >= 0; i--) if (run.at - open[i]!.last > 1) done.push(...open.splice(i, 1));
  }
  done.push(...open);
  return done
    .map((s) => ({ horizontal, at: (s.first + s.last) / 2, from: s.from, to: s.to, thickness: s.last - s.first + 1 }))
    .filter((s) => s.thickness <= settings.maxThickness + 2); // runs were widened by one line each side
}

/**
 * Given a binary image and a segment, return the share of its length along which the image is
 * paper a little above and below it (both sides): a rule runs between rows of text, clear of
 * them, where a run of aligned strokes inside a line of text has the characters' other strokes
 * around it.
 */
export function clearShare(image: BinaryImage, s: Segment, offset: number): number {
  const lines = s.horizontal ? image.height : image.width;
  const sides = [Math.round(s.at - s.thickness / 2 - offset), Math.round(s.at + s.thickness / 2 + offset)];
  if (sides.some((l) => l < 0 || l >= lines) || s.to <= s.from) return 0;
  const ink = (line: number, pos: number) =>
    s.horizontal ? image.data[line * image.width + pos]! : image.data[pos * image.width + line]!;
  let clear = 0;
  for (let p = Math.floor(s.from); p < s.to; p++) if (!ink(sides[0]!, p) && !ink(sides[1]!, p)) clear++;
  return clear / (s.to - s.from);
}

/**
 * Given segments of one direction, return them with collinear pieces separated by small gaps
 * joined, and also by larger gaps that lie under the seal (where its ink hid the rule), or that
 * lie between long pieces clear of text on both sides (worn toner and a faint scan knock gaps out
 * of a rule). Bridging large gaps everywhere would join strokes of neighbouring characters into
 * false rules.
 */
export function joinCollinear(
  segments: Segment[],
  settings: RuleSettings,
  seal: BinaryImage | null = null,
  image: BinaryImage | null = null,
): Segment[] {
  // Which pieces are clear of text is told once, on the pieces as found.
  const clear = new Set(image ? segments.filter((s) => clearShare(image, s, CLEARANCE) >= MIN_CLEAR) : []);
  // A join moves a segment's line and ends, so a piece passed over before may join it now: again until none does.
  let joined = joinOnce(segments, settings, seal, clear);
  for (let n = segments.length; joined.length < n;) {
    n = joined.length;
    joined = joinOnce(joined, settings, seal, clear);
  }
  return joined;
}

/** How far (pixels) beyond a rule's edge the paper is looked at, and the share of its length that must be clear. */
const CLEARANCE = 4;
const MIN_CLEAR = 0.8;

/** Given segments, return them with each joined to the first kept segment it bridges to, in one pass. */
function joinOnce(
  segments: Segment[],
  settings: RuleSettings,
  seal: BinaryImage | null,
  clear: Set<Segment>,
): Segment[] {
  const sorted = [...segments].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Segment[] = [];
  const bridges = (o: Segment, s: Segment) => {
    const [from, to] = s.from > o.to ? [o.to, s.from] : [s.to, o.from];
    if (to - from <= settings.joinGap) return true;
    // A gap narrower than any cell (three join gaps) between two pieces of rule clear of text, each
    // longer than a character's stroke and than twice the gap.
    const shorter = Math.min(o.to - o.from, s.to - s.from);
    if (
      clear.has(o) &&
      clear.has(s) &&
      to - from <= 3 * settings.joinGap &&
      shorter >= Math.max(2 * settings.minRun, 2 * (to - from))
    )
      return true;
    return to - from <= settings.sealGap && sealInkShare(seal, s.horizontal, (o.at + s.at) / 2, from, to, 0) >= 0.5;
  };
  for (const s of sorted) {
    const prev = out.find((o) => Math.abs(o.at - s.at) <= 2 && bridges(o, s));
    if (prev) {
      if (clear.has(prev) && clear.has(s)) clear.add(prev);
      else clear.delete(prev);
      const total = prev.to - prev.from + (s.to - s.from);
      prev.at = (prev.at * (prev.to - prev.from) + s.at * (s.to - s.from)) / total;
      prev.from = Math.min(prev.from, s.from);
      prev.to = Math.max(prev.to, s.to);
      prev.thickness = Math.max(prev.thickness, s.thickness);
    } else {
      const copy = { ...s };
      if (clear.has(s)) clear.add(copy);
      out.push(copy);
    }
  }
  return out;
}

/** Given a segment and segments of the other direction, return how many of them it crosses or touches. */
function meetings(s: Segment, others: Segment[], slack: number): number {
  return others.filter(
    (o) => o.at >= s.from - slack && o.at <= s.to + slack && s.at >= o.from - slack && s.at <= o.to + slack,
  ).length;
}

/**
 * Given horizontal and vertical segments, return those that meet at least two segments of the
 * other direction, or one when they are as long as `longRule`, repeated until stable. Requiring
 * both ends to be framed would be stricter, but a seal or a speck of noise breaks a border into
 * pieces whose ends meet nothing; and a worn rule fades before it reaches the far border, while
 * aligned strokes of text that form a run meet nothing and are short.
 */
export function keepFramed(horizontal: Segment[], vertical: Segment[], settings: RuleSettings): Segment[] {
  const framed = (s: Segment, others: Segment[]) => {
    const n = meetings(s, others, settings.endSlack);
    return n >= 2 || (n === 1 && s.to - s.from >= settings.longRule);
  };
  let h = horizontal;
  let v = vertical;
  for (let pass = 0; pass < 4; pass++) {
    const nh = h.filter((s) => framed(s, v));
    const nv = v.filter((s) => framed(s, h));
    const stable = nh.length === h.length && nv.length === v.length;
    [h, v] = [nh, nv];
    if (stable) break;
  }
  return [...h, ...v];
}

/** Given a binary page and where the seal was, return its ruling lines. */
export function binaryToSegments(
  image: BinaryImage,
  settings: RuleSettings,
  seal: BinaryImage | null = null,
): Segment[] {
  const h = joinCollinear(runsToSegments(binaryToRuns(image, true, settings), true, settings), settings, seal, image);
  const v = joinCollinear(runsToSegments(binaryToRuns(image, false, settings), false, settings), settings, seal, image);
  return keepFramed(h, v, settings);
}

/** Given a binary page and its rules, return a copy with the rules' pixels turned to paper (so text lines are found without them). */
export function eraseSegments(image: BinaryImage, segments: Segment[]): BinaryImage {
  const data = new Uint8Array(image.data);
  for (const s of segments) {
    const half = s.thickness / 2 + 1;
    for (let a = Math.floor(s.at - half); a <= Math.ceil(s.at + half); a++) {
      for (let p = s.from; p < s.to; p++) {
        const [x, y] = s.horizontal ? [p, a] : [a, p];
        if (x >= 0 && y >= 0 && x < image.width && y < image.height) data[y * image.width + x] = 0;
      }
    }
  }
  return { width: image.width, height: image.height, data };
}
