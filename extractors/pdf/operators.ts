// Operator stage of the pdf.js path: a pdf.js operator list -> the paths it paints, with their
// transforms and colours. Since pdfjs-dist 5.1.91 every path reaches the operator list as one
// constructPath op whose args are [paintOp, [Float32Array of drawing codes], minMax]
// (pdf.worker.mjs, buildPath: moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4;
// `re` arrives as four lineTo). The current transform is tracked through save/restore/transform
// and form XObjects (PDF 32000 §8.4.4).
import { OPS } from "./pdfjs.js";
import { IDENTITY, multiply, type Matrix } from "./geometry.js";
import type { PaintedPath } from "./load.js";
import { pathsToSegments, type Segment } from "./segments.js";
import type { SegmentSettings } from "./settings.js";

interface GraphicsState {
  ctm: Matrix;
  fill: string;
  stroke: string;
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
/** Given a pdf.js operator list, return the paths it paints, each with its transform and colours. */
export function operatorListToPaths(fnArray: number[], argsArray: unknown[][]): PaintedPath[] {
  const stack: GraphicsState[] = [];
  let state: GraphicsState = { ctm: IDENTITY, fill: "#000000", stroke: "#000000" };
  const paths: PaintedPath[] = [];
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
      paths.push({
        codes,
        matrix: state.ctm,
        fill: FILLS.has(paintOp) ? state.fill : null,
        stroke: STROKES.has(paintOp) ? state.stroke : null,
      });
    }
  }
  return paths;
}

/** Given a page's operator list and display transform, return the ruling lines it paints. */
export function operatorListToSegments(
  fnArray: number[],
  argsArray: unknown[][],
  view: Matrix,
  settings: SegmentSettings,
): Segment[] {
  return pathsToSegments(operatorListToPaths(fnArray, argsArray), view, settings);
}

const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintImageMaskXObjectGroup,
  OPS.paintInlineImageXObjectGroup,
]);

/** Given a page's operators, return whether it paints an image or more paths than a page of ruled tables would. */
export function operatorsPaint(fnArray: readonly number[]): boolean {
  let paths = 0;
  for (const fn of fnArray) {
    if (IMAGE_OPS.has(fn)) return true;
    if (fn === OPS.constructPath && ++paths > 2000) return true;
  }
  return false;
}
