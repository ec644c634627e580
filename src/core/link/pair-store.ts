/**
 * Account-pair evidence, per signal, with exponential time decay (half-life = window / 2) so the
 * graph is a sliding window without re-scanning history. Pure data structure.
 */
import type { SignalName } from '../../contracts/ring.ts';

export const DYNAMIC_SIGNALS = ['near_duplicate', 'semantic', 'co_target', 'lockstep', 'mutual_engagement'] as const;
export type DynamicSignal = (typeof DYNAMIC_SIGNALS)[number];
const IDX: Record<DynamicSignal, number> = { near_duplicate: 0, semantic: 1, co_target: 2, lockstep: 3, mutual_engagement: 4 };

export interface PairExample {
  signal: SignalName;
  a_note: string;
  b_note: string;
  similarity: number;
}

export interface Pair {
  a: string;
  b: string;
  v: Float64Array;
  t: number;
  examples: PairExample[];
  emitted: boolean;
  /** Tier and weight last emitted, to emit only material changes. */
  lastTier?: 0 | 1 | 2;
  lastWeight?: number;
  /** Repeat counts per (signal, source) for diminishing returns: the k-th piece of evidence from the same source counts 1/k. */
  repeats?: Map<string, number>;
  /** Co-posting events per target; weighted by the target's popularity when the edge is scored. */
  targets?: Map<string, number>;
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0001${b}` : `${b}\u0001${a}`;
}

function newPair(a: string, b: string, t: number): Pair {
  return { a, b, v: new Float64Array(DYNAMIC_SIGNALS.length), t, examples: [], emitted: false };
}

function hasExample(examples: readonly PairExample[], x: PairExample): boolean {
  for (const e of examples) if (e.signal === x.signal && e.a_note === x.a_note) return true;
  return false;
}

export class PairStore {
  readonly pairs = new Map<string, Pair>();
  readonly dirty = new Set<string>();
  private readonly lambda: number;
  /** the last decay factor worked out, and over what time (factor()) */
  private lastDt = NaN;
  private lastFactor = 1;

  constructor(halfLifeMs: number) {
    this.lambda = Math.LN2 / halfLifeMs;
  }

  add(a: string, b: string, signal: DynamicSignal, w: number, ts: number, example?: PairExample, allowZero = false): void {
    if (a === b || (w <= 0 && !allowZero)) return;
    this.addKeyed(pairKey(a, b), a, b, signal, w, ts, example);
  }

  /** `add` past its checks, with the pair's key already made; returns the pair. */
  private addKeyed(key: string, a: string, b: string, signal: DynamicSignal, w: number, ts: number, example?: PairExample, known?: Pair): Pair {
    let p = known ?? this.pairs.get(key);
    if (!p) {
      p = a < b ? newPair(a, b, ts) : newPair(b, a, ts);
      this.pairs.set(key, p);
    } else this.decay(p, ts);
    p.v[IDX[signal]] += w;
    if (example && p.examples.length < 3 && !hasExample(p.examples, example)) {
      p.examples.push(a < b ? example : { ...example, a_note: example.b_note, b_note: example.a_note });
    }
    this.dirty.add(key);
    return p;
  }

  /**
   * Add evidence with diminishing returns per source: the k-th contribution from the same
   * `source` (e.g. the same note author) counts w/k. Many pieces of evidence from one source
   * (fans of one creator) stay weak; evidence spread over many sources (a ring boosting each
   * other) adds up.
   */
  addFromSource(a: string, b: string, signal: DynamicSignal, w: number, ts: number, source: string): void {
    const key = pairKey(a, b);
    const p = this.pairs.get(key);
    const rk = `${signal}|${source}`;
    const k = (p?.repeats?.get(rk) ?? 0) + 1;
    // what `add` skips adds nothing, but still counts as a repeat
    const q = a === b || w / k <= 0 ? p! : this.addKeyed(key, a, b, signal, w / k, ts, undefined, p);
    (q.repeats ??= new Map()).set(rk, k);
  }

  /** Record one co-posting of `a` and `b` on `target` (weighted later, by the target's popularity then). */
  addCoTarget(a: string, b: string, target: string, ts: number): void {
    this.add(a, b, 'co_target', 0, ts, undefined, true);
    const p = this.pairs.get(pairKey(a, b))!;
    const m = (p.targets ??= new Map());
    m.set(target, (m.get(target) ?? 0) + 1);
  }

  /** Bring a pair's values forward to event time `ts`. */
  decay(p: Pair, ts: number): void {
    if (ts <= p.t) return;
    const f = this.factor(ts - p.t);
    for (let i = 0; i < p.v.length; i++) p.v[i] *= f;
    p.t = ts;
  }

  /** The decay over `dt`. Pairs brought forward together (a prune, a round's scoring) mostly share their last time: one exp for all of them. */
  private factor(dt: number): number {
    if (dt !== this.lastDt) {
      this.lastDt = dt;
      this.lastFactor = Math.exp(-this.lambda * dt);
    }
    return this.lastFactor;
  }

  values(p: Pair): Record<DynamicSignal, number> {
    const out = {} as Record<DynamicSignal, number>;
    for (const s of DYNAMIC_SIGNALS) out[s] = p.v[IDX[s]];
    return out;
  }

  /** Drop pairs whose evidence has decayed to nothing and that were never emitted. */
  prune(ts: number, floor: number): void {
    for (const [k, p] of this.pairs) {
      if (p.emitted) continue;
      this.decay(p, ts);
      let sum = 0;
      for (let i = 0; i < p.v.length; i++) sum += p.v[i];
      if (sum < floor) this.pairs.delete(k);
    }
  }
}
