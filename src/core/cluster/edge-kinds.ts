/**
 * What kind of evidence an edge carries, for the cluster stage's weighted views of the graph.
 * Timing (lockstep), registration time and infrastructure say *when* or *where* two accounts act;
 * content similarity, shared targets and engagement with each other's notes say *what* they share.
 */
import type { EdgeRecord } from '../link/score-edge.ts';

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
