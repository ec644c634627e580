/** Small builders for hand-made truths and ring streams. Every object is validated against the contracts. */
import { RingEvent } from '../../src/contracts/ring.ts';
import { Truth, type HardNegativeClass } from '../../src/contracts/truth.ts';

export const T0 = Date.parse('2025-03-01T00:00:00Z');
export const HOUR = 3_600_000;
export const iso = (ms: number): string => new Date(ms).toISOString();

export function ringEvent(
  ring_id: string,
  version: number,
  status: RingEvent['status'],
  members: string[],
  detectedMs: number,
  score = 0.9,
  mergedInto?: string,
): RingEvent {
  return RingEvent.parse({
    ring_id,
    version,
    status,
    ...(mergedInto === undefined ? {} : { merged_into: mergedInto }),
    detected_at: iso(detectedMs),
    updated_at: iso(detectedMs + version * 60_000),
    members: members.map((account_id, i) => ({ account_id, role: i < 2 ? 'core' : 'periphery', score: 0.5 })),
    score,
    evidence: {
      size: members.length,
      core_size: Math.min(2, members.length),
      density: 0.5,
      signal_contributions: { near_duplicate: 1 },
      top_targets: [],
      example_note_pairs: [],
      posting_histogram: { bucket_ms: 3_600_000, start: iso(T0), counts: [] },
      registration_spread: { known: 0, min: null, max: null, median_gap_ms: null, within_24h_share: 0 },
      shared_infrastructure: { devices: 0, accounts_on_shared_devices: 0, ip_prefixes: 0, accounts_on_shared_ip: 0 },
      synchrony: 0,
      target_concentration: 0,
    },
    provenance: { code_version: 'test', param_hash: 'p', seed: 1, model_id: 'none' },
  });
}

export interface TruthSpec {
  rings: { id: string; members: string[]; ts: number; strategy?: Record<string, unknown> }[];
  hardNegatives?: { group: string; cls: HardNegativeClass; accounts: string[] }[];
  /** plain genuine accounts; hard-negative accounts are added automatically */
  genuine: string[];
}

export function buildTruth(spec: TruthSpec): Truth {
  const hn = spec.hardNegatives ?? [];
  return Truth.parse({
    scenario: 'hand-built',
    seed: 7,
    params: {},
    events: 1000,
    start: iso(T0),
    end: iso(T0 + 48 * HOUR),
    rings: spec.rings.map((r) => ({
      ring_id: r.id,
      operator_id: `op-${r.id}`,
      strategy: r.strategy ?? { persona: 'beauty' },
      members: r.members.map((account_id, i) => ({ account_id, role: i < 2 ? 'core' : 'periphery' })),
      first_coordinated_ts: r.ts,
    })),
    hard_negatives: hn.map((g) => ({ group_id: g.group, class: g.cls, accounts: g.accounts })),
    genuine_accounts: [...new Set([...spec.genuine, ...hn.flatMap((g) => g.accounts)])],
  });
}

/** `prefix1 … prefixN` */
export const ids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
