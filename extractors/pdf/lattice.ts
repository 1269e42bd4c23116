// Lattice stage: ruling segments -> lattices (the rules of one table each). Rules closer than the
// snap distance are one rule (Word and WPS draw a shared border once per cell; pdf.js rounds
// coordinates), collinear pieces are joined, and rules that cross or touch form one table.
import type { Rect } from "./geometry.js";
import type { Segment } from "./segments.js";
import type { LatticeSettings } from "./settings.js";

export interface Rule {
  at: number;
  from: number;
  to: number;
}

export interface Lattice {
  box: Rect;
  /** Horizontal rules (y = at, from x to x). */
  horizontals: Rule[];
  /** Vertical rules (x = at, from y to y). */
  verticals: Rule[];
}

/** Given parallel segments, return them with positions closer than the snap distance made equal (length-weighted mean). */
export function snapSegments(segments: Segment[], snap: number): Rule[] {
  const sorted = [...segments].sort((a, b) => a.at - b.at);
  const out: Rule[] = [];
  let group: Segment[] = [];
  const flush = () => {
    const weight = group.reduce((s, g) => s + Math.max(g.to - g.from, 0.1), 0);
    const at = group.reduce((s, g) => s + g.at * Math.max(g.to - g.from, 0.1), 0) / weight;
    for (const g of group) out.push({ at, from: g.from, to: g.to });
    group = [];
  };
  for (const s of sorted) {
    if (group.length && s.at - group[0]!.at > snap) flush();
    group.push(s);
  }
  if (group.length) flush();
  return out;
}

/** Given rules snapped to shared positions, return them with overlapping or nearly touching pieces on one position joined. */
export function joinRules(rules: Rule[], join: number): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Rule[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.at === r.at && r.from <= last.to + join) last.to = Math.max(last.to, r.to);
    else out.push({ ...r });
  }
  return out;
}

/** Given a horizontal and a vertical rule, return whether they cross or touch. */
function touches(h: Rule, v: Rule, touch: number): boolean {
  return v.at >= h.from - touch && v.at <= h.to + touch && h.at >= v.from - touch && h.at <= v.to + touch;
}

/** Given horizontal and vertical rules, return the groups of rules connected by crossings (union-find). */
function rulesToComponents(hs: Rule[], vs: Rule[], touch: number): { hs: Rule[]; vs: Rule[] }[] {
  const parent = [...hs, ...vs].map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const byX = vs.map((v, j) => ({ v, j })).sort((a, b) => a.v.at - b.v.at);
  hs.forEach((h, i) => {
    for (const { v, j } of byX) {
      if (v.at < h.from - touch) continue;
      if (v.at > h.to + touch) break;
      if (touches(h, v, touch)) parent[find(i)] = find(hs.length + j);
    }
  });
  const groups = new Map<number, { hs: Rule[]; vs: Rule[] }>();
  const groupOf = (i: number) => {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { hs: [], vs: [] }));
    return g;
  };
  hs.forEach((h, i) => groupOf(i).hs.push(h));
  vs.forEach((v, j) => groupOf(hs.length + j).vs.push(v));
  return [...groups.values()];
}

/** Given rules of one table, return the box they enclose. */
function rulesToBox(hs: Rule[], vs: Rule[]): Rect {
  const xs = [...hs.flatMap((h) => [h.from, h.to]), ...vs.map((v) => v.at)];
  const ys = [...vs.flatMap((v) => [v.from, v.to]), ...hs.map((h) => h.at)];
  return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
}

/** Given a page's ruling segments, return one lattice per group of crossing rules that can hold a table. */
export function segmentsToLattices(segments: Segment[], settings: LatticeSettings): Lattice[] {
  const hs = joinRules(
    snapSegments(
      segments.filter((s) => s.axis === "h"),
      settings.snap,
    ),
    settings.join,
  );
  const vs = joinRules(
    snapSegments(
      segments.filter((s) => s.axis === "v"),
      settings.snap,
    ),
    settings.join,
  );
  const lattices: Lattice[] = [];
  for (const group of rulesToComponents(hs, vs, settings.touch)) {
    if (group.hs.length < 1 || group.vs.length < 1 || group.hs.length + group.vs.length < 4) continue;
    const box = rulesToBox(group.hs, group.vs);
    if (box.x1 - box.x0 < settings.minCellSize || box.y1 - box.y0 < settings.minCellSize) continue;
    lattices.push({ box, horizontals: group.hs, verticals: group.vs });
  }
  return lattices.sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
}
