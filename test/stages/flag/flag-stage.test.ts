import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../../src/config/params.ts';
import type { RingEvent } from '../../../src/contracts/ring.ts';
import { createMetrics } from '../../../src/runtime/metrics.ts';
import type { ClusterRound, RingCandidate } from '../../../src/stages/cluster/cluster-stage.ts';
import { createFlagStage } from '../../../src/stages/flag/flag-stage.ts';

const prov = { code_version: 't', param_hash: 'h', seed: 1, model_id: 'm' };
const cand = (id: string, members: string[], score: number): RingCandidate => ({
  ring_id: id,
  score,
  members: members.map((m) => ({ account_id: m, role: 'core' as const, score: 1 })),
  evidence: {} as RingCandidate['evidence'],
});

function harness() {
  const metrics = createMetrics();
  const stage = createFlagStage({ ...DEFAULTS, flag: { ...DEFAULTS.flag, minScore: 0.5, minRounds: 1, retireAfterMs: 1000 } }, prov, metrics);
  const out: RingEvent[] = [];
  const send = (r: ClusterRound) => stage.handle({ role: 'clusters', partition: 'c:0', source: 's', value: Buffer.alloc(0), decoded: r }, (_role, _k, v) => out.push(v as RingEvent));
  return { stage, out, send, metrics };
}

