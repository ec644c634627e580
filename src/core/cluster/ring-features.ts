/**
 * The measurable features of a candidate ring, computed from its internal edges and its
 * members' activity. Evidence for reviewers and inputs to the score are the same numbers.
 */
import type { RingEvidence, SignalName } from '../../contracts/ring.ts';
import type { EdgeRecord } from '../link/score-edge.ts';
import type { ActivityStore, NoteActivity } from './activity-store.ts';
import { noteFamilies } from './note-families.ts';

const HOUR = 3_600_000;
const SYNC_MS = HOUR;
const MAX_EXAMPLES = 5;

export interface RingFeatures {
  evidence: RingEvidence;
  strength: Map<string, number>;
}

export function ringFeatures(members: string[], internal: EdgeRecord[], activity: ActivityStore, now: number): RingFeatures {
  const n = members.length;
  const strength = new Map<string, number>(members.map((m) => [m, 0]));
  const contrib: Record<string, number> = {};
  let total = 0;
  // the MAX_EXAMPLES best example pairs (similarity, then note id; first seen wins a tie), kept as we go
  const examples: RingEvidence['example_note_pairs'] = [];
  const before = (x: { similarity: number; a: { note_id: string } }, y: { similarity: number; a: { note_id: string } }) =>
    x.similarity > y.similarity || (x.similarity === y.similarity && x.a.note_id < y.a.note_id);
  for (const e of internal) {
    strength.set(e.a, strength.get(e.a)! + e.weight);
    strength.set(e.b, strength.get(e.b)! + e.weight);
    for (const s in e.signals) {
      const c = e.signals[s as SignalName]!;
      contrib[s] = (contrib[s] ?? 0) + c;
      total += c;
    }
    for (const ex of e.examples) {
      const cand = { a: { account_id: e.a, note_id: ex.a_note }, b: { account_id: e.b, note_id: ex.b_note }, signal: ex.signal, similarity: ex.similarity };
      if (examples.length === MAX_EXAMPLES && !before(cand, examples[MAX_EXAMPLES - 1])) continue;
      let i = examples.length;
      while (i > 0 && before(cand, examples[i - 1])) i--;
      examples.splice(i, 0, cand);
      if (examples.length > MAX_EXAMPLES) examples.pop();
    }
  }
  for (const s of Object.keys(contrib)) contrib[s] = round3(contrib[s] / (total || 1));

  const notes: NoteActivity[] = [];
  for (const m of members) notes.push(...activity.notesOf(m, now));
  notes.sort((x, y) => x.ts - y.ts || (x.note_id < y.note_id ? -1 : 1));

  // top targets
  const tgt = new Map<string, { accounts: Set<string>; notes: number }>();
  for (const no of notes)
    for (const t of new Set(no.targets)) {
      let r = tgt.get(t);
      if (!r) tgt.set(t, (r = { accounts: new Set(), notes: 0 }));
      r.accounts.add(no.account_id);
      r.notes++;
    }
  const top = [...tgt.entries()].sort((x, y) => y[1].accounts.size - x[1].accounts.size || y[1].notes - x[1].notes || (x[0] < y[0] ? -1 : 1)).slice(0, 5);
  const top3 = new Set(top.slice(0, 3).map(([k]) => k));
  const concentrated = notes.filter((no) => no.targets.some((t) => top3.has(t))).length;

  // synchrony: share of notes with another member's note within SYNC_MS
  let synced = 0;
  for (let i = 0; i < notes.length; i++) {
    const me = notes[i];
    let hit = false;
    for (let j = i - 1; j >= 0 && me.ts - notes[j].ts <= SYNC_MS && !hit; j--) hit = notes[j].account_id !== me.account_id;
    for (let j = i + 1; j < notes.length && notes[j].ts - me.ts <= SYNC_MS && !hit; j++) hit = notes[j].account_id !== me.account_id;
    if (hit) synced++;
  }

  // posting histogram
  const start = notes.length ? Math.floor(notes[0].ts / HOUR) * HOUR : Math.floor(now / HOUR) * HOUR;
  const span = notes.length ? notes[notes.length - 1].ts - start + 1 : 1;
  const bucket = Math.max(1, Math.ceil(span / HOUR / 168)) * HOUR;
  const counts = new Array<number>(Math.max(1, Math.ceil(span / bucket))).fill(0);
  for (const no of notes) counts[Math.floor((no.ts - start) / bucket)]++;

  // registration spread
  const regs = members.map((m) => activity.facts.get(m)?.registered_at).filter((x): x is number => x !== undefined).sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < regs.length; j++) {
    while (regs[j] - regs[i] > 24 * HOUR) i++;
    best = Math.max(best, j - i + 1);
  }
  const gaps = regs.slice(1).map((r, i) => r - regs[i]).sort((a, b) => a - b);

  // shared infrastructure
  const devices = new Map<string, Set<string>>();
  const ips = new Map<string, Set<string>>();
  for (const m of members) {
    const f = activity.facts.get(m);
    for (const d of f?.devices ?? []) (devices.get(d) ?? devices.set(d, new Set()).get(d)!).add(m);
    for (const d of f?.ips ?? []) (ips.get(d) ?? ips.set(d, new Set()).get(d)!).add(m);
  }
  const shared = (m: Map<string, Set<string>>) => {
    const accts = new Set<string>();
    let k = 0;
    for (const s of m.values()) if (s.size > 1) { k++; for (const a of s) accts.add(a); }
    return [k, accts.size] as const;
  };
  const [dev, devAcc] = shared(devices);
  const [ip, ipAcc] = shared(ips);

  // density of the evidence graph among members linked by strong edges (periphery is attached by
  // weak evidence and would otherwise dilute it)
  const linked = [...strength.values()].filter((w) => w > 0).length;
  const possible = (linked * (linked - 1)) / 2;
  const evidence: RingEvidence = {
    size: n,
    core_size: 0,
    density: round3(internal.length / (possible || 1)),
    mean_degree: round3(linked ? (2 * internal.length) / linked : 0),
    linked_members: linked,
    signal_contributions: contrib as Record<SignalName, number>,
    top_targets: top.map(([k, r]) => {
      const i = k.indexOf(':');
      return { kind: k.slice(0, i), id: k.slice(i + 1), accounts: r.accounts.size, notes: r.notes };
    }),
    example_note_pairs: examples,
    template_families: noteFamilies(internal, { maxFamilies: 5, maxExamples: 5 }),
    posting_histogram: { bucket_ms: bucket, start: new Date(start).toISOString(), counts },
    registration_spread: {
      known: regs.length,
      min: regs.length ? new Date(regs[0]).toISOString() : null,
      max: regs.length ? new Date(regs[regs.length - 1]).toISOString() : null,
      median_gap_ms: gaps.length ? gaps[Math.floor(gaps.length / 2)] : null,
      within_24h_share: round3(regs.length ? best / n : 0),
    },
    shared_infrastructure: { devices: dev, accounts_on_shared_devices: devAcc, ip_prefixes: ip, accounts_on_shared_ip: ipAcc },
    synchrony: round3(notes.length ? synced / notes.length : 0),
    target_concentration: round3(notes.length ? concentrated / notes.length : 0),
  };
  return { evidence, strength };
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
