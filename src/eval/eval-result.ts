/**
 * The shape of an evaluation (written as eval.json). snake_case like the other contracts.
 * A figure is `null` when it is not measurable (zero denominator) — never silently 0 or 1.
 */
import type { HardNegativeClass } from '../contracts/truth.ts';
import type { RingEvent } from '../contracts/ring.ts';

export interface EvalSettings {
  jaccard_threshold: number;
  large_ring_min_size: number;
}

export interface Rate {
  flagged: number;
  total: number;
  rate: number | null;
}

export interface ClassFalseFlags extends Rate {
  class: HardNegativeClass;
  groups: number;
  /** groups with at least one flagged account */
  groups_hit: number;
}

export interface PrPoint {
  /** flagged rings with score ≥ threshold are kept */
  threshold: number;
  flagged_rings: number;
  matched: number;
  precision: number | null;
  recall: number | null;
  recall_large: number | null;
}

export interface TrueRingRow {
  ring_id: string;
  operator_id: string;
  size: number;
  core_size: number;
  large: boolean;
  strategy: string;
  matched_ring_id: string | null;
  jaccard: number | null;
  /** detected_at of the matched ring minus first_coordinated_ts, hours (negative = before) */
  delay_hours: number | null;
  /** the flagged ring with the highest Jaccard, matched or not — explains misses */
  best_ring_id: string | null;
  best_jaccard: number;
  /** members that are in any flagged ring */
  members_flagged: number;
}

export interface FlaggedRingRow {
  ring_id: string;
  status: RingEvent['status'];
  versions: number;
  size: number;
  score: number;
  /** earliest first flag over the ring's merge lineage */
  detected_at: string;
  /** cases merged into this one (fold-merged.ts) */
  merged_from: string[];
  matched_true_ring_id: string | null;
  jaccard: number | null;
  /** composition: members that are ring members in truth / genuine / unknown to the truth */
  ring_members: number;
  genuine: number;
  unknown: number;
  /** members per hard-negative class (only classes with ≥ 1) */
  by_class: Partial<Record<HardNegativeClass, number>>;
}

export interface EvalResult {
  scenario: string;
  seed: number;
  window: { start: string; end: string };
  settings: EvalSettings;
  counts: {
    ring_events: number;
    true_rings: number;
    true_rings_large: number;
    flagged_rings: number;
    flagged_rings_retired: number;
    /** cases merged into another case; not counted in flagged_rings */
    flagged_rings_merged: number;
    ring_accounts: number;
    genuine_accounts: number;
    flagged_accounts: number;
  };
  ring: {
    precision: number | null;
    recall: number | null;
    recall_large: number | null;
    matched: number;
    matched_large: number;
  };
  account: {
    precision: number | null;
    recall: number | null;
    f1: number | null;
    tp: number;
    fp: number;
    fn: number;
    /** flagged accounts that the truth does not know at all (counted in fp) */
    unknown_flagged: number;
  };
  false_flags: { genuine: Rate; by_class: ClassFalseFlags[] };
  detection: {
    matched: number;
    median_hours: number | null;
    p90_hours: number | null;
    /** per matched true ring, ascending */
    delays_hours: number[];
  };
  pr_curve: PrPoint[];
  true_rings: TrueRingRow[];
  flagged_rings: FlaggedRingRow[];
}
