// How two readings of one printed field are compared: text after Unicode compatibility folding,
// without white space and with quotes, dashes and a final full stop made uniform (the same cell
// printed by two producers differs in exactly these); numbers within a relative 1e-6. Records are
// paired by similarity, greedily, best pairs first.

/** Given a printed text, return its comparable form, or null when nothing is left. */
export function comparable(text: unknown): string | null {
  if (text === null || text === undefined) return null;
  const folded = String(text)
    .normalize("NFKC")
    .replace(/[\s\u3000]+/g, "")
    .replace(/[“”„‟"]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/[—–－]/g, "-")
    .replace(/[。．]$/, "");
  return folded === "" ? null : folded;
}

export type Equality = (expected: unknown, actual: unknown) => boolean;

/** Two texts are equal when their comparable forms are. */
export const sameText: Equality = (a, b) => comparable(a) === comparable(b);

/** Two numbers are equal within a relative 1e-6 (amounts printed with two decimals survive division by 10,000). */
export const sameNumber: Equality = (a, b) => {
  if (a == null || b == null) return a == null && b == null;
  const x = Number(a);
  const y = Number(b);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  return Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(y)) + 1e-9;
};

/** Given a text, return its character bigrams with their counts (a one-character text is its own bigram). */
function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  if (text.length === 1) counts.set(text, 1);
  for (let i = 0; i < text.length - 1; i++) {
    const gram = text.slice(i, i + 2);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/**
 * Given two texts, return their similarity 0..1: the Dice coefficient of their character bigrams,
 * which needs no word boundaries and so suits Chinese.
 */
export function similarity(a: unknown, b: unknown): number {
  const x = comparable(a) ?? "";
  const y = comparable(b) ?? "";
  if (x === y) return 1;
  if (x === "" || y === "") return 0;
  const gx = bigrams(x);
  const gy = bigrams(y);
  let shared = 0;
  let total = 0;
  for (const [gram, n] of gx) {
    shared += Math.min(n, gy.get(gram) ?? 0);
    total += n;
  }
  for (const n of gy.values()) total += n;
  return (2 * shared) / total;
}

export interface Pairing<T> {
  pairs: [T, T][];
  missing: T[];
  extra: T[];
}

/** Given two lists, a similarity and its floor, return one-to-one pairs (best first), and what stayed unpaired on each side. */
export function pairRecords<T>(
  expected: readonly T[],
  actual: readonly T[],
  score: (e: T, a: T) => number,
  floor: number,
): Pairing<T> {
  const candidates: [number, number, number][] = [];
  expected.forEach((e, i) =>
    actual.forEach((a, j) => {
      const s = score(e, a);
      if (s >= floor) candidates.push([s, i, j]);
    }),
  );
  candidates.sort((x, y) => y[0] - x[0]);
  const usedExpected = new Set<number>();
  const usedActual = new Set<number>();
  const pairs: [T, T][] = [];
  for (const [, i, j] of candidates) {
    if (usedExpected.has(i) || usedActual.has(j)) continue;
    usedExpected.add(i);
    usedActual.add(j);
    pairs.push([expected[i]!, actual[j]!]);
  }
  return {
    pairs,
    missing: expected.filter((_, i) => !usedExpected.has(i)),
    extra: actual.filter((_, j) => !usedActual.has(j)),
  };
}
