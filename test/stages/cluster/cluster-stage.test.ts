import { describe, expect, it } from 'vitest';
import { DEFAULTS, resolveParams } from '../../../src/config/params.ts';
import type { EdgeRecord } from '../../../src/core/link/score-edge.ts';
import { scoreRing } from '../../../src/core/cluster/score-ring.ts';
import { createMetrics } from '../../../src/runtime/metrics.ts';
import { createClusterStage, type ClusterRound } from '../../../src/stages/cluster/cluster-stage.ts';

const HOUR = 3_600_000;

function edge(a: string, b: string, kind: 'strong' | 'weak', signals: EdgeRecord['signals']): EdgeRecord {
  const weight = Object.values(signals).reduce((s, x) => s + (x ?? 0), 0);
  return { kind: 'edge', a: a < b ? a : b, b: a < b ? b : a, ts: 0, strong: kind === 'strong', weak: kind === 'weak', signals, weight, examples: [] };
}

const pairs = (names: string[]) => names.flatMap((a, i) => names.slice(i + 1).map((b) => [a, b] as const));

function run(records: EdgeRecord[], weakCoreK: number): ClusterRound[] {
  const params = resolveParams({ cluster: { weakCoreK } });
  const stage = createClusterStage(params, createMetrics());
  const rounds: ClusterRound[] = [];
  const send = (decoded: unknown) =>
    stage.handle({ role: 'links', partition: 'links:0', source: 's', value: Buffer.alloc(0), decoded }, (_r, _k, v) => rounds.push(v as ClusterRound));
  send({ kind: 'watermark', ts: 0, final: false });
  for (const r of records) send(r);
  send({ kind: 'watermark', ts: DEFAULTS.cluster.everyMs + 1, final: false });
  send({ kind: 'watermark', ts: 2 * HOUR, final: true });
  return rounds;
}

const members = (round: ClusterRound) => round.candidates.map((c) => c.members.map((m) => m.account_id).sort());

/** A young ring: every pair engaged the same note once or twice and shares a registration burst — weak, corroborated. */
const earlyRing = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
const earlyEvidence = () => pairs(earlyRing).map(([a, b]) => edge(a, b, 'weak', { lockstep: 0.3, mutual_engagement: 0.4, registration_burst: 0.5 }));

