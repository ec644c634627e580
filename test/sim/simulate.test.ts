import { beforeAll, describe, expect, it } from 'vitest';
import { InputEvent } from '../../src/contracts/events.ts';
import { Truth } from '../../src/contracts/truth.ts';
import { simulate } from '../../src/sim/simulate.ts';

const toMs = (ts: number | string): number => (typeof ts === 'number' ? ts : Date.parse(ts));

describe('simulate(demo)', () => {
  let events: InputEvent[];
  let truth: Truth;
  beforeAll(() => {
    const sim = simulate('demo', 11);
    events = [...sim.events];
    truth = sim.truth();
  });

  it('emits contract-valid events and truth', () => {
    const bad = events.filter((e) => !InputEvent.safeParse(e).success);
    expect(bad.slice(0, 3)).toEqual([]);
    expect(Truth.safeParse(truth).success).toBe(true);
    expect(truth.events).toBe(events.length);
    expect(events.length).toBeGreaterThan(30_000);
    expect(events.length).toBeLessThan(50_000);
  });

  it('leaves no template placeholders in text', () => {
    const leaks = events.filter((e) => {
      const t = e.type === 'note' ? e.title + e.body : e.type === 'interaction' ? (e.text ?? '') : '';
      return /\{[A-Za-z]\}/.test(t);
    });
    expect(leaks.slice(0, 3)).toEqual([]);
  });

  it('uses unique event ids and look-alike account ids for rings and genuine users', () => {
    expect(new Set(events.map((e) => e.event_id)).size).toBe(events.length);
    const ring = truth.rings.flatMap((r) => r.members.map((m) => m.account_id));
    for (const id of [...ring, ...truth.genuine_accounts.slice(0, 2000)]) expect(id).toMatch(/^[0-9a-z]{10}$/);
  });

  it('delivers mostly in event-time order, never late by hours', () => {
    let max = 0;
    let back = 0;
    let worst = 0;
    for (const e of events) {
      const t = toMs(e.ts);
      if (t < max) {
        back++;
        worst = Math.max(worst, max - t);
      }
      max = Math.max(max, t);
    }
    expect(back).toBeGreaterThan(0);
    expect(back / events.length).toBeLessThan(0.1);
    expect(worst).toBeLessThan(15 * 60_000);
  });

  it('mixes epoch-ms and ISO timestamps', () => {
    const iso = events.filter((e) => typeof e.ts === 'string').length;
    expect(iso).toBeGreaterThan(events.length * 0.02);
    expect(iso).toBeLessThan(events.length * 0.5);
  });

  it('keeps truth consistent with the stream', () => {
    const actors = new Set(events.map((e) => e.account_id));
    const ringMembers = new Set(truth.rings.flatMap((r) => r.members.map((m) => m.account_id)));
    const genuine = new Set(truth.genuine_accounts);
    for (const id of ringMembers) expect(actors.has(id)).toBe(true);
    for (const id of ringMembers) expect(genuine.has(id)).toBe(false);
    for (const id of actors) expect(ringMembers.has(id) || genuine.has(id)).toBe(true);
    for (const g of truth.hard_negatives) for (const a of g.accounts) expect(genuine.has(a)).toBe(true);
  });

  it('plants 8–12 rings of 5–500 members with all members present and a core', () => {
    expect(truth.rings.length).toBeGreaterThanOrEqual(8);
    expect(truth.rings.length).toBeLessThanOrEqual(12);
    for (const r of truth.rings) {
      expect(r.members.length).toBeGreaterThanOrEqual(5);
      expect(r.members.length).toBeLessThanOrEqual(500);
      expect(r.members.length).toBe(r.strategy.size);
      expect(r.members.some((m) => m.role === 'core')).toBe(true);
    }
  });

  it('records first_coordinated_ts as the time of a ring note on a ring target', () => {
    for (const r of truth.rings) {
      const members = new Set(r.members.map((m) => m.account_id));
      const targets = new Set(r.strategy.targets as string[]);
      const first = events
        .filter((e) => e.type === 'note' && e.action === 'publish' && members.has(e.account_id) && e.targets.some((t) => t.kind === 'product' && targets.has(t.id)))
        .map((e) => toMs(e.ts));
      expect(first.length).toBeGreaterThan(0);
      expect(first).toContain(r.first_coordinated_ts);
      expect(Math.min(...first)).toBe(r.first_coordinated_ts);
    }
  });

  it('announces every account with exactly one register event, at registration for in-stream sign-ups', () => {
    const reg = new Map<string, number>();
    for (const e of events) if (e.type === 'account' && e.action === 'register') reg.set(e.account_id, (reg.get(e.account_id) ?? 0) + 1);
    const actors = new Set(events.map((e) => e.account_id));
    for (const id of actors) expect(reg.get(id)).toBe(1);
    const start = Date.parse(truth.start);
    let inStream = 0;
    for (const e of events) {
      if (e.type !== 'account' || e.action !== 'register' || e.registered_at === undefined) continue;
      const at = toMs(e.registered_at);
      if (at >= start) {
        inStream++;
        expect(Math.abs(toMs(e.ts) - at)).toBeLessThan(1000);
      }
    }
    expect(inStream).toBeGreaterThan(0);
  });

  it('includes realistic noise: edits, deletes, profile updates, legacy-note interactions', () => {
    const kinds = new Set(events.map((e) => `${e.type}:${e.action}`));
    for (const k of ['note:edit', 'note:delete', 'account:update', 'interaction:follow', 'interaction:share']) expect(kinds.has(k)).toBe(true);
    const published = new Set(events.filter((e) => e.type === 'note').map((e) => (e as { note_id: string }).note_id));
    const onUnknown = events.filter((e) => e.type === 'interaction' && e.note_id && !published.has(e.note_id)).length;
    expect(onUnknown).toBeGreaterThan(0);
    expect(onUnknown).toBeLessThan(events.length * 0.2);
  });
});
