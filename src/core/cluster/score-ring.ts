/**
 * Ring score in [0, 1] from general coordination features: how dense the group's evidence graph
 * is, how many independent signals agree, how synchronised its posting is, how concentrated it is
 * on a few targets, and how clustered its registrations are — plus bonuses for the scale of its
 * coordinated core and for a large core registered within one day. Each term is reported in evidence.
 */
import type { RingEvidence } from '../../contracts/ring.ts';

export const RING_SCORE_WEIGHTS = Object.freeze({ density: 0.2, mix: 0.15, synchrony: 0.2, concentration: 0.2, registration: 0.1, promotion: 0.15, scale: 0.1, cohort: 0.1 });

/** Signals that are behaviour (infrastructure and registration only corroborate). */
export const BEHAVIOURAL_SIGNALS = Object.freeze(['near_duplicate', 'semantic', 'co_target', 'lockstep', 'mutual_engagement'] as const);
const CONTENT = ['near_duplicate', 'semantic', 'co_target'] as const;
/** the density term is full at this pair density among linked members… */
const DENSITY_FULL = 0.3;
/** …or when linked members have evidence with this many others on average */
const MEAN_DEGREE_FULL = 4;
/** the scale bonus starts above this many linked members (a family or a small team sharing a device or office IP)… */
const SCALE_FROM = 6;
/** …and is full at this many */
const SCALE_FULL = 10;

export function scoreRing(ev: RingEvidence): number {
  const w = RING_SCORE_WEIGHTS;
  const c = ev.signal_contributions as Record<string, number | undefined>;
  // a large ring's boosters each touch a few posters, so its pair density falls as 1/size while each
  // member still has several partners: the mean degree keeps the term from penalising size itself
  const density = Math.min(1, Math.max(ev.density / DENSITY_FULL, (ev.mean_degree ?? 0) / MEAN_DEGREE_FULL));
  // shares of the *behavioural* evidence: infrastructure and registration only corroborate, so a
  // ring on shared devices or proxies must not look less coordinated for it
  const behaviour = BEHAVIOURAL_SIGNALS.reduce((a, s) => a + (c[s] ?? 0), 0);
  const share = (s: string) => (behaviour > 0 ? (c[s] ?? 0) / behaviour : 0);
  // independent behavioural signals that agree
  const mix = Math.min(1, BEHAVIOURAL_SIGNALS.filter((s) => share(s) >= 0.08).length / 3);
  // a matrix promotes something: part of its behavioural evidence is shared content or targets
  const promotion = Math.min(1, CONTENT.reduce((a, s) => a + share(s), 0) / 0.5);
  // a coordinated core of many accounts: a household or a few colleagues engage each other's notes
  // too, but a group past a handful of accounts all linked by evidence is a matrix's mark (CopyCatch's
  // group size); bonus on top of the six terms, which sum to 1, so a small group's score is unchanged
  // (members tied to two or more others count too: a ring's boosters each back a few posters with
  // evidence too weak for a strong edge)
  const coordinated = Math.max(ev.linked_members ?? 0, ev.tied_members ?? 0);
  const scale = Math.min(1, Math.max(0, (coordinated - SCALE_FROM) / (SCALE_FULL - SCALE_FROM)));
  // …and a large group registered within one day: a batch of accounts made to work together (the
  // registration term alone counts the share, whatever the group's size)
  const cohort = scale * ev.registration_spread.within_24h_share;
  const s =
    w.scale * scale +
    w.cohort * cohort +
    w.density * density + w.mix * mix + w.synchrony * ev.synchrony + w.concentration * ev.target_concentration +
    w.registration * ev.registration_spread.within_24h_share + w.promotion * promotion;
  return Math.round(Math.min(1, Math.max(0, s)) * 1000) / 1000;
}
