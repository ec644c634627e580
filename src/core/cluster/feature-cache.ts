import type { EdgeRecord } from '../link/score-edge.ts';
import type { ActivityStore } from './activity-store.ts';
import { ringFeatures, type RingFeatures } from './ring-features.ts';

/**
 * ringFeatures per ring id, reused while its inputs are unchanged: the same members, the same
 * internal edge records (link replaces a record when a pair changes), no change to any member's
 * notes or facts, and no note aged out of the window. Most rings are unchanged in most rounds.
 */
export class FeatureCache {
  private readonly cache = new Map<string, { members: string; internal: EdgeRecord[]; version: number; result: RingFeatures }>();

  constructor(private readonly activity: ActivityStore) {}

  get(id: string, members: string[], internal: EdgeRecord[], now: number): RingFeatures {
    const key = members.join(',');
    let version = 0;
    let aged = false;
    for (const m of members) {
      version += this.activity.version(m);
      if (!this.activity.nothingAgedOut(m, now)) aged = true;
    }
    const hit = this.cache.get(id);
    if (hit && !aged && hit.members === key && hit.version === version && sameRefs(hit.internal, internal)) return hit.result;
    const result = ringFeatures(members, internal, this.activity, now);
    // with no notes the histogram starts at `now`: not reusable
    if (result.evidence.posting_histogram.counts.some((c) => c > 0)) this.cache.set(id, { members: key, internal, version, result });
    else this.cache.delete(id);
    return result;
  }

  keepOnly(ids: ReadonlySet<string>): void {
    for (const id of [...this.cache.keys()]) if (!ids.has(id)) this.cache.delete(id);
  }
}

function sameRefs<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
