import { describe, expect, it } from 'vitest';
import type { EdgeRecord } from '../../../src/core/link/score-edge.ts';
import { splitLooseParts } from '../../../src/core/cluster/split-loose.ts';
import { adjacencyOf } from './_graph.ts';

const edge = (a: string, b: string, weight: number): EdgeRecord => ({ kind: 'edge', a, b, ts: 0, strong: true, weak: false, signals: { co_target: weight }, weight, examples: [] });
const clique = (prefix: string, n: number, w: number) => {
  const out: EdgeRecord[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out.push(edge(`${prefix}${i}`, `${prefix}${j}`, w));
  return out;
};
const adjOf = adjacencyOf;
const opts = { maxCrossRatio: 0.25, minSize: 5, resolution: 0.5, seed: 1, randomWalk: true };

describe('splitLooseParts', () => {
  // a 20-account ring and a 6-account ring of another operator, joined by one booster's edge
  const big = clique('b', 20, 1);
  const small = clique('s', 6, 1);
  const bridge = [edge('b0', 's0', 1)];
  const edges = [...big, ...small, ...bridge];
  const community = [...new Set(edges.flatMap((e) => [e.a, e.b]))].sort();

  it('splits a small group tied to the rest of its community by little evidence off as a community of its own', () => {
    const out = splitLooseParts([community], edges, adjOf(edges), opts);
    expect(out.map((c) => c.length).sort((x, y) => y - x)).toEqual([20, 6]);
    expect(out.find((c) => c.length === 6)).toEqual(['s0', 's1', 's2', 's3', 's4', 's5']);
  });

  it('keeps the part when its ties to the rest, in all the evidence, are strong enough — even if the graph Louvain ran on lacks them', () => {
    // the seed graph has only the bridge; all the evidence ties every small-ring account to the big ring
    const ties = ['s0', 's1', 's2', 's3', 's4', 's5'].flatMap((s) => ['b1', 'b2', 'b3'].map((b) => edge(s, b, 1)));
    const out = splitLooseParts([community], edges, adjOf([...edges, ...ties]), opts);
    expect(out).toEqual([community]);
  });

  it('does nothing when off, and leaves parts smaller than minSize in place', () => {
    expect(splitLooseParts([community], edges, adjOf(edges), { ...opts, maxCrossRatio: 0 })).toEqual([community]);
    expect(splitLooseParts([community], edges, adjOf(edges), { ...opts, minSize: 7 })).toEqual([community]);
  });

  it('is deterministic in its inputs', () => {
    expect(splitLooseParts([community], edges, adjOf(edges), opts)).toEqual(splitLooseParts([community], [...edges].reverse(), adjOf(edges), opts));
  });
});
