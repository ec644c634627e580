/**
 * The human-readable summary of a replay (summary.md). Pure. It names rings, counts and params,
 * never account ids (those are in ring_diff.parquet for analysts with access to the snapshot).
 */
import type { RingDiff, RingDiffRow } from './diff-rings.ts';

export interface ReplaySummaryInput {
  snapshot: string;
  recordedParamHash: string;
  replayParamHash: string;
  overrides: string[];
  recordedCodeVersion: string;
  replayCodeVersion: string;
  events: number;
  seconds: number;
  diff: RingDiff;
  maxRows?: number;
}

export function renderReplaySummary(s: ReplaySummaryInput): string {
  const d = s.diff;
  const c = d.counts;
  const verdict = d.identicalEvents
    ? 'The replay reproduced the recorded ring events exactly.'
    : c.added + c.removed + c.membership_changed + c.score_changed + c.status_changed === 0
      ? 'Final ring states are the same; the event streams differ (versions, timing or provenance).'
      : 'The replay differs from the recorded rings.';
  const out = [
    '# Ringwatch replay',
    '',
    `Snapshot: \`${s.snapshot}\``,
    '',
    `- Params: recorded \`${s.recordedParamHash}\` → replay \`${s.replayParamHash}\`${s.overrides.length ? ` (overrides: ${s.overrides.map((o) => `\`${o}\``).join(', ')})` : ' (unchanged)'}`,
    `- Code: recorded \`${s.recordedCodeVersion}\`, replay \`${s.replayCodeVersion}\``,
    `- Events replayed: ${s.events} in ${s.seconds.toFixed(1)} s`,
    `- Ring events: recorded ${d.recordedEvents}, replay ${d.replayEvents}`,
    '',
    `**${verdict}**`,
    '',
    '| change | rings |',
    '|---|---:|',
    ...(['added', 'removed', 'membership_changed', 'score_changed', 'status_changed', 'unchanged'] as const).map((k) => `| ${k} | ${c[k]} |`),
    '',
  ];
  const changed = d.rows.filter((r) => r.change !== 'unchanged');
  if (changed.length) {
    const max = s.maxRows ?? 50;
    out.push('## Changed rings', '', '| change | recorded ring | replay ring | size | score | Δscore | Jaccard | +members | −members |', '|---|---|---|---|---|---:|---:|---:|---:|');
    for (const r of changed.slice(0, max)) out.push(row(r));
    if (changed.length > max) out.push('', `… and ${changed.length - max} more (see ring_diff.parquet).`);
    out.push('');
  }
  out.push('Member-level detail: `ring_diff/part-0.parquet`; replayed rings: `rings.jsonl`, `rings/`, `ring_members/`.', '');
  return out.join('\n');
}

function row(r: RingDiffRow): string {
  const num = (x: number | null, d = 3) => (x === null ? '–' : x.toFixed(d));
  const pair = <T>(a: T | null, b: T | null, f: (x: T) => string) => `${a === null ? '–' : f(a)} → ${b === null ? '–' : f(b)}`;
  return `| ${r.change} | ${r.recorded_ring_id ?? '–'} | ${r.ring_id ?? '–'} | ${pair(r.recorded_size, r.replay_size, String)} | ${pair(r.recorded_score, r.replay_score, (x) => x.toFixed(3))} | ${num(r.score_delta)} | ${num(r.jaccard, 2)} | ${r.members_added.length} | ${r.members_removed.length} |`;
}

