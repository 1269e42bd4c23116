// Segment stage: painted paths (PDFium's page objects or pdf.js's operator list, both as drawing
// codes in user space with their transform) -> horizontal and vertical ruling lines on the
// displayed page. Borders come as stroked lines (ONLYOFFICE, LibreOffice) or as thin filled rectangles (Word, WPS).
import { applyToPoint, multiply, type Matrix } from "./geometry.js";
import type { PaintedPath } from "./load.js";
import type { SegmentSettings } from "./settings.js";

export interface Segment {
  /** "h": runs along x at `at`; "v": runs along y at `at`. */
  axis: "h" | "v";
  at: number;
  from: number;
  to: number;
}

type Point = [number, number];
interface SubPath {
  points: Point[];
  closed: boolean;
  curved: boolean;
}

const WHITE = new Set(["#ffffff", "#fffffe", "#fefefe"]);

/** Given drawing codes and a transform to the displayed page, return its subpaths. */
export function drawCodesToSubPaths(codes: ArrayLike<number>, toPage: Matrix): SubPath[] {
  const paths: SubPath[] = [];
  let current: SubPath | null = null;
  for (let k = 0; k < codes.length;) {
    const op = codes[k++];
    if (op === 0 || op === 1) {
      const p = applyToPoint(toPage, codes[k]!, codes[k + 1]!);
      k += 2;
      if (op === 0 || !current) {
        current = { points: [p], closed: false, curved: false };
        paths.push(current);
      } else current.points.push(p);
    } else if (op === 2 || op === 3) {
      const n = op === 2 ? 6 : 4;
      const p = applyToPoint(toPage, codes[k + n - 2]!, codes[k + n - 1]!);
      k += n;
      if (current) {
        current.curved = true;
        current.points.push(p);
      }
    } else if (op === 4) {
      if (current) current.closed = true;
      current = current ? { points: [current.points[0]!], closed: false, curved: false } : null;
      if (current) paths.push(current);
    } else break;
  }
  return paths.filter((p) => p.points.length > 1);
}

/** Given two points, return the axis-aligned segment between them, or null when it leans or is too short. */
export function pointsToSegment(a: Point, b: Point, settings: SegmentSettings): Segment | null {
  const dx = Math.abs(b[0] - a[0]);
  const dy = Math.abs(b[1] - a[1]);
  const length = Math.max(dx, dy);
  if (length < settings.minLength) return null;
  const slack = settings.maxSkew * length + 0.5;
  if (dy <= slack) return { axis: "h", at: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) };
  if (dx <= slack) return { axis: "v", at: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) };
  return null;
}

/** Given a stroked subpath, return its straight axis-aligned pieces. */
export function strokedToSegments(path: SubPath, settings: SegmentSettings): Segment[] {
  const out: Segment[] = [];
  const pts = path.closed ? [...path.points, path.points[0]!] : path.points;
  for (let i = 1; i < pts.length; i++) {
    const s = pointsToSegment(pts[i - 1]!, pts[i]!, settings);
    if (s) out.push(s);
  }
  return out;
}

/** Given a filled subpath, return its centre line when it is a thin bar (a rule drawn as a rectangle), else null. */
export function filledToSegment(path: SubPath, settings: SegmentSettings): Segment | null {
  if (path.curved) return null;
  const xs = path.points.map((p) => p[0]);
  const ys = path.points.map((p) => p[1]);
  const x0 = Math.min(...xs),
    x1 = Math.max(...xs),
    y0 = Math.min(...ys),
    y1 = Math.max(...ys);
  const w = x1 - x0;
  const h = y1 - y0;
  if (Math.min(w, h) > settings.maxRuleThickness || Math.max(w, h) < settings.minLength) return null;
  return w >= h
    ? { axis: "h", at: (y0 + y1) / 2, from: x0, to: x1 }
    : { axis: "v", at: (x0 + x1) / 2, from: y0, to: y1 };
}

/** Given a painted path and the display transform, return the rules that its painting draws. */
function pathToSegments(path: PaintedPath, view: Matrix, settings: SegmentSettings): Segment[] {
  const out: Segment[] = [];
  const fills = path.fill != null && !WHITE.has(path.fill);
  const strokes = path.stroke != null && !WHITE.has(path.stroke);
  if (!fills && !strokes) return out;
  for (const sub of drawCodesToSubPaths(path.codes, multiply(path.matrix, view))) {
    const bar = fills ? filledToSegment(sub, settings) : null;
    if (bar) out.push(bar);
    else if (strokes) out.push(...strokedToSegments(sub, settings));
  }
  return out;
}

/** Given a page's painted paths and display transform, return the ruling lines they draw. */
export function pathsToSegments(paths: PaintedPath[], view: Matrix, settings: SegmentSettings): Segment[] {
  const segments: Segment[] = [];
  for (const path of paths) for (const s of pathToSegments(path, view, settings)) segments.push(s);
  return segments;
}
