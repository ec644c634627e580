/**
 * Case lineage. The flag stage closes a case as `merged` when cluster folds it into another open
 * case (two fragments of one matrix flagged apart, then seen as one ring). For evaluation a merged
 * case is not a ring of its own: it is part of the case it was merged into (followed transitively),
 * and that case counts as detected from the earliest first flag in its lineage, because moderators
 * had those accounts in front of them from then on. The merged case's accounts still count as
 * flagged accounts (account metrics and false flags), even those the survivor later dropped.
 * A merged case whose successor is missing from the stream stays a ring of its own. Pure.
 */
import type { CollapsedRing } from './collapse-rings.ts';

export interface FoldedRing extends CollapsedRing {
  /** ids of the cases merged into this one, directly or transitively, sorted */
  merged_from: string[];
}

export interface Folded {
  /** the cases that remain rings: their detected_at/ms are the earliest first flag of their lineage */
  rings: FoldedRing[];
  /** the cases folded into another */
  merged: CollapsedRing[];
}

export function foldMerged(collapsed: readonly CollapsedRing[]): Folded {
  const byId = new Map(collapsed.map((r) => [r.ring_id, r]));
  /** the surviving case a ring belongs to, or itself */
  const root = (r: CollapsedRing): CollapsedRing => {
    const seen = new Set<string>();
    let cur = r;
    while (cur.merged_into !== null && !seen.has(cur.ring_id)) {
      seen.add(cur.ring_id);
      const next = byId.get(cur.merged_into);
      if (!next) break;
      cur = next;
    }
    return cur;
  };
  const lineage = new Map<string, CollapsedRing[]>();
  const merged: CollapsedRing[] = [];
  for (const r of collapsed) {
    const top = root(r);
    if (top === r) continue;
    merged.push(r);
    (lineage.get(top.ring_id) ?? lineage.set(top.ring_id, []).get(top.ring_id)!).push(r);
  }
  const mergedIds = new Set(merged.map((r) => r.ring_id));
  const rings = collapsed
    .filter((r) => !mergedIds.has(r.ring_id))
    .map((r): FoldedRing => {
      const from = lineage.get(r.ring_id) ?? [];
      const first = [r, ...from].reduce((a, b) => (b.detected_ms < a.detected_ms ? b : a));
      return { ...r, detected_at: first.detected_at, detected_ms: first.detected_ms, merged_from: from.map((x) => x.ring_id).sort() };
    });
  return { rings, merged };
}
