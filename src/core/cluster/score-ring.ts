/**
 * Ring score in [0, 1] from general coordination features: how dense the group's evidence graph
 * is, how many independent signals agree, how synchronised its posting is, how concentrated it is
 * on a few targets, and how clustered its registrations are. Each term is reported in evidence.
 */
import type { RingEvidence } from '../../contracts/ring.ts';

export const RING_SCORE_WEIGHTS = Object.freeze({ density: 0.25, mix: 0.25, synchrony: 0.2, concentration: 0.2, registration: 0.1 });

export function scoreRing(ev: RingEvidence): number {
  const w = RING_SCORE_WEIGHTS;
  const density = Math.min(1, ev.density / 0.3);
  const signals = Object.values(ev.signal_contributions).filter((c) => c >= 0.08).length;
  const mix = Math.min(1, signals / 3);
  const s = w.density * density + w.mix * mix + w.synchrony * ev.synchrony + w.concentration * ev.target_concentration + w.registration * ev.registration_spread.within_24h_share;
  return Math.round(Math.min(1, Math.max(0, s)) * 1000) / 1000;
}
