/**
 * Turn a pair's per-signal evidence into a weighted edge. An edge is "strong" — enters the
 * account graph — when its weighted evidence reaches `edgeMinScore` from at least
 * `edgeMinSignals` distinct behavioural signals, or from one behavioural signal that is by itself
 * overwhelming (`edgeSingleSignalMin`, e.g. lockstep engagement spread over many authors' notes).
 * One coincidence (a shared household device, one viral product, one repost) never links two accounts.
 */
import type { Params } from '../../config/params.ts';
import type { SignalName } from '../../contracts/ring.ts';
import type { AccountFacts } from './account-linker.ts';
import type { DynamicSignal, Pair, PairExample } from './pair-store.ts';

export interface EdgeRecord {
  kind: 'edge';
  a: string;
  b: string;
  ts: number;
  strong: boolean;
  /** Below the bar but real evidence: used only to attach periphery accounts to a ring found on strong edges. */
  weak: boolean;
  /** Weighted contribution of each signal to `weight`. */
  signals: Partial<Record<SignalName, number>>;
  weight: number;
  examples: PairExample[];
}

/**
 * Signals strong enough to stand alone. Lockstep engagement is damped per note author, so a
 * high value means coordinated engagement across many authors' notes (CopyCatch). Co-posting
 * alone is not enough: enthusiasts of a brand legitimately post about the same things.
 */
const SINGLE_SIGNALS: ReadonlySet<DynamicSignal> = new Set(['lockstep']);
/** A signal counts as present when its raw evidence reaches this much (≈ one clear occurrence). */
const PRESENT = 0.45;
/** Saturation: a signal's contribution is w · (1 - e^(-x / SAT)) · SAT·… so no single signal dominates unbounded. */
const SAT = 3;

export function scoreEdge(pair: Pair, v: Record<DynamicSignal, number>, fa: AccountFacts | undefined, fb: AccountFacts | undefined, p: Params['link'], ts: number): EdgeRecord {
  const names = Object.keys(v) as DynamicSignal[];
  const signals: Partial<Record<SignalName, number>> = {};
  const s = scoreSignals(names, names.map((n) => v[n]), fa, fb, p, signals);
  return { kind: 'edge', a: pair.a, b: pair.b, ts, strong: s.strong, weak: s.weak, signals, weight: round3(s.weight), examples: pair.examples.slice() };
}

export interface EdgeScore {
  /** unrounded */
  weight: number;
  strong: boolean;
  weak: boolean;
}

/**
 * The score of signal values `x` (of signals `names`, in that order), each signal's contribution
 * written to `signals` when given. Into `out` when given: re-scoring a pair whose tier did not
 * change (most of them, every round) then allocates nothing.
 */
export function scoreSignals(names: readonly DynamicSignal[], x: ArrayLike<number>, fa: AccountFacts | undefined, fb: AccountFacts | undefined, p: Params['link'], signals?: Partial<Record<SignalName, number>>, out: EdgeScore = { weight: 0, strong: false, weak: false }): EdgeScore {
  let weight = 0;
  let present = 0;
  let single = false;
  for (let i = 0; i < names.length; i++) {
    const s = names[i];
    const xs = x[i];
    if (xs <= 0) continue;
    if (xs >= p.edgeSingleSignalMin && SINGLE_SIGNALS.has(s)) single = true;
    const c = p.weights[s] * SAT * (1 - Math.exp(-xs / SAT));
    if (c > 0) {
      if (signals) signals[s] = round3(c);
      weight += c;
      if (xs >= PRESENT) present++;
    }
  }
  if (weight > 0 && fa && fb) {
    // Infrastructure and registration corroborate behaviour; they never count as a behavioural signal
    // (families share a device, colleagues an office IP, cohorts register on launch day).
    if (fa.registered_at !== undefined && fb.registered_at !== undefined && Math.abs(fa.registered_at - fb.registered_at) <= p.registrationBurstMs) {
      if (signals) signals.registration_burst = p.weights.registration_burst;
      weight += p.weights.registration_burst;
    }
    if (shareAny(fa.devices, fb.devices)) {
      if (signals) signals.shared_device = p.weights.shared_device;
      weight += p.weights.shared_device;
    }
    if (shareAny(fa.ips, fb.ips)) {
      if (signals) signals.shared_ip = p.weights.shared_ip;
      weight += p.weights.shared_ip;
    }
  }
  out.weight = weight;
  out.strong = weight >= p.edgeMinScore && (present >= p.edgeMinSignals || single);
  // the weak tier only feeds periphery attachment (registration/device/IP count here, as corroboration)
  out.weak = !out.strong && weight >= p.edgeWeakMin;
  return out;
}

function shareAny(xs: readonly string[], ys: readonly string[]): boolean {
  for (const x of xs) if (ys.includes(x)) return true;
  return false;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
