/**
 * Indexes the simulator's ground truth for evaluation and checks it is self-consistent:
 * ring ids unique, no ring member listed as genuine, every hard-negative account listed as
 * genuine. A contradiction would make every figure meaningless, so it throws
 * EVAL_TRUTH_INCONSISTENT rather than guessing.
 */
import type { HardNegativeClass, Truth } from '../contracts/truth.ts';
import { EvalError } from './eval-error.ts';

export type TruthRing = Truth['rings'][number];

export interface TruthIndex {
  /** truth rings sorted by ring_id */
  rings: TruthRing[];
  /** distinct member ids of each ring in `rings`, sorted */
  members: string[][];
  /** every ring member (the account-level positives) */
  positives: Set<string>;
  genuine: Set<string>;
  /** hard-negative classes present in the truth, in sorted order, with their groups */
  classes: Map<HardNegativeClass, { groups: { group_id: string; accounts: Set<string> }[]; accounts: Set<string> }>;
}

export function indexTruth(truth: Truth): TruthIndex {
  const rings = [...truth.rings].sort((a, b) => cmp(a.ring_id, b.ring_id));
  for (let i = 1; i < rings.length; i++) {
    if (rings[i].ring_id === rings[i - 1].ring_id) inconsistent(`ring_id ${rings[i].ring_id} appears twice`);
  }
  const members = rings.map((r) => [...new Set(r.members.map((m) => m.account_id))].sort());
  const positives = new Set(members.flat());
  const genuine = new Set(truth.genuine_accounts);
  for (const a of positives) if (genuine.has(a)) inconsistent(`account ${a} is both a ring member and genuine`);

  const classes: TruthIndex['classes'] = new Map();
  const groups = [...truth.hard_negatives].sort((a, b) => cmp(a.class, b.class) || cmp(a.group_id, b.group_id));
  for (const g of groups) {
    const accounts = new Set(g.accounts);
    for (const a of accounts) {
      if (!genuine.has(a)) inconsistent(`hard-negative account ${a} (group ${g.group_id}) is not in genuine_accounts`);
    }
    let entry = classes.get(g.class);
    if (!entry) classes.set(g.class, (entry = { groups: [], accounts: new Set() }));
    entry.groups.push({ group_id: g.group_id, accounts });
    for (const a of accounts) entry.accounts.add(a);
  }
  return { rings, members, positives, genuine, classes };
}

function inconsistent(msg: string): never {
  throw new EvalError('EVAL_TRUTH_INCONSISTENT', `ground truth: ${msg}`);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
