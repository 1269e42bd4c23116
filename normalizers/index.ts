// Layout detection and dispatch: every normalizer scores the regions it could read; the best fits
// above the threshold win, one report per region, regions never overlapping. When nothing fits, the
// document keeps zero reports and a warning names the closest family and why it was rejected.
import type { Extraction } from "../contracts/extraction.js";
import type { Report, Warning } from "../contracts/model.js";
import { gaoyiReport } from "./gaoyi-report/index.js";
import { generic } from "./generic.js";
import { haikouRubric } from "./haikou-rubric/index.js";
import { liuzhou } from "./liuzhou.js";
import { projectSheet } from "./project-sheet.js";
import { projectWide } from "./project-wide/index.js";
import { targetDeclaration } from "./target-declaration.js";
import { tianjin } from "./tianjin.js";
import { wuhan } from "./wuhan/index.js";
import type { LayoutFit, Normalizer, Result } from "./types.js";

export const NORMALIZERS: Normalizer[] = [
  tianjin,
  liuzhou,
  projectWide,
  wuhan,
  haikouRubric,
  gaoyiReport,
  projectSheet,
  targetDeclaration,
  // Last: where a known family ties with it, the family is chosen.
  generic,
];

export interface NormalizeSettings {
  /** Smallest fit score (0..1) a region needs to be read as its family. */
  threshold: number;
  /** Restrict detection to these families (all when empty). */
  families: string[];
}

export const defaultNormalizeSettings: NormalizeSettings = { threshold: 0.5, families: [] };

/** Given an extraction, return the reports of every layout found in it, in reading order. */
export function normalize(extraction: Extraction, settings: Partial<NormalizeSettings> = {}): Result<Report[]> {
  const { threshold, families } = { ...defaultNormalizeSettings, ...settings };
  const normalizers = NORMALIZERS.filter((n) => families.length === 0 || families.includes(n.family));
  const fits = normalizers.flatMap((n) => n.detect(extraction).map((fit) => ({ fit, normalizer: n })));
  const chosen = chooseFits(fits, threshold);
  const warnings: Warning[] = [];
  if (chosen.length === 0)
    warnings.push(
      noLayoutWarning(
        fits.map((f) => f.fit),
        threshold,
      ),
    );
  const reports = chosen.map(({ fit, normalizer }) => {
    const result = normalizer.normalize(extraction, fit);
    warnings.push(...result.warnings);
    return result.value;
  });
  return { value: reports, warnings };
}

/** Given candidate fits, return the best non-overlapping ones above the threshold, in reading order. */
function chooseFits<T extends { fit: LayoutFit }>(fits: T[], threshold: number): T[] {
  const taken = new Set<number>();
  const chosen: T[] = [];
  for (const f of [...fits].sort((a, b) => b.fit.score - a.fit.score)) {
    if (f.fit.score < threshold || f.fit.blocks.length === 0) continue;
    if (f.fit.blocks.some((b) => taken.has(b))) continue;
    f.fit.blocks.forEach((b) => taken.add(b));
    chosen.push(f);
  }
  return chosen.sort((a, b) => Math.min(...a.fit.blocks) - Math.min(...b.fit.blocks));
}

function noLayoutWarning(fits: LayoutFit[], threshold: number): Warning {
  const best = [...fits].sort((a, b) => b.score - a.score)[0];
  const message = best
    ? `no known layout: closest is "${best.family}" with fit ${best.score.toFixed(2)} (needs ${threshold}): ${best.reason}`
    : "no known layout: no table or text resembles a self-evaluation form";
  return { code: "no-layout", message, page: null };
}
