/** A compact terminal summary of an evaluation. */
import type { BarCheck } from '../eval/check-bar.ts';
import type { EvalResult } from '../eval/eval-result.ts';

const f = (x: number | null, d = 3) => (x === null ? 'n/a' : x.toFixed(d));

export function formatSummary(r: EvalResult, check: BarCheck): string {
  const lines = [
    `scenario ${r.scenario} (seed ${r.seed}): ${r.counts.true_rings} true rings, ${r.counts.flagged_rings} flagged`,
    `  ring precision ${f(r.ring.precision)}  recall ${f(r.ring.recall)}  recall(≥5 accounts) ${f(r.ring.recall_large)}`,
    `  account precision ${f(r.account.precision)}  recall ${f(r.account.recall)}  F1 ${f(r.account.f1)}`,
    `  false-flag rate genuine ${f(r.false_flags.genuine.rate, 5)} (${r.false_flags.genuine.flagged}/${r.false_flags.genuine.total})`,
    ...r.false_flags.by_class.map((c) => `    ${c.class.padEnd(24)} ${f(c.rate, 5)} (${c.flagged}/${c.total})`),
    `  time to detection: median ${f(r.detection.median_hours, 2)} h, p90 ${f(r.detection.p90_hours, 2)} h`,
    check.pass ? '  bar: PASS' : `  bar: FAIL\n${check.failures.map((x) => `    - ${x}`).join('\n')}`,
  ];
  return `${lines.join('\n')}\n`;
}
