/**
 * Account-level figures. Flagged accounts = union of the members of all flagged rings;
 * positives = all ring members in the truth. Flagged accounts the truth does not know count as
 * false positives (and are reported separately: they usually mean an id mismatch). False-flag
 * rates are flagged / all, over genuine accounts and over each hard-negative class present.
 */
import type { EvalResult } from './eval-result.ts';
import type { TruthIndex } from './index-truth.ts';
import { ratio } from './ratio.ts';

export function accountMetrics(
  flagged: ReadonlySet<string>,
  truth: TruthIndex,
): { account: EvalResult['account']; false_flags: EvalResult['false_flags'] } {
  let tp = 0;
  let genuineFlagged = 0;
  let unknown = 0;
  for (const a of flagged) {
    if (truth.positives.has(a)) tp++;
    else if (truth.genuine.has(a)) genuineFlagged++;
    else unknown++;
  }
  const precision = ratio(tp, flagged.size);
  const recall = ratio(tp, truth.positives.size);
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

  const by_class = [...truth.classes].map(([cls, entry]) => {
    let hit = 0;
    for (const a of entry.accounts) if (flagged.has(a)) hit++;
    const groupsHit = entry.groups.filter((g) => [...g.accounts].some((a) => flagged.has(a))).length;
    return { class: cls, flagged: hit, total: entry.accounts.size, rate: ratio(hit, entry.accounts.size), groups: entry.groups.length, groups_hit: groupsHit };
  });

  return {
    account: { precision, recall, f1, tp, fp: flagged.size - tp, fn: truth.positives.size - tp, unknown_flagged: unknown },
    false_flags: {
      genuine: { flagged: genuineFlagged, total: truth.genuine.size, rate: ratio(genuineFlagged, truth.genuine.size) },
      by_class,
    },
  };
}
