// Giving rubric items their 一级/二级 labels, weights and scores. Labels are grouped over the items
// by their bracketed weights (rubric-groups.ts), 二级 over items and 一级 over the 二级 blocks. Two
// readings of a row-merge are tried: OCR merged two rows' names into one and left the second
// name's figures on the next row (seed 004: 绩效目标科学性 / 绩效指标科学性 with "7<br>7", the next
// row's "3<br>3"); the weights say which reading holds.
import type { Warning } from "../../contracts/model.js";
import {
  groupByFillDown,
  groupByWeights,
  sumOrNull,
  type Group,
  type GroupLabel,
  type Grouping,
  type Unit,
} from "./groups.js";
import type { RubricItem } from "./rows.js";
import { labelKey } from "../common/text.js";
import { parseWeightedLabel } from "../common/vocabulary.js";

export interface LevelledItem extends RubricItem {
  level1Raw: string | null;
  level2Raw: string | null;
  weight: number | null;
  score: number | null;
}

interface Label {
  raw: string | null;
  weight: number | null;
  anchors: number[];
  optional: boolean;
}

/** Given an item, return its weight as far as its own row tells. */
function unitOf(item: RubricItem): Unit {
  const f = item.figures;
  const weight = item.nameWeight ?? (f?.kind === "pair" ? f.weight : f?.kind === "single" ? f.value : null);
  return { weight, soft: item.nameWeight === null && f?.kind === "single" };
}

/** Given items, return their 二级 labels in order; a 一级 label on a row without a 二级 one opens a block without 二级. */
function level2Labels(items: RubricItem[]): Label[] {
  const labels: Label[] = [];
  items.forEach((item, i) => {
    if (item.level2 === null && item.level1 === null) return;
    const raw = item.level2;
    const last = labels[labels.length - 1];
    if (raw !== null && last?.raw != null && labelKey(last.raw) === labelKey(raw)) return void last.anchors.push(i);
    labels.push({
      raw,
      weight: raw === null ? null : parseWeightedLabel(raw).weight,
      anchors: [i],
      optional: raw === null,
    });
  });
  return labels;
}

/** Given the items of each group, return the 一级 labels printed in them, anchored on their group. */
function level1Labels(items: RubricItem[], groups: Group[]): Label[] {
  const labels: Label[] = [];
  groups.forEach((group, g) => {
    for (let i = group.start; i < group.end; i++) {
      const raw = items[i]!.level1;
      if (raw === null) continue;
      const last = labels[labels.length - 1];
      if (last?.raw != null && labelKey(last.raw) === labelKey(raw)) last.anchors.push(g);
      else labels.push({ raw, weight: parseWeightedLabel(raw).weight, anchors: [g], optional: false });
    }
  });
  return labels;
}

const toGroupLabels = (labels: Label[]): GroupLabel[] =>
  labels.map(({ weight, anchors, optional }) => ({ weight, anchors, optional }));

/** Given items, return the readings to try: as printed, and with each row-merge's figures moved back a row. */
function readings(items: RubricItem[]): RubricItem[][] {
  const merges = items.flatMap((item, i) => (item.lacksFigures && items[i + 1]?.figures ? [i] : []));
  const out: RubricItem[][] = [];
  for (let mask = 0; mask < 1 << Math.min(merges.length, 4); mask++) {
    const copy = items.map((item) => ({ ...item }));
    merges.forEach((i, bit) => {
      if (!(mask & (1 << bit))) return;
      copy[i]!.figures = copy[i + 1]!.figures;
      copy[i + 1]!.figures = null;
    });
    out.push(copy);
  }
  return out;
}

/** Given items and their 二级 grouping, return the weight of each group, for grouping 一级 over them. */
function groupUnits(groups: Group[], labels: Label[], weights: (number | null)[]): Unit[] {
  return groups.map((g) => {
    const own = labels[g.label]?.weight ?? null;
    if (own !== null) return { weight: own, soft: false };
    return { weight: sumOrNull(weights.slice(g.start, g.end)), soft: false };
  });
}

/** Given items whose weights fit no grouping, return the reading that fills each label down from where it is printed. */
function fillDownReading(items: RubricItem[]): { items: RubricItem[]; labels: Label[]; grouping: Grouping } {
  const labels = level2Labels(items);
  const groups = groupByFillDown(items.length, toGroupLabels(labels));
  return {
    items,
    labels,
    grouping: { groups, weights: items.map((item) => unitOf(item).weight), restored: [], replaced: [], cost: 0 },
  };
}

