/**
 * What kind of evidence an edge carries, for the cluster stage's weighted views of the graph.
 * Timing (lockstep), registration time and infrastructure say *when* or *where* two accounts act;
 * content similarity, shared targets and engagement with each other's notes say *what* they share.
 */
import type { EdgeRecord } from '../link/score-edge.ts';
import { BEHAVIOURAL_SIGNALS } from './score-ring.ts';

const ANCHORS = ['near_duplicate', 'semantic', 'co_target', 'mutual_engagement'] as const;
const BEYOND_TARGET = ['near_duplicate', 'semantic', 'lockstep', 'mutual_engagement'] as const;

/** Evidence about what the two accounts share, not only when they act (lockstep) or registered (fragment merging discounts the rest). */
export function isAnchored(e: EdgeRecord): boolean {
  return ANCHORS.some((s) => (e.signals[s] ?? 0) > 0);
}

/**
 * Evidence beyond posting about the same target: similar wording, or engagement in step or with
 * each other's notes. Genuine reviewers of a niche product share targets with a ring that
 * promotes it — and sometimes a registration window — but do not engage with it.
 */
export function isBeyondTarget(e: EdgeRecord): boolean {
  return BEYOND_TARGET.some((s) => (e.signals[s] ?? 0) > 0);
}

/**
 * A pair's weight for periphery attachment and membership: registration time and shared devices or
 * IPs count only on a weak pair whose behavioural evidence reaches `minBehaviour` by itself
 * (0 = always). A creator whose notes a ring's boosters liked as camouflage, registered in the same
 * week as them, otherwise gathered a link to each booster worth mostly registration time and
 * joined the ring. Strong edges keep their weight.
 */
export function attachWeight(e: EdgeRecord, minBehaviour: number): number {
  if (e.strong || minBehaviour <= 0) return e.weight;
  const behaviour = behaviourOf(e);
  return behaviour >= minBehaviour ? e.weight : Math.round(behaviour * 1000) / 1000;
}

/** The edge's behavioural weight: its evidence without registration time and infrastructure. */
export function behaviourOf(e: EdgeRecord): number {
  return BEHAVIOURAL_SIGNALS.reduce((a, s) => a + (e.signals[s] ?? 0), 0);
}
