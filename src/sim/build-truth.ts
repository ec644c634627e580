/**
 * Ground truth for one finished run (src/contracts/truth.ts). Only accounts that actually
 * appeared in the stream are listed; genuine_accounts is every appearing non-ring account,
 * hard-negative accounts included.
 */
import type { Truth } from '../contracts/truth.ts';
import { isoShanghai } from './clock.ts';
import type { RunStats } from './engine.ts';
import type { World } from './world.ts';

export function buildTruth(w: World, stats: RunStats): Truth {
  const ringIds = new Set<string>();
  for (const r of w.rings) for (const m of r.members) ringIds.add(m.acc.id);
  const rings = w.rings.map((r) => ({
    ring_id: r.ringId,
    operator_id: r.operatorId,
    strategy: { ...r.strategy } as Record<string, unknown>,
    members: r.members.filter((m) => m.acc.announced).map((m) => ({ account_id: m.acc.id, role: m.role })),
    first_coordinated_ts: stats.firstCoordinated.get(r.idx) ?? r.firstCoordinatedTs,
  }));
  const hard_negatives = w.hardNegatives
    .map((g) => ({ group_id: g.groupId, class: g.cls, accounts: g.accounts.filter((a) => a.announced).map((a) => a.id) }))
    .filter((g) => g.accounts.length > 0);
  const genuine_accounts = w.accounts.filter((a) => a.announced && !ringIds.has(a.id)).map((a) => a.id);
  return {
    scenario: w.params.name,
    seed: w.seed,
    params: JSON.parse(JSON.stringify(w.params)) as Record<string, unknown>,
    events: stats.events,
    start: isoShanghai(w.start),
    end: isoShanghai(w.end),
    rings,
    hard_negatives,
    genuine_accounts,
  };
}
