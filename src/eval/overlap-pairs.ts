/**
 * Every (flagged ring, true ring) pair that shares at least one account, with its Jaccard
 * similarity. Uses an account → true-ring index so the cost is the total flagged membership,
 * not flagged × true. Both inputs are lists of distinct account ids; indices refer to them.
 */
export interface RingPair {
  flagged: number;
  truth: number;
  jaccard: number;
}

export function overlapPairs(flagged: readonly (readonly string[])[], truth: readonly (readonly string[])[]): RingPair[] {
  const ringsOf = new Map<string, number[]>();
  truth.forEach((members, t) => {
    for (const a of members) {
      const list = ringsOf.get(a);
      if (list) list.push(t);
      else ringsOf.set(a, [t]);
    }
  });

  const pairs: RingPair[] = [];
  flagged.forEach((members, f) => {
    const inter = new Map<number, number>();
    for (const a of members) for (const t of ringsOf.get(a) ?? []) inter.set(t, (inter.get(t) ?? 0) + 1);
    for (const [t, n] of [...inter].sort((x, y) => x[0] - y[0])) {
      pairs.push({ flagged: f, truth: t, jaccard: n / (members.length + truth[t].length - n) });
    }
  });
  return pairs;
}
