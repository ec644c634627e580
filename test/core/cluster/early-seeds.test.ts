import { describe, expect, it } from 'vitest';
import type { EdgeRecord } from '../../../src/core/link/score-edge.ts';
import { adjacencyOf } from './_graph.ts';
import { addEarlySeeds, isCorroborated } from '../../../src/core/cluster/early-seeds.ts';

type Signals = EdgeRecord['signals'];
const weak = (a: string, b: string, signals: Signals): EdgeRecord => ({ kind: 'edge', a, b, ts: 0, strong: false, weak: true, signals, weight: Object.values(signals).reduce((x, y) => x + (y ?? 0), 0), examples: [] });
const pairs = (ids: string[]) => ids.flatMap((x, i) => ids.slice(i + 1).map((y) => [x, y] as const));
const adjOf = adjacencyOf;
const opts = { k: 4, minBehaviour: 0.3, minSize: 5, resolution: 0.5, seed: 1, randomWalk: true };
const ring = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];

describe('isCorroborated', () => {
  it('needs an infrastructure signal and enough behavioural weight', () => {
    expect(isCorroborated(weak('a', 'b', { lockstep: 0.2, co_target: 0.2, registration_burst: 0.5 }), 0.3)).toBe(true);
    expect(isCorroborated(weak('a', 'b', { lockstep: 0.2, co_target: 0.2 }), 0.3)).toBe(false); // no corroboration
    expect(isCorroborated(weak('a', 'b', { lockstep: 0.1, shared_ip: 1 }), 0.3)).toBe(false); // too little behaviour
  });
});

describe('addEarlySeeds', () => {
  it('makes a dense group of corroborated weak edges with two behavioural signals a community of its own', () => {
    const edges = pairs(ring).map(([a, b]) => weak(a, b, { lockstep: 0.3, co_target: 0.3, registration_burst: 0.5 }));
    const found: string[][] = [];
    const coreWeak = addEarlySeeds(found, [], edges, adjOf(edges), opts);
    expect(found).toEqual([ring]);
    expect(coreWeak).toHaveLength(edges.length);
  });

  it('does not seed from one kind of coincidence alone', () => {
    const edges = pairs(ring).map(([a, b]) => weak(a, b, { lockstep: 0.6, registration_burst: 0.5 }));
    const found: string[][] = [];
    addEarlySeeds(found, [], edges, adjOf(edges), opts);
    expect(found).toEqual([]);
  });

  it('adds fresh members to the strong community the group overlaps when most of their group evidence points there', () => {
    const edges = pairs(ring).map(([a, b]) => weak(a, b, { lockstep: 0.3, co_target: 0.3, registration_burst: 0.5 }));
    const found = [['r1', 'r2', 'r3', 'r4', 'x']];
    addEarlySeeds(found, [], edges, adjOf(edges), opts);
    expect(found).toEqual([['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'x']]);
  });

  it('hands the Louvain groups to refine before using them', () => {
    const edges = pairs(ring).map(([a, b]) => weak(a, b, { lockstep: 0.3, co_target: 0.3, registration_burst: 0.5 }));
    const seen: string[][][] = [];
    const found: string[][] = [];
    addEarlySeeds(found, [], edges, adjOf(edges), { ...opts, refine: (groups) => (seen.push(groups), []) });
    expect(seen).toEqual([[ring]]);
    expect(found).toEqual([]); // refine dropped the group
  });
});
