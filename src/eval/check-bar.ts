/**
 * The acceptance bar from the issue, checked against an evaluation. A figure that is not
 * measurable (null: no true rings of the large size, no flagged rings, no matched rings, no
 * genuine accounts) fails — the bar cannot be shown to hold. Hard-negative classes absent from
 * the scenario are not checked (there is nothing to flag); the report lists them.
 */
import { EvalError } from './eval-error.ts';
import type { EvalResult } from './eval-result.ts';

export interface Bar {
  minLargeRingRecall: number;
  minRingPrecision: number;
  minAccountF1: number;
  maxGenuineFalseFlagRate: number;
  maxHardNegativeFalseFlagRate: number;
  maxMedianDelayHours: number;
}

export const BAR_DEFAULTS: Readonly<Bar> = Object.freeze({
  minLargeRingRecall: 0.95,
  minRingPrecision: 0.98,
  minAccountF1: 0.95,
  maxGenuineFalseFlagRate: 0.001,
  maxHardNegativeFalseFlagRate: 0.001,
  maxMedianDelayHours: 2,
});

export interface BarCheck {
  pass: boolean;
  failures: string[];
}

export function checkBar(result: EvalResult, bar: Partial<Bar> = {}): BarCheck {
  const b = { ...BAR_DEFAULTS, ...bar };
  for (const [k, v] of Object.entries(b)) {
    if (!Number.isFinite(v)) throw new EvalError('EVAL_BAD_OPTION', `bar ${k} must be a finite number, got ${v}`);
  }
  const failures: string[] = [];
  const atLeast = (name: string, v: number | null, min: number): void => {
    if (v === null) failures.push(`${name}: not measurable (needs ≥ ${min})`);
    else if (!(v >= min)) failures.push(`${name}: ${fmt(v)} < ${min}`);
  };
  const atMost = (name: string, v: number | null, max: number): void => {
    if (v === null) failures.push(`${name}: not measurable (needs ≤ ${max})`);
    else if (!(v <= max)) failures.push(`${name}: ${fmt(v)} > ${max}`);
  };

  atLeast(`ring recall (≥${result.settings.large_ring_min_size} accounts)`, result.ring.recall_large, b.minLargeRingRecall);
  atLeast('ring precision', result.ring.precision, b.minRingPrecision);
  atLeast('account F1', result.account.f1, b.minAccountF1);
  atMost('genuine false-flag rate', result.false_flags.genuine.rate, b.maxGenuineFalseFlagRate);
  for (const c of result.false_flags.by_class) {
    atMost(`false-flag rate ${c.class}`, c.rate, b.maxHardNegativeFalseFlagRate);
  }
  atMost('median time to detection (h)', result.detection.median_hours, b.maxMedianDelayHours);
  return { pass: failures.length === 0, failures };
}

function fmt(v: number): string {
  return String(Number(v.toPrecision(4)));
}
