import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEMANTIC_BUCKET } from '../../../src/core/link/account-linker.ts';
import { SEMANTIC_GATE_DEFAULTS, SemanticGate, withinDistance } from '../../../src/core/semantic/semantic-gate.ts';
import type { GateInputNote } from '../../../src/core/semantic/gate-batch.ts';
import { gateStream, HOUR } from './gate-stream.ts';
import { randomUnitVectors } from './random-unit-vectors.ts';

type Verdict = { candidate: boolean; earlier: string[] };

/**
 * The rule written out directly: link's candidates for a note are, per item, the last
 * `bucket` notes on it inside the window, the note itself included; a note is a candidate when
 * one of another account is within the static threshold; matches not yet sent are sent with it.
 */
function reference(notes: GateInputNote[], vec: (n: GateInputNote) => Float32Array, o: { windowMs: number; minCosine: number; bucketSize: number }): Verdict[] {
  const sent = new Set<string>();
  const limit = 2 * (1 - o.minCosine);
  return notes.map((n, i) => {
    const pool = new Map<string, GateInputNote>();
    for (const key of new Set(n.keys)) {
      const onKey = notes.slice(0, i + 1).filter((m) => m.keys.includes(key) && m.ts >= n.ts - o.windowMs);
      for (const m of onKey.slice(-o.bucketSize)) if (m !== n) pool.set(m.note_id, m);
    }
    const matched = [...pool.values()].filter((m) => m.account_id !== n.account_id && withinDistance(vec(n), vec(m), limit));
    if (matched.length === 0) return { candidate: false, earlier: [] };
    matched.sort((a, b) => a.ts - b.ts || (a.note_id < b.note_id ? -1 : 1));
    const earlier = matched.filter((m) => !sent.has(m.note_id)).map((m) => m.note_id);
    for (const id of earlier) sent.add(id);
    sent.add(n.note_id);
    return { candidate: true, earlier };
  });
}

function run(notes: GateInputNote[], vec: (n: GateInputNote) => Float32Array, o: { windowMs: number; minCosine: number; bucketSize: number }): Verdict[] {
  const gate = new SemanticGate<string>({ ...o, sweepEveryMs: 5 * HOUR });
  return notes.map((n) => {
    const v = gate.offer({ note_id: n.note_id, account_id: n.account_id, ts: n.ts, keys: n.keys, vector: vec(n), payload: n.text });
    return { candidate: v.candidate, earlier: v.earlier.map((e) => e.note_id) };
  });
}

describe('SemanticGate', () => {
  it('uses the same bucket size as link compares within', () => {
    expect(SEMANTIC_GATE_DEFAULTS.bucketSize).toBe(SEMANTIC_BUCKET);
  });

  it('agrees with the rule written out directly (window, bucket cap, accounts, sent once)', () => {
    for (const seed of [1, 2, 3]) {
      const { notes, vectorOf } = gateStream(seed, 400);
      const vec = (n: GateInputNote) => vectorOf.get(n.text)!;
      for (const o of [
        { windowMs: 48 * HOUR, minCosine: 0.9, bucketSize: 200 },
        { windowMs: 1000 * HOUR, minCosine: 0.85, bucketSize: 5 },
        { windowMs: 24 * HOUR, minCosine: 0.92, bucketSize: 3 },
      ]) {
        const want = reference(notes, vec, o);
        expect(want.filter((v) => v.candidate).length).toBeGreaterThan(5); // the stream exercises the rule
        expect(want.filter((v) => !v.candidate).length).toBeGreaterThan(5);
        expect(run(notes, vec, o)).toEqual(want);
      }
      // the window and the cap are exercised: dropping either changes the answer
      const o = { windowMs: 24 * HOUR, minCosine: 0.92, bucketSize: 3 };
      expect(run(notes, vec, { ...o, bucketSize: 200 })).not.toEqual(run(notes, vec, o));
      expect(run(notes, vec, { ...o, bucketSize: 200, windowMs: 1000 * HOUR })).not.toEqual(run(notes, vec, { ...o, bucketSize: 200 }));
    }
  });

  it('never matches notes of the same account, and reports each earlier note once', () => {
    const [v] = randomUnitVectors(1, 16, 4);
    const gate = new SemanticGate<string>({ windowMs: HOUR, minCosine: 0.99 });
    const offer = (id: string, account: string, ts: number) => gate.offer({ note_id: id, account_id: account, ts, keys: ['product:x'], vector: v, payload: id });
    expect(offer('n1', 'a', 1).candidate).toBe(false);
    expect(offer('n2', 'a', 2).candidate).toBe(false);
    const third = offer('n3', 'b', 3);
    expect(third.candidate).toBe(true);
    expect(third.earlier.map((e) => [e.note_id, e.payload])).toEqual([['n1', 'n1'], ['n2', 'n2']]);
    const fourth = offer('n4', 'c', 4);
    expect(fourth.candidate).toBe(true);
    expect(fourth.earlier).toEqual([]); // n1..n3 already have their vectors on the way
  });

  it('forgets notes older than the window and items it has not seen for a window', () => {
    const [v] = randomUnitVectors(1, 16, 5);
    const gate = new SemanticGate<string>({ windowMs: HOUR, minCosine: 0.99, sweepEveryMs: HOUR });
    gate.offer({ note_id: 'old', account_id: 'a', ts: 0, keys: ['product:x', 'product:y'], vector: v, payload: '' });
    expect(gate.items).toBe(2);
    expect(gate.offer({ note_id: 'late', account_id: 'b', ts: HOUR + 1, keys: ['product:x'], vector: v, payload: '' }).candidate).toBe(false);
    gate.offer({ note_id: 'later', account_id: 'c', ts: 3 * HOUR, keys: ['product:z'], vector: v, payload: '' });
    expect(gate.items).toBe(1);
  });

  it('does not depend on the order of a note\'s keys or on repeated keys', () => {
    const { notes, vectorOf } = gateStream(9, 200);
    const vec = (n: GateInputNote) => vectorOf.get(n.text)!;
    const o = { windowMs: 100 * HOUR, minCosine: 0.9, bucketSize: 200 };
    const shuffled = notes.map((n) => ({ ...n, keys: [...n.keys].reverse().concat(n.keys) }));
    expect(run(shuffled, vec, o)).toEqual(run(notes, vec, o));
  });
});

describe('withinDistance', () => {
  it('is cosine ≥ τ for unit vectors (away from float rounding at the boundary)', () => {
    const vs = randomUnitVectors(60, 512, 7, 3, 0.3);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fc.double({ min: 0.5, max: 0.999, noNaN: true }), (i, j, tau) => {
        let cos = 0;
        for (let d = 0; d < 512; d++) cos += vs[i][d] * vs[j][d];
        fc.pre(Math.abs(cos - tau) > 1e-5);
        expect(withinDistance(vs[i], vs[j], 2 * (1 - tau))).toBe(cos >= tau);
      }),
      { seed: 11, numRuns: 500 },
    );
  });
});
