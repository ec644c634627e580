/** A reviewer-oriented table of rings for the terminal (ids and figures only; never note text). */
import type { RingEvent } from '../contracts/ring.ts';

export function formatRingTable(rings: readonly RingEvent[]): string {
  const rows = [['ring', 'status', 'v', 'size', 'core', 'score', 'detected (UTC)', 'top target', 'main signals']];
  for (const r of rings) {
    const sig = Object.entries(r.evidence.signal_contributions)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([k, v]) => `${k} ${(v * 100).toFixed(0)}%`)
      .join(', ');
    const t = r.evidence.top_targets[0];
    rows.push([r.ring_id, r.status, String(r.version), String(r.members.length), String(r.evidence.core_size), r.score.toFixed(2), r.detected_at.slice(0, 16).replace('T', ' '), t ? `${t.kind}:${t.id} (${t.accounts} acc)` : '-', sig]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n');
}
