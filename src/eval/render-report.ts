/**
 * Turns an evaluation into what `ringwatch eval` writes: eval.json (the result plus the bar
 * check), a markdown report for people, and three hand-written SVG plots it links to. Pure.
 * The markdown shows at most PR_TABLE_ROWS points of the PR curve (evenly spaced, always the
 * first and last); eval.json has them all.
 */
import { BAR_DEFAULTS, checkBar, type Bar, type BarCheck } from './check-bar.ts';
import { delayHistogramSvg } from './delay-histogram-svg.ts';
import type { EvalResult, PrPoint } from './eval-result.ts';
import { falseFlagSvg } from './false-flag-svg.ts';
import { prCurveSvg } from './pr-curve-svg.ts';
import { HardNegativeClass } from '../contracts/truth.ts';

export const SVG_FILES = Object.freeze({ pr: 'pr-curve.svg', delay: 'delay-histogram.svg', falseFlags: 'false-flags.svg' });
const PR_TABLE_ROWS = 15;

export interface Report {
  json: EvalResult & { bar: Bar & BarCheck };
  markdown: string;
  svgs: Record<string, string>;
}

export function renderReport(result: EvalResult, bar: Partial<Bar> = {}): Report {
  const b: Bar = { ...BAR_DEFAULTS, ...bar };
  const check = checkBar(result, b);
  return {
    json: { ...result, bar: { ...b, ...check } },
    markdown: markdown(result, b, check),
    svgs: {
      [SVG_FILES.pr]: prCurveSvg(result.pr_curve),
      [SVG_FILES.delay]: delayHistogramSvg(result.detection.delays_hours, result.detection.median_hours, b.maxMedianDelayHours),
      [SVG_FILES.falseFlags]: falseFlagSvg(result.false_flags, b.maxHardNegativeFalseFlagRate),
    },
  };
}