/** Given items read from a rubric, return them with levels, weights and scores, and the warnings of the repairs. */
export function levelItems(items: RubricItem[], warnings: Warning[]): LevelledItem[] {
  let best: { items: RubricItem[]; labels: Label[]; grouping: Grouping } | null = null;
  for (const reading of readings(items)) {
    const labels = level2Labels(reading);
    const grouping = groupByWeights(reading.map(unitOf), toGroupLabels(labels));
    if (grouping && (!best || grouping.cost < best.grouping.cost)) best = { items: reading, labels, grouping };
  }
  if (!best) {
    warnings.push({
      code: "rubric-weights-unmatched",
      message: "the rubric's item weights do not add up to its bracketed 二级 weights: labels filled down as printed",
      page: items[0]?.page ?? null,
    });
    best = fillDownReading(items);
  }
  const { items: chosen, labels, grouping } = best;
  if (chosen !== items) reportMoves(items, chosen, warnings);
  reportRegrouping(chosen, labels, grouping, warnings);
  const level1 = level1Labels(chosen, grouping.groups);
  const units = groupUnits(grouping.groups, labels, grouping.weights);
  const upper =
    groupByWeights(units, toGroupLabels(level1))?.groups ?? groupByFillDown(units.length, toGroupLabels(level1));
  return chosen
    .map((item, i) => {
      const g = grouping.groups.findIndex((group) => i >= group.start && i < group.end);
      const top = upper.find((group) => g >= group.start && g < group.end);
      const weight = grouping.weights[i] ?? null;
      return {
        ...item,
        level1Raw: level1.length && top ? (level1[top.label]?.raw ?? null) : null,
        level2Raw: labels[grouping.groups[g]?.label ?? -1]?.raw ?? null,
        weight,
        score: scoreOf(item, weight, grouping.replaced.includes(i), warnings),
      };
    })
    .map((item, i) => (noteRepairs(item, i, grouping, warnings), item));
}

function reportMoves(before: RubricItem[], after: RubricItem[], warnings: Warning[]): void {
  after.forEach((item, i) => {
    if (item.figures !== before[i]!.figures && item.figures) {
      warnings.push({
        code: "ocr-reconstructed",
        message: `rubric figures printed on the row of "${before[i + 1]?.name ?? ""}" belong to "${item.name}", whose row OCR merged with the one above (the 二级 weights add up only so)`,
        page: item.page,
      });
    }
  });
}

/** Notes each 二级 label whose rows the weights set apart from the rows below where it is printed. */
function reportRegrouping(items: RubricItem[], labels: Label[], grouping: Grouping, warnings: Warning[]): void {
  const filled = groupByFillDown(items.length, toGroupLabels(labels));
  for (const group of grouping.groups) {
    const label = labels[group.label];
    const printed = filled.find((f) => f.label === group.label);
    if (!label?.raw || (printed && printed.start === group.start && printed.end === group.end)) continue;
    const first = items[group.start]!,
      last = items[group.end - 1]!;
    const span =
      group.end - group.start === 1 ? first.name : `${first.name} … ${last.name} (${group.end - group.start} items)`;
    warnings.push({
      code: "ocr-reconstructed",
      message: `rubric 二级 "${label.raw}" covers ${span}, as its weight requires, not the rows below where OCR printed it`,
      page: first.page,
    });
  }
}

/** Given an item, its weight and whether its lone figure was replaced as a weight, return its score. */
function scoreOf(item: RubricItem, weight: number | null, replaced: boolean, warnings: Warning[]): number | null {
  const f = item.figures;
  if (f === null) return null;
  if (f.kind === "pair") return f.score;
  if (weight !== null && f.value > weight) {
    warnings.push({
      code: "ocr-reconstructed",
      message: `rubric "${item.name}": lone figure ${f.value} is above the weight ${weight} of its label; read as the full score`,
      page: item.page,
    });
    return weight;
  }
  return replaced && weight !== null ? Math.min(f.value, weight) : f.value;
}

function noteRepairs(item: LevelledItem, i: number, grouping: Grouping, warnings: Warning[]): void {
  if (grouping.restored.includes(i)) {
    warnings.push({
      code: "ocr-reconstructed",
      message: `rubric "${item.name}": weight ${item.weight} restored as what its label ${item.level2Raw ?? ""} leaves after the other items`,
      page: item.page,
    });
  }
  if (grouping.replaced.includes(i)) {
    warnings.push({
      code: "ocr-reconstructed",
      message: `rubric "${item.name}": weight ${item.weight} taken from its label ${item.level2Raw ?? ""}, the row's lone figure not being it`,
      page: item.page,
    });
  }
}