describe('flag stage', () => {
  it('flags once, updates on material change, retires when gone, and ignores low scores', () => {
    const h = harness();
    h.send({ kind: 'round', ts: 0, final: false, candidates: [cand('r1', ['a', 'b', 'c'], 0.8), cand('r2', ['x', 'y', 'z'], 0.2)] });
    h.send({ kind: 'round', ts: 100, final: false, candidates: [cand('r1', ['a', 'b', 'c'], 0.82)] }); // no material change
    h.send({ kind: 'round', ts: 200, final: false, candidates: [cand('r1', ['a', 'b', 'c', 'd', 'e'], 0.85)] });
    h.send({ kind: 'round', ts: 1300, final: false, candidates: [] });
    expect(h.out.map((e) => [e.ring_id, e.version, e.status])).toEqual([
      ['r1', 1, 'flagged'],
      ['r1', 2, 'updated'],
      ['r1', 3, 'retired'],
    ]);
    expect(h.out[1].detected_at).toBe(h.out[0].detected_at);
    expect(h.out.every((e) => e.provenance.param_hash === 'h')).toBe(true);
  });

  it('never emits a (ring_id, version) that is already durable downstream', () => {
    const h = harness();
    h.stage.alreadyEmitted.add('r1#1');
    h.send({ kind: 'round', ts: 0, final: false, candidates: [cand('r1', ['a', 'b', 'c'], 0.8)] });
    expect(h.out).toHaveLength(0);
    expect(h.metrics.get('flag_duplicates_suppressed_total')).toBe(1);
  });

  it('closes a flagged case absorbed by another flagged case as merged, once, and never retires or revives it', () => {
    const h = harness();
    h.send({ kind: 'round', ts: 0, final: false, candidates: [cand('r1', ['a', 'b', 'c'], 0.8), cand('r2', ['d', 'e', 'f'], 0.8)] });
    h.send({ kind: 'round', ts: 100, final: false, candidates: [{ ...cand('r2', ['a', 'b', 'c', 'd', 'e', 'f'], 0.8), absorbed: ['r1'] }] });
    h.send({ kind: 'round', ts: 200, final: false, candidates: [{ ...cand('r2', ['a', 'b', 'c', 'd', 'e', 'f'], 0.8), absorbed: ['r1'] }] });
    h.send({ kind: 'round', ts: 300, final: false, candidates: [cand('r1', ['a', 'b', 'c'], 0.8)] });
    h.send({ kind: 'round', ts: 5000, final: false, candidates: [] });
    expect(h.out.map((e) => [e.ring_id, e.version, e.status, e.merged_into ?? null])).toEqual([
      ['r1', 1, 'flagged', null],
      ['r2', 1, 'flagged', null],
      ['r2', 2, 'updated', null],
      ['r1', 2, 'merged', 'r2'],
      ['r2', 3, 'retired', null],
    ]);
    expect(h.out[3].members.map((m) => m.account_id)).toEqual(['a', 'b', 'c']);
  });

  it('a case that would retire while its accounts sit in another open case is merged into it instead', () => {
    const h = harness();
    h.send({ kind: 'round', ts: 0, final: false, candidates: [cand('r1', ['a', 'b', 'c', 'd', 'e'], 0.8)] });
    // r2 opens with all of r1's accounts; r1's candidate is no longer seen
    h.send({ kind: 'round', ts: 100, final: false, candidates: [cand('r2', ['a', 'b', 'c', 'd', 'e', 'f', 'g'], 0.8)] });
    // r3 holds only 2 of r4's 5 accounts: r4 retires
    h.send({ kind: 'round', ts: 200, final: false, candidates: [cand('r2', ['a', 'b', 'c', 'd', 'e', 'f', 'g'], 0.8), cand('r4', ['p', 'q', 'r', 's', 't'], 0.8)] });
    h.send({ kind: 'round', ts: 300, final: false, candidates: [cand('r2', ['a', 'b', 'c', 'd', 'e', 'f', 'g'], 0.8), cand('r3', ['p', 'q', 'x', 'y', 'z'], 0.8)] });
    h.send({ kind: 'round', ts: 1250, final: false, candidates: [cand('r2', ['a', 'b', 'c', 'd', 'e', 'f', 'g'], 0.8), cand('r3', ['p', 'q', 'x', 'y', 'z'], 0.8)] });
    const closing = h.out.filter((e) => e.status === 'merged' || e.status === 'retired').map((e) => [e.ring_id, e.status, e.merged_into ?? null]);
    expect(closing).toEqual([
      ['r1', 'merged', 'r2'],
      ['r4', 'retired', null],
    ]);
  });

  it('a candidate whose case was merged at retirement passes what it takes in to its survivor, never back into a closed case', () => {
    const h = harness();
    h.send({ kind: 'round', ts: 0, final: false, candidates: [cand('r1', ['a', 'b', 'c', 'd', 'e'], 0.8), cand('r3', ['v', 'w', 'x', 'y', 'z'], 0.8)] });
    h.send({ kind: 'round', ts: 100, final: false, candidates: [cand('r2', ['a', 'b', 'c', 'd', 'e', 'f'], 0.8), cand('r3', ['v', 'w', 'x', 'y', 'z'], 0.8)] });
    h.send({ kind: 'round', ts: 1050, final: false, candidates: [cand('r2', ['a', 'b', 'c', 'd', 'e', 'f'], 0.8), cand('r3', ['v', 'w', 'x', 'y', 'z'], 0.8)] });
    // r1 was merged into r2 at retirement; cluster still knows r1 and now takes in r2 and r3
    h.send({ kind: 'round', ts: 1100, final: false, candidates: [{ ...cand('r1', ['a', 'b', 'c', 'd', 'e', 'f', 'v', 'w', 'x', 'y', 'z'], 0.8), absorbed: ['r2', 'r3'] }] });
    const closing = h.out.filter((e) => e.status === 'merged').map((e) => [e.ring_id, e.merged_into]);
    expect(closing).toEqual([
      ['r1', 'r2'],
      ['r3', 'r2'],
    ]);
  });

  it('leaves an absorbed case open when the survivor is not a flagged case', () => {
    const h = harness();
    h.send({ kind: 'round', ts: 0, final: false, candidates: [cand('r1', ['a', 'b', 'c'], 0.8)] });
    h.send({ kind: 'round', ts: 100, final: false, candidates: [{ ...cand('r9', ['a', 'b', 'c', 'd'], 0.2), absorbed: ['r1'] }] });
    expect(h.out.map((e) => e.status)).toEqual(['flagged']);
  });

  it('closes an absorbed case as merged once its survivor becomes a case, also through a survivor taken in later', () => {
    const h = harness();
    h.send({ kind: 'round', ts: 0, final: false, candidates: [cand('r1', ['a', 'b', 'c'], 0.8)] });
    // r9 took r1 in while r9 was below the bar: r1 stays open…
    h.send({ kind: 'round', ts: 100, final: false, candidates: [{ ...cand('r9', ['a', 'b', 'c', 'd'], 0.2), absorbed: ['r1'] }] });
    h.send({ kind: 'round', ts: 200, final: false, candidates: [cand('r9', ['a', 'b', 'c', 'd', 'e'], 0.3)] });
    expect(h.out.map((e) => [e.ring_id, e.status])).toEqual([['r1', 'flagged']]);
    // …until r9 opens: then r1 is merged into it, before it could retire
    h.send({ kind: 'round', ts: 300, final: false, candidates: [cand('r9', ['a', 'b', 'c', 'd', 'e', 'f'], 0.7)] });
    expect(h.out.map((e) => [e.ring_id, e.version, e.status, e.merged_into ?? null])).toEqual([
      ['r1', 1, 'flagged', null],
      ['r9', 1, 'flagged', null],
      ['r1', 2, 'merged', 'r9'],
    ]);

    // a chain: r2 taken in by r7 (not a case), r7 taken in by r8, which opens later
    const g = harness();
    g.send({ kind: 'round', ts: 0, final: false, candidates: [cand('r2', ['a', 'b', 'c'], 0.8)] });
    g.send({ kind: 'round', ts: 100, final: false, candidates: [{ ...cand('r7', ['a', 'b', 'c', 'd'], 0.2), absorbed: ['r2'] }] });
    g.send({ kind: 'round', ts: 200, final: false, candidates: [{ ...cand('r8', ['a', 'b', 'c', 'd', 'x'], 0.2), absorbed: ['r7'] }] });
    g.send({ kind: 'round', ts: 300, final: false, candidates: [cand('r8', ['a', 'b', 'c', 'd', 'x'], 0.9)] });
    expect(g.out.map((e) => [e.ring_id, e.status, e.merged_into ?? null])).toEqual([
      ['r2', 'flagged', null],
      ['r8', 'flagged', null],
      ['r2', 'merged', 'r8'],
    ]);
  });

  it('an open case follows its candidate below the flag bar down to keepMinScore; a new one is not opened there', () => {
    const metrics = createMetrics();
    const stage = createFlagStage({ ...DEFAULTS, flag: { ...DEFAULTS.flag, minScore: 0.6, keepMinScore: 0.5, minRounds: 1, retireAfterMs: 1000 } }, prov, metrics);
    const out: RingEvent[] = [];
    const send = (r: ClusterRound) => stage.handle({ role: 'clusters', partition: 'c:0', source: 's', value: Buffer.alloc(0), decoded: r }, (_role, _k, v) => out.push(v as RingEvent));
    send({ kind: 'round', ts: 0, final: false, candidates: [cand('r1', ['a', 'b', 'c'], 0.7)] });
    send({ kind: 'round', ts: 100, final: false, candidates: [cand('r1', ['a', 'b', 'c', 'd', 'e', 'f'], 0.55), cand('r2', ['x', 'y', 'z'], 0.55)] });
    send({ kind: 'round', ts: 200, final: false, candidates: [cand('r1', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 0.45)] });
    expect(out.map((e) => [e.ring_id, e.version, e.status, e.members.length])).toEqual([
      ['r1', 1, 'flagged', 3],
      ['r1', 2, 'updated', 6],
    ]);
    // lastSeen only moves above the flag bar: the case still retires on time
    send({ kind: 'round', ts: 1000, final: false, candidates: [cand('r1', ['a', 'b', 'c', 'd', 'e', 'f'], 0.55)] });
    expect(out.at(-1)).toMatchObject({ ring_id: 'r1', status: 'retired' });
  });
});