function markdown(r: EvalResult, b: Bar, check: BarCheck): string {
  const L: string[] = [];
  const c = r.counts;
  L.push(`# Ringwatch evaluation — ${cell(r.scenario)} (seed ${r.seed})`, '');
  L.push(`Event window ${r.window.start} – ${r.window.end}. ${c.ring_events} ring events → ${c.flagged_rings} flagged rings (${c.flagged_rings_retired} later retired; ${c.flagged_rings_merged} further cases merged into these); truth has ${c.true_rings} rings (${c.true_rings_large} of ≥ ${r.settings.large_ring_min_size} accounts), ${c.ring_accounts} ring accounts and ${c.genuine_accounts} genuine accounts. A flagged ring matches a true ring at Jaccard ≥ ${r.settings.jaccard_threshold} (one-to-one, greedy by highest Jaccard).`, '');

  L.push(`## Against the bar: ${check.pass ? '**PASS**' : '**FAIL**'}`, '');
  L.push('| figure | value | bar | |', '|---|---|---|---|');
  const row = (name: string, v: string, limit: string, ok: boolean): void => void L.push(`| ${name} | ${v} | ${limit} | ${ok ? 'ok' : '**fail**'} |`);
  const ge = (v: number | null, min: number): boolean => v !== null && v >= min;
  const le = (v: number | null, max: number): boolean => v !== null && v <= max;
  row(`ring recall (≥ ${r.settings.large_ring_min_size} accounts)`, `${f(r.ring.recall_large)} (${r.ring.matched_large}/${c.true_rings_large})`, `≥ ${b.minLargeRingRecall}`, ge(r.ring.recall_large, b.minLargeRingRecall));
  row('ring precision', `${f(r.ring.precision)} (${r.ring.matched}/${c.flagged_rings})`, `≥ ${b.minRingPrecision}`, ge(r.ring.precision, b.minRingPrecision));
  row('account F1', f(r.account.f1), `≥ ${b.minAccountF1}`, ge(r.account.f1, b.minAccountF1));
  const g = r.false_flags.genuine;
  row('genuine false-flag rate', `${rate(g.rate)} (${g.flagged}/${g.total})`, `≤ ${b.maxGenuineFalseFlagRate}`, le(g.rate, b.maxGenuineFalseFlagRate));
  for (const k of r.false_flags.by_class) {
    row(`false-flag rate: ${k.class}`, `${rate(k.rate)} (${k.flagged}/${k.total})`, `≤ ${b.maxHardNegativeFalseFlagRate}`, le(k.rate, b.maxHardNegativeFalseFlagRate));
  }
  row('median time to detection', hours(r.detection.median_hours), `≤ ${b.maxMedianDelayHours} h`, le(r.detection.median_hours, b.maxMedianDelayHours));
  L.push('');
  if (!check.pass) L.push('Failures:', '', ...check.failures.map((x) => `- ${x}`), '');
  const absent = HardNegativeClass.options.filter((k) => !r.false_flags.by_class.some((x) => x.class === k));
  if (absent.length > 0) L.push(`Hard-negative classes not in this scenario (not checked): ${absent.join(', ')}.`, '');

  L.push('## Rings', '');
  L.push(`Precision ${f(r.ring.precision)}, recall ${f(r.ring.recall)} (${r.ring.matched}/${c.true_rings}), recall of rings ≥ ${r.settings.large_ring_min_size} accounts ${f(r.ring.recall_large)}.`, '');
  L.push(`![PR curve](${SVG_FILES.pr})`, '');
  L.push('| score ≥ | flagged rings | matched | precision | recall | recall (large) |', '|---|---|---|---|---|---|');
  for (const p of samplePoints(r.pr_curve)) L.push(`| ${p.threshold.toFixed(4)} | ${p.flagged_rings} | ${p.matched} | ${f(p.precision)} | ${f(p.recall)} | ${f(p.recall_large)} |`);
  L.push('');

  const a = r.account;
  L.push('## Accounts', '');
  L.push(`Precision ${f(a.precision)}, recall ${f(a.recall)}, F1 ${f(a.f1)} (TP ${a.tp}, FP ${a.fp}, FN ${a.fn}; ${c.flagged_accounts} flagged accounts).`);
  if (a.unknown_flagged > 0) L.push('', `**${a.unknown_flagged} flagged accounts are unknown to the truth** (counted as false positives; usually an id mismatch between simulator and pipeline).`);
  L.push('');

  L.push('## False flags', '', `![false-flag rates](${SVG_FILES.falseFlags})`, '');
  L.push('| accounts | groups hit | flagged | total | rate |', '|---|---|---|---|---|');
  L.push(`| genuine (all) | | ${g.flagged} | ${g.total} | ${rate(g.rate)} |`);
  for (const k of r.false_flags.by_class) L.push(`| ${k.class} | ${k.groups_hit}/${k.groups} | ${k.flagged} | ${k.total} | ${rate(k.rate)} |`);
  L.push('');

  L.push('## Time to detection', '');
  L.push(`${r.detection.matched} matched true rings: median ${hours(r.detection.median_hours)}, p90 ${hours(r.detection.p90_hours)} (first flag of the matched ring, event time, minus the ring's first coordinated post; negative means flagged before it).`, '');
  L.push(`![delay histogram](${SVG_FILES.delay})`, '');

  L.push('## True rings', '', 'Missed rings first. "best" is the flagged ring with the highest Jaccard, matched or not.', '');
  L.push('| true ring | size (core) | strategy | matched ring | Jaccard | delay | best ring (Jaccard) | members flagged |', '|---|---|---|---|---|---|---|---|');
  const rows = [...r.true_rings].sort((x, y) => Number(x.matched_ring_id !== null) - Number(y.matched_ring_id !== null));
  for (const t of rows) {
    L.push(`| ${cell(t.ring_id)} | ${t.size} (${t.core_size}) | ${cell(t.strategy)} | ${t.matched_ring_id === null ? '**missed**' : cell(t.matched_ring_id)} | ${f(t.jaccard)} | ${hours(t.delay_hours)} | ${t.best_ring_id === null ? '—' : `${cell(t.best_ring_id)} (${t.best_jaccard.toFixed(3)})`} | ${t.members_flagged}/${t.size} |`);
  }
  L.push('');

  const falseRings = r.flagged_rings.filter((x) => x.matched_true_ring_id === null);
  L.push(`## Flagged rings matching no true ring (${falseRings.length})`, '');
  if (falseRings.length === 0) L.push('None.');
  else {
    L.push('| flagged ring | status | size | score | ring members | genuine | by hard-negative class | unknown |', '|---|---|---|---|---|---|---|---|');
    for (const x of falseRings) {
      const classes = Object.entries(x.by_class).map(([k, v]) => `${k} ${v}`).join(', ') || '—';
      L.push(`| ${cell(x.ring_id)} | ${x.status} | ${x.size} | ${x.score.toFixed(3)} | ${x.ring_members} | ${x.genuine} | ${classes} | ${x.unknown} |`);
    }
  }
  L.push('');
  return L.join('\n');
}

function samplePoints(points: readonly PrPoint[]): PrPoint[] {
  if (points.length <= PR_TABLE_ROWS) return [...points];
  const idx = new Set<number>();
  for (let i = 0; i < PR_TABLE_ROWS; i++) idx.add(Math.round((i * (points.length - 1)) / (PR_TABLE_ROWS - 1)));
  return [...idx].sort((a, b) => a - b).map((i) => points[i]);
}

function f(v: number | null): string {
  return v === null ? 'n/a' : v.toFixed(4);
}

/** Rates near the 0.001 limit need significant digits, not 4 decimals. */
function rate(v: number | null): string {
  return v === null ? 'n/a' : v > 0 && v < 0.01 ? v.toPrecision(4) : v.toFixed(4);
}

function hours(v: number | null): string {
  return v === null ? 'n/a' : `${v.toFixed(2)} h`;
}

/** Markdown table cell: no pipes or newlines. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}