describe('cluster stage', () => {
  it('turns a clique of strong edges into one candidate with the members and a score', () => {
    const ring = ['s1', 's2', 's3', 's4', 's5'];
    const rounds = run(pairs(ring).map(([a, b]) => edge(a, b, 'strong', { lockstep: 1.2, co_target: 0.8 })), 0);
    const last = rounds.at(-1)!;
    expect(members(last)).toEqual([ring]);
    expect(last.candidates[0].score).toBeGreaterThan(0);
  });

  it('ignores weak evidence alone by default, and seeds a candidate from its dense core with weakCoreK', () => {
    expect(run(earlyEvidence(), 0).at(-1)!.candidates).toEqual([]);
    expect(members(run(earlyEvidence(), 4).at(-1)!)).toEqual([earlyRing]);
  });

  it('does not seed from weak evidence that infrastructure does not corroborate, that is thin, or that is one signal', () => {
    const uncorroborated = pairs(earlyRing).map(([a, b]) => edge(a, b, 'weak', { lockstep: 0.3, mutual_engagement: 0.4 }));
    const thin = pairs(earlyRing).map(([a, b]) => edge(a, b, 'weak', { co_target: 0.1, lockstep: 0.1, registration_burst: 0.5 }));
    const oneSignal = pairs(earlyRing).map(([a, b]) => edge(a, b, 'weak', { co_target: 0.6, registration_burst: 0.5 }));
    for (const records of [uncorroborated, thin, oneSignal]) expect(run(records, 4).at(-1)!.candidates).toEqual([]);
  });

  it('does not seed from a star: fans of one creator have weak evidence to her, not to each other', () => {
    const star = Array.from({ length: 30 }, (_, i) => edge('creator', `fan${i}`, 'weak', { mutual_engagement: 0.5, lockstep: 0.3, shared_ip: 0.25 }));
    expect(run(star, 4).at(-1)!.candidates).toEqual([]);
  });

  it('grows an overlapping strong community with an early seed instead of opening a second case', () => {
    const strong = pairs(['r1', 'r2', 'r3']).map(([a, b]) => edge(a, b, 'strong', { lockstep: 1.5, co_target: 1 }));
    const weak = earlyEvidence().filter((e) => !(['r1', 'r2', 'r3'].includes(e.a) && ['r1', 'r2', 'r3'].includes(e.b)));
    expect(members(run([...strong, ...weak], 4).at(-1)!)).toEqual([earlyRing]);
  });

  it("reports each member's pair evidence inside the group: a booster attached by weak edges shows its links, not a zero score alone", () => {
    const core = ['s1', 's2', 's3', 's4', 's5'];
    const strong = pairs(core).map(([a, b]) => edge(a, b, 'strong', { lockstep: 1.2, co_target: 0.8 }));
    // a booster engaging four posters' notes (weak edges only) and one account outside the group
    const booster = ['s1', 's2', 's3', 's4'].map((s) => edge('b1', s, 'weak', { mutual_engagement: 0.9 }));
    const last = run([...strong, ...booster, edge('b1', 'zz', 'weak', { mutual_engagement: 0.7 })], 0).at(-1)!;
    const byId = new Map(last.candidates[0].members.map((m) => [m.account_id, m]));
    expect([...byId.keys()].sort()).toEqual(['b1', ...core]);
    expect(byId.get('b1')).toMatchObject({ role: 'periphery', score: 0, links: 4, evidence_weight: 3.6 });
    expect(byId.get('s5')).toMatchObject({ role: 'core', links: 4, evidence_weight: 8 });
    expect(byId.get('s1')).toMatchObject({ links: 5, evidence_weight: 8.9 });
  });

  it('counts members tied to two or more others (tied_members), and the scale bonus reads them: boosters too weak for a strong edge', () => {
    const core = ['s1', 's2', 's3', 's4', 's5'];
    const strong = pairs(core).map(([a, b]) => edge(a, b, 'strong', { lockstep: 1.2, co_target: 0.8 }));
    // six boosters each backing three posters (weak edges), and a seventh account tied to one only
    const boosters = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'].flatMap((b, i) => [0, 1, 2].map((k) => edge(b, core[(i + k) % 5], 'weak', { mutual_engagement: 1.1 })));
    const last = run([...strong, ...boosters, edge('x1', 's1', 'weak', { mutual_engagement: 0.9 })], 0).at(-1)!;
    const c = last.candidates[0];
    expect(c.members.map((m) => m.account_id).sort()).toEqual(['b1', 'b2', 'b3', 'b4', 'b5', 'b6', ...core]);
    expect(c.evidence).toMatchObject({ linked_members: 5, tied_members: 11 });
    expect(c.score).toBe(scoreRing(c.evidence));
    expect(c.score).toBeGreaterThan(scoreRing({ ...c.evidence, tied_members: undefined }));
  });

  it('finds communities on the current strong edges only, after edges are re-weighted and dropped', () => {
    const params = resolveParams({ cluster: { weakCoreK: 0 } });
    const a = ['a1', 'a2', 'a3', 'a4', 'a5'];
    const b = ['b1', 'b2', 'b3', 'b4', 'b5'];
    const strong = (x: string, y: string, lockstep: number) => edge(x, y, 'strong', { lockstep, co_target: 0.8 });
    const gone = (x: string, y: string) => ({ ...edge(x, y, 'weak', {}), weak: false, weight: 0 });
    const roundsOf = (batches: EdgeRecord[][]) => {
      const stage = createClusterStage(params, createMetrics());
      const rounds: ClusterRound[] = [];
      const send = (decoded: unknown) => stage.handle({ role: 'links', partition: 'links:0', source: 's', value: Buffer.alloc(0), decoded }, (_r, _k, v) => rounds.push(v as ClusterRound));
      send({ kind: 'watermark', ts: 0, final: false });
      batches.forEach((batch, i) => {
        for (const r of batch) send(r);
        send({ kind: 'watermark', ts: (i + 1) * DEFAULTS.cluster.everyMs + 1, final: false });
      });
      return rounds;
    };
    const final = pairs(a).map(([x, y]) => strong(x, y, 2));
    const history = roundsOf([
      [...pairs(a).map(([x, y]) => strong(x, y, 1.2)), ...pairs(b).map(([x, y]) => strong(x, y, 1.2)), strong('a1', 'b1', 1.2)],
      [...pairs(b).map(([x, y]) => gone(x, y)), gone('a1', 'b1'), ...final],
    ]);
    expect(history).toHaveLength(2);
    expect(members(history[0])).toEqual([a, b]);
    expect(history[1].candidates.map((c) => c.members)).toEqual(roundsOf([final])[0].candidates.map((c) => c.members));
    expect(members(history[1])).toEqual([a]);
  });
});
