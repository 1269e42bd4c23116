// Which rows a rubric's level labels cover, decided by their bracketed weights. A merged level cell
// of a scanned rubric is OCR'd at the middle of its span, not at its top, so filling labels down
// puts rows under the wrong label (seed 004 (a): 预算编制(10) is printed on its third row, 预算执行
// (25) on its fifth, "过程 (执)" on its 11th). The weights settle it: 预算编制(10) = 2 + 6 + 2.
// A label covers a run of consecutive rows that holds a row it was printed on and whose weights add
// up to the label's; a label with no weight takes whatever run the others leave it.

/** One row (or one level-2 block, at level 1) to be grouped: its weight, if known. */
export interface Unit {
  weight: number | null;
  /** A lone figure whose meaning the row did not settle: a label alone over it may replace it. */
  soft: boolean;
}

/** A printed label: its weight and the units it was printed on. */
export interface GroupLabel {
  weight: number | null;
  anchors: number[];
  /** A label the grouping may ignore (a level-1 label printed mid-span, seed 004 "过程 (执)"). */
  optional: boolean;
}

export interface Group {
  label: number;
  start: number;
  end: number;
}

export interface Grouping {
  groups: Group[];
  /** Weights of the units after grouping: a missing weight restored as its label's remainder, a soft one replaced. */
  weights: (number | null)[];
  restored: number[];
  replaced: number[];
  /** How far the grouping strays from the printed figures and from filling down (0 for a clean table). */
  cost: number;
}

const EPSILON = 1e-6;

/** Given weights, return their sum, or null when one is unknown or there are none. */
export function sumOrNull(values: (number | null)[]): number | null {
  let sum = 0;
  for (const v of values) {
    if (v === null) return null;
    sum += v;
  }
  return values.length ? Number(sum.toFixed(6)) : null;
}
/** Search limit: rubric tables hold a few dozen rows; past this the fill-down reading is kept. */
const MAX_STEPS = 200_000;

interface Fit {
  cost: number;
  restored: [number, number][];
  replaced: [number, number][];
}

/** Given the units of one group and its label's weight, return how they fit it, or null when they cannot. */
function fitGroup(units: Unit[], offset: number, weight: number | null): Fit | null {
  const none: Fit = { cost: 0, restored: [], replaced: [] };
  if (weight === null) return none;
  const unknown = units.flatMap((u, i) => (u.weight === null ? [offset + i] : []));
  const sum = units.reduce((s, u) => s + (u.weight ?? 0), 0);
  if (unknown.length === 0) {
    if (Math.abs(sum - weight) < EPSILON) return none;
    if (units.length === 1 && units[0]!.soft) return { cost: 10, restored: [], replaced: [[offset, weight]] };
    return null;
  }
  const rest = weight - sum;
  if (rest <= EPSILON) return null;
  if (unknown.length === 1) return { cost: 1, restored: [[unknown[0]!, Number(rest.toFixed(6))]], replaced: [] };
  return { cost: 2, restored: [], replaced: [] };
}

/** Given units and labels, return the label each unit would get by filling labels down from their first anchor. */
function fillDown(count: number, labels: GroupLabel[]): number[] {
  const starts = labels.map((l, i) => [Math.min(...l.anchors), i] as const).sort((a, b) => a[0] - b[0]);
  return Array.from({ length: count }, (_, u) => {
    let label = starts[0]?.[1] ?? 0;
    for (const [at, i] of starts) if (at <= u) label = i;
    return label;
  });
}

/**
 * Given units and their labels in printed order, return the cheapest grouping in which every label
 * covers a run holding one of its anchors and fitting its weight (fewest replaced figures, then
 * fewest restored weights, then closest to filling down); null when no grouping fits.
 */
export function groupByWeights(units: Unit[], labels: GroupLabel[]): Grouping | null {
  const filled = fillDown(units.length, labels);
  let best: { cost: number; groups: Group[]; fits: Fit[] } | null = null;
  let steps = 0;
  const search = (j: number, start: number, cost: number, groups: Group[], fits: Fit[]): void => {
    if (++steps > MAX_STEPS || (best && cost >= best.cost)) return;
    if (j === labels.length) {
      if (start === units.length) best = { cost, groups: [...groups], fits: [...fits] };
      return;
    }
    const label = labels[j]!;
    if (label.optional) search(j + 1, start, cost + 0.5, groups, fits);
    for (let end = start + 1; end <= units.length; end++) {
      if (!label.anchors.some((a) => a >= (groups.length ? start : 0) && a < end)) continue;
      const fit = fitGroup(units.slice(start, end), start, label.weight);
      if (!fit) continue;
      let drift = 0;
      for (let u = start; u < end; u++) if (filled[u] !== j) drift += 0.01;
      search(j + 1, end, cost + fit.cost + drift, [...groups, { label: j, start, end }], [...fits, fit]);
    }
  };
  search(0, 0, 0, [], []);
  if (!best || steps > MAX_STEPS) return null;
  const found = best as { cost: number; groups: Group[]; fits: Fit[] };
  const weights = units.map((u) => u.weight);
  const restored: number[] = [],
    replaced: number[] = [];
  for (const fit of found.fits) {
    for (const [u, w] of fit.restored) {
      weights[u] = w;
      restored.push(u);
    }
    for (const [u, w] of fit.replaced) {
      weights[u] = w;
      replaced.push(u);
    }
  }
  return { groups: found.groups, weights, restored, replaced, cost: found.cost };
}

/** Given units and labels, return the groups of filling each label down from its first anchor (the fallback). */
export function groupByFillDown(count: number, labels: GroupLabel[]): Group[] {
  const filled = fillDown(count, labels);
  const groups: Group[] = [];
  filled.forEach((label, u) => {
    const last = groups[groups.length - 1];
    if (last && last.label === label) last.end = u + 1;
    else groups.push({ label, start: u, end: u + 1 });
  });
  return groups;
}
