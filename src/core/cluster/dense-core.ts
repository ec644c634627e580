/**
 * The k-core of the evidence graph (strong and weak edges): the largest set of accounts in which
 * every account has evidence to at least k others of the set (Batagelj & Zaversnik peeling).
 *
 * A ring that has just started boosting shows as many weak pairs — each pair has engaged the same
 * note once or twice, shares a device farm or a registration day — long before any single pair
 * is strong. Genuine weak evidence is sparse and star-shaped (fans of one creator, one household),
 * so it peels away; a group whose members each have weak evidence to k others survives.
 */
import type { Adjacency } from './attach-periphery.ts';

export function denseCore(adj: Adjacency, k: number): Set<string> {
  const degree = new Map<string, number>();
  const stack: string[] = [];
  for (const [n, m] of adj) {
    degree.set(n, m.size);
    if (m.size < k) stack.push(n);
  }
  const removed = new Set<string>();
  while (stack.length) {
    const n = stack.pop()!;
    if (removed.has(n)) continue;
    removed.add(n);
    for (const x of adj.get(n)!.keys()) {
      if (removed.has(x)) continue;
      const d = degree.get(x)! - 1;
      degree.set(x, d);
      if (d < k) stack.push(x);
    }
  }
  const core = new Set<string>();
  for (const n of adj.keys()) if (!removed.has(n)) core.add(n);
  return core;
}
