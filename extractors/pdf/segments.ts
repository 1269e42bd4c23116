// Segment stage: pdf.js operator list -> horizontal and vertical ruling lines on the displayed page.
// Since pdfjs-dist 5.1.91 every path reaches the operator list as one constructPath op whose args
// are [paintOp, [Float32Array of drawing codes], minMax] (pdf.worker.mjs, buildPath: moveTo 0,
// lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4; `re` arrives as four lineTo). The current
// transform is tracked here through save/restore/transform and form XObjects (PDF 32000 §8.4.4).
// Borders come as stroked lines (ONLYOFFICE, LibreOffice) or as thin filled rectangles (Word, WPS).
import { OPS } from "./pdfjs.js";
import { applyToPoint, IDENTITY, multiply, type Matrix } from "./geometry.js";
import type { SegmentSettings } from "./settings.js";

export interface Segment {
  /** "h": runs along x at `at`; "v": runs along y at `at`. */
  axis: "h" | "v";
  at: number;
  from: number;
  to: number;
}

interface GraphicsState {
  ctm: Matrix;
  fill: string;
  stroke: string;
}

type Point = [number, number];
interface SubPath {
  points: Point[];
  closed: boolean;
  curved: boolean;
}

const STROKES = new Set<number>([
  OPS.stroke,
  OPS.closeStroke,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);
const FILLS = new Set<number>([
  OPS.fill,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);
const WHITE = new Set(["#ffffff", "#fffffe", "#fefefe"]);

/** Given a constructPath buffer and a transform to the displayed page, return its subpaths. */
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

/** Given the paint op, its subpaths and the graphics state, return the rules that the painting draws. */
function paintToSegments(
  paintOp: number,
  paths: SubPath[],
  state: GraphicsState,
  settings: SegmentSettings,
): Segment[] {
  const out: Segment[] = [];
  const fills = FILLS.has(paintOp) && !WHITE.has(state.fill);
  const strokes = STROKES.has(paintOp) && !WHITE.has(state.stroke);
  for (const path of paths) {
    const bar = fills ? filledToSegment(path, settings) : null;
    if (bar) out.push(bar);
    else if (strokes) out.push(...strokedToSegments(path, settings));
  }
  return out;
}

/** Given a page's operator list and display transform, return the ruling lines it paints. */
export function operatorListToSegments(
  fnArray: number[],
  argsArray: unknown[][],
  view: Matrix,
  settings: SegmentSettings,
): Segment[] {
  const stack: GraphicsState[] = [];
  let state: GraphicsState = { ctm: IDENTITY, fill: "#000000", stroke: "#000000" };
  const segments: Segment[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] ?? [];
    if (fn === OPS.save) stack.push({ ...state });
    else if (fn === OPS.restore) state = stack.pop() ?? state;
    else if (fn === OPS.transform) state.ctm = multiply(args as unknown as Matrix, state.ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push({ ...state });
      const matrix = args[0] as Matrix | null;
      if (matrix && matrix.length === 6) state.ctm = multiply(matrix, state.ctm);
    } else if (fn === OPS.paintFormXObjectEnd) state = stack.pop() ?? state;
    else if (fn === OPS.setFillRGBColor) state.fill = String(args[0]).toLowerCase();
    else if (fn === OPS.setStrokeRGBColor) state.stroke = String(args[0]).toLowerCase();
    else if (fn === OPS.constructPath) {
      const [paintOp, buffers] = args as [number, (ArrayLike<number> | null)[]];
      const codes = buffers?.[0];
      if (!codes || paintOp === OPS.endPath) continue;
      const paths = drawCodesToSubPaths(codes, multiply(state.ctm, view));
      for (const s of paintToSegments(paintOp, paths, state, settings)) segments.push(s);
    }
  }
  return segments;
}
