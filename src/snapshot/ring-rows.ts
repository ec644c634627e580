/**
 * Ring events and link edges ↔ rows of the `rings`, `ring_members` and `edges` tables. Pure.
 * A ring event is one `rings` row (flattened evidence columns for querying, the full evidence as
 * JSON for an exact round trip) plus one `ring_members` row per member in member order.
 */
import type { Provenance, RingEvent, RingEvidence, RingMember } from '../contracts/ring.ts';
import type { EdgeRecord } from '../core/link/score-edge.ts';
import { SIGNAL_COLUMNS } from '../adapters/parquet/snapshot-schemas.ts';
import { ms } from './event-rows.ts';
import type { Pseudonymizer } from './pseudonymizer.ts';

type Row = Record<string, unknown>;

export function edgeToRow(e: EdgeRecord, seq: number, ps: Pseudonymizer | null): Row {
  const row: Row = { seq, ts: e.ts, a: ps ? ps.map(e.a) : e.a, b: ps ? ps.map(e.b) : e.b, strong: e.strong, weak: e.weak, weight: e.weight, examples_json: JSON.stringify(e.examples) };
  for (const { signal, column } of SIGNAL_COLUMNS) row[column] = e.signals[signal];
  return row;
}

export function ringToRows(ev: RingEvent, seq: number, ps: Pseudonymizer | null): { ring: Row; members: Row[] } {
  const acct = (id: string) => (ps ? ps.map(id) : id);
  const evidence: RingEvidence = ps
    ? {
        ...ev.evidence,
        example_note_pairs: ev.evidence.example_note_pairs.map((p) => ({ ...p, a: { ...p.a, account_id: acct(p.a.account_id) }, b: { ...p.b, account_id: acct(p.b.account_id) } })),
        template_families: (ev.evidence.template_families ?? []).map((f) => ({ ...f, example_notes: f.example_notes.map((x) => ({ ...x, account_id: acct(x.account_id) })) })),
      }
    : ev.evidence;
  const e = evidence;
  const updated = Date.parse(ev.updated_at);
  const top = e.top_targets[0];
  const ring: Row = {
    seq, ring_id: ev.ring_id, version: ev.version, status: ev.status, merged_into: ev.merged_into, detected_at: Date.parse(ev.detected_at), updated_at: updated, score: ev.score,
    size: e.size, core_size: e.core_size, density: e.density, mean_degree: e.mean_degree, linked_members: e.linked_members, tied_members: e.tied_members, synchrony: e.synchrony, target_concentration: e.target_concentration,
    top_target: top ? `${top.kind}:${top.id}` : undefined,
    shared_devices: e.shared_infrastructure.devices, accounts_on_shared_devices: e.shared_infrastructure.accounts_on_shared_devices,
    shared_ip_prefixes: e.shared_infrastructure.ip_prefixes, registration_within_24h_share: e.registration_spread.within_24h_share,
    evidence_json: JSON.stringify(evidence),
    code_version: ev.provenance.code_version, param_hash: ev.provenance.param_hash, seed: ev.provenance.seed,
    model_id: ev.provenance.model_id, model_sha256: ev.provenance.model_sha256,
  };
  for (const { signal, column } of SIGNAL_COLUMNS) ring[column] = e.signal_contributions[signal];
  const members = ev.members.map((m, i) => ({
    seq, ring_id: ev.ring_id, version: ev.version, updated_at: updated, member_index: i, account_id: acct(m.account_id), role: m.role, score: m.score, links: m.links, evidence_weight: m.evidence_weight,
  }));
  return { ring, members };
}

/** Rebuild ring events, in stream order (`seq`), from `rings` rows and their `ring_members` rows. */
export function ringsFromRows(ringRows: Row[], memberRows: Row[]): RingEvent[] {
  const bySeq = new Map<number, { i: number; m: RingMember }[]>();
  for (const r of memberRows) {
    const seq = Number(r.seq);
    const list = bySeq.get(seq) ?? bySeq.set(seq, []).get(seq)!;
    const m: RingMember = { account_id: String(r.account_id), role: String(r.role) as RingMember['role'], score: Number(r.score) };
    if (r.links !== undefined && r.links !== null) m.links = Number(r.links);
    if (r.evidence_weight !== undefined && r.evidence_weight !== null) m.evidence_weight = Number(r.evidence_weight);
    list.push({ i: Number(r.member_index), m });
  }
  return [...ringRows]
    .sort((a, b) => Number(a.seq) - Number(b.seq))
    .map((r) => {
      const provenance: Provenance = {
        code_version: String(r.code_version), param_hash: String(r.param_hash), seed: Number(r.seed), model_id: String(r.model_id),
        ...(r.model_sha256 == null ? {} : { model_sha256: String(r.model_sha256) }),
      };
      const members = (bySeq.get(Number(r.seq)) ?? []).sort((x, y) => x.i - y.i).map((x) => x.m);
      return {
        ring_id: String(r.ring_id), version: Number(r.version), status: String(r.status) as RingEvent['status'],
        ...(r.merged_into == null ? {} : { merged_into: String(r.merged_into) }),
        detected_at: new Date(ms(r.detected_at)).toISOString(), updated_at: new Date(ms(r.updated_at)).toISOString(),
        members, score: Number(r.score), evidence: JSON.parse(String(r.evidence_json)) as RingEvidence, provenance,
      };
    });
}
