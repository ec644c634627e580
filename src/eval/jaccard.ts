/**
 * Jaccard similarity |A ∩ B| / |A ∪ B| of two account sets. The reference implementation that
 * `overlapPairs` (which works from overlap counts) is tested against. Two empty sets score 0.
 */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 0 : inter / union;
}
