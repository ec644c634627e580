import { describe, expect, it } from 'vitest';
import type { RingEvent } from '../../src/contracts/ring.ts';
import { diffRings } from '../../src/snapshot/diff-rings.ts';

const evidence: RingEvent['evidence'] = {
  size: 0, core_size: 0, density: 0, signal_contributions: {}, top_targets: [], example_note_pairs: [], template_families: [],
  posting_histogram: { bucket_ms: 3_600_000, start: '2026-05-01T00:00:00.000Z', counts: [] },
  registration_spread: { known: 0, min: null, max: null, median_gap_ms: null, within_24h_share: 0 },
  shared_infrastructure: { devices: 0, accounts_on_shared_devices: 0, ip_prefixes: 0, accounts_on_shared_ip: 0 },
  synchrony: 0, target_concentration: 0,
};
const provenance = { code_version: 't', param_hash: 'p', seed: 1, model_id: 'm' };

function ring(ring_id: string, version: number, members: string[], score = 0.8, status: RingEvent['status'] = version === 1 ? 'flagged' : 'updated'): RingEvent {
  return {
    ring_id, version, status, detected_at: '2026-05-01T00:00:00.000Z', updated_at: `2026-05-01T0${version}:00:00.000Z`,
    members: members.map((account_id) => ({ account_id, role: 'core', score: 1 })), score, evidence: { ...evidence, size: members.length }, provenance,
  };
}

describe('diffRings', () => {
  it('reports identical streams as all unchanged', () => {
    const evs = [ring('r1', 1, ['a', 'b', 'c']), ring('r1', 2, ['a', 'b', 'c', 'd'])];
    const d = diffRings(evs, structuredClone(evs));
    expect(d.identicalEvents).toBe(true);
    expect(d.counts).toEqual({ added: 0, removed: 0, membership_changed: 0, score_changed: 0, status_changed: 0, unchanged: 1 });
  });

  it('compares the latest version of each ring and classifies every kind of change', () => {
    const recorded = [
      ring('same', 1, ['a', 'b', 'c']),
      ring('grow', 1, ['d', 'e', 'f']),
      ring('score', 1, ['g', 'h', 'i'], 0.7),
      ring('gone', 1, ['j', 'k', 'l']),
      ring('retire', 1, ['m', 'n', 'o']),
      ring('old-id', 1, ['p', 'q', 'r', 's']),
    ];
    const replayed = [
      ring('same', 1, ['x', 'y', 'z']), // superseded by v2 below
      ring('same', 2, ['a', 'b', 'c']),
      ring('grow', 1, ['d', 'e', 'f', 'g2']),
      ring('score', 1, ['g', 'h', 'i'], 0.9),
      ring('retire', 2, ['m', 'n', 'o'], 0.8, 'retired'),
      ring('new-id', 1, ['p', 'q', 'r', 's', 't']), // same ring found under another id
      ring('fresh', 1, ['u', 'v', 'w']),
    ];
    const d = diffRings(recorded, replayed);
    const byRec = new Map(d.rows.map((r) => [r.recorded_ring_id ?? `+${r.ring_id}`, r]));
    expect(byRec.get('same')!.change).toBe('unchanged');
    expect(byRec.get('grow')).toMatchObject({ change: 'membership_changed', members_added: ['g2'], members_removed: [], matched_by: 'ring_id' });
    expect(byRec.get('score')!.change).toBe('score_changed');
    expect(byRec.get('score')!.score_delta).toBeCloseTo(0.2, 12);
    expect(byRec.get('gone')).toMatchObject({ change: 'removed', ring_id: null, members_removed: ['j', 'k', 'l'] });
    expect(byRec.get('retire')).toMatchObject({ change: 'status_changed', recorded_status: 'flagged', replay_status: 'retired' });
    expect(byRec.get('old-id')).toMatchObject({ change: 'membership_changed', ring_id: 'new-id', matched_by: 'overlap', members_added: ['t'], jaccard: 0.8 });
    expect(byRec.get('+fresh')).toMatchObject({ change: 'added', recorded_ring_id: null, members_added: ['u', 'v', 'w'] });
    expect(d.counts).toEqual({ added: 1, removed: 1, membership_changed: 2, score_changed: 1, status_changed: 1, unchanged: 1 });
    expect(d.identicalEvents).toBe(false);
  });

  it('does not pair rings whose overlap is below the bar', () => {
    const d = diffRings([ring('r1', 1, ['a', 'b', 'c', 'd'])], [ring('r2', 1, ['a', 'x', 'y', 'z'])]);
    expect(d.counts.added).toBe(1);
    expect(d.counts.removed).toBe(1);
  });

  it('treats flagged vs updated of the same membership and score as unchanged', () => {
    const d = diffRings([ring('r', 2, ['a', 'b', 'c'])], [ring('r', 1, ['a', 'b', 'c'])]);
    expect(d.rows[0]).toMatchObject({ change: 'unchanged', recorded_version: 2, replay_version: 1 });
  });

  it('a ring merged on one side only, or into another ring, is a status change', () => {
    const merged = (into: string) => ({ ...ring('r', 2, ['a', 'b', 'c']), status: 'merged' as const, merged_into: into });
    expect(diffRings([ring('r', 2, ['a', 'b', 'c'])], [merged('s')]).rows[0].change).toBe('status_changed');
    expect(diffRings([merged('s')], [merged('t')]).rows[0].change).toBe('status_changed');
    expect(diffRings([merged('s')], [merged('s')]).rows[0].change).toBe('unchanged');
  });
});
