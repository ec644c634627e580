import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../../src/config/params.ts';
import type { FeaturedEvent } from '../../../src/contracts/normalized.ts';
import { AccountLinker } from '../../../src/core/link/account-linker.ts';
import { pairKey } from '../../../src/core/link/pair-store.ts';
import { scoreEdge } from '../../../src/core/link/score-edge.ts';
import { createNearDupIndex } from '../../../src/core/simhash/hex-near-dup-index.ts';

const T0 = Date.UTC(2026, 4, 1);
let n = 0;
const note = (account: string, ts: number, target: string, simhash = (n * 7919).toString(16).padStart(16, '0')): FeaturedEvent =>
  ({ type: 'note', event_id: `e${n++}`, ts, account_id: account, note_id: `n${n}`, action: 'publish', title: '', body: '', targets: [{ kind: 'product', id: target }], features: { simhash } }) as FeaturedEvent;
const like = (account: string, ts: number, noteId: string, action = 'like'): FeaturedEvent =>
  ({ type: 'interaction', event_id: `e${n++}`, ts, account_id: account, action, note_id: noteId }) as FeaturedEvent;

function linker() {
  return new AccountLinker(DEFAULTS.link, createNearDupIndex());
}
const value = (l: AccountLinker, a: string, b: string, s: 'co_target' | 'lockstep' | 'near_duplicate' | 'mutual_engagement') => l.pairSignals(a, b, T0 + 10 * 3_600_000)?.[s] ?? 0;

describe('AccountLinker', () => {
  it('links co-posters of a niche target more strongly than co-posters of a viral one', () => {
    const l = linker();
    l.observe(note('a', T0, 'niche'));
    l.observe(note('b', T0 + 1000, 'niche'));
    for (let i = 0; i < 100; i++) l.observe(note(`v${i}`, T0 + i, 'viral'));
    expect(value(l, 'a', 'b', 'co_target')).toBeGreaterThan(0.5);
    expect(value(l, 'v98', 'v99', 'co_target')).toBeLessThan(0.2);
  });

  it("damps co-target evidence of an account that posts about many items (a prolific reviewer shares some with everyone by chance)", () => {
    const free = DEFAULTS.link.coTargetBreadthFree;
    const run = (items: number, link = DEFAULTS.link) => {
      const l = new AccountLinker(link, createNearDupIndex());
      l.observe(note('focused', T0, 'shared'));
      // the other account posts about `items` distinct items, one of them the shared one
      for (let i = 0; i < items - 1; i++) l.observe(note('other', T0 + 1000 + i, `item${i}`));
      l.observe(note('other', T0 + 5000, 'shared'));
      return value(l, 'focused', 'other', 'co_target');
    };
    const base = run(free); // at the free breadth: undamped
    expect(base).toBeGreaterThan(0.5);
    expect(run(4)).toBeCloseTo(base, 6);
    expect(run(4 * free)).toBeCloseTo(base * Math.sqrt(1 / 4), 6);
    expect(run(4 * free, { ...DEFAULTS.link, coTargetBreadthFree: 0 })).toBeCloseTo(base, 6); // off
  });

  it('does not link anyone through a target past the popularity cap', () => {
    const l = linker();
    const cap = DEFAULTS.link.coTargetMaxPosters;
    for (let i = 0; i < cap + 5; i++) l.observe(note(`v${i}`, T0 + i, 'mega'));
    expect(value(l, `v${cap + 3}`, `v${cap + 4}`, 'co_target')).toBe(0);
  });

  it('accumulates lockstep only for engagements within the window', () => {
    const l = linker();
    l.observe(note('author', T0, 'x'));
    const nid = `n${n}`;
    l.observe(like('a', T0 + 60_000, nid));
    l.observe(like('b', T0 + 120_000, nid));
    l.observe(like('c', T0 + 120_000 + DEFAULTS.link.lockstepWindowMs + 1, nid));
    expect(value(l, 'a', 'b', 'lockstep')).toBeGreaterThan(0.4);
    expect(value(l, 'a', 'c', 'lockstep')).toBe(0);
    expect(value(l, 'a', 'author', 'mutual_engagement')).toBeGreaterThan(0);
  });

  it('links near-duplicate notes by fingerprint distance, never an account with itself', () => {
    const l = linker();
    l.observe(note('a', T0, 't1', '00000000000000ff'));
    l.observe(note('b', T0 + 10, 't2', '00000000000000fe')); // 1 bit away
    l.observe(note('a', T0 + 20, 't3', '00000000000000ff'));
    l.observe(note('c', T0 + 30, 't4', 'ffffffff00000000')); // far
    expect(value(l, 'a', 'b', 'near_duplicate')).toBeGreaterThan(0.5);
    expect(value(l, 'a', 'c', 'near_duplicate')).toBe(0);
    expect(l.pairs.pairs.has(pairKey('a', 'a'))).toBe(false);
  });

  it('treats a note published right after sharing another as a repost: its likeness and shared target with the quoted note and other reposts link no one', () => {
    const reposts = (window: number) => {
      const l = new AccountLinker({ ...DEFAULTS.link, repostWindowMs: window }, createNearDupIndex());
      l.observe(note('author', T0, 'p', '00000000000000ff'));
      const orig = `n${n}`;
      for (const [k, who] of ['r1', 'r2'].entries()) {
        l.observe(like(who, T0 + 3_600_000 * (k + 1), orig, 'share'));
        l.observe(note(who, T0 + 3_600_000 * (k + 1) + 30_000, 'p', '00000000000000fe'));
      }
      // a third account posts the same text without sharing anything: a copy, not a repost
      l.observe(note('copier', T0 + 4 * 3_600_000, 'p', '00000000000000ff'));
      return l;
    };
    const on = reposts(DEFAULTS.link.repostWindowMs);
    expect(value(on, 'r1', 'author', 'near_duplicate')).toBe(0);
    expect(value(on, 'r1', 'r2', 'near_duplicate')).toBe(0);
    expect(value(on, 'copier', 'author', 'near_duplicate')).toBeGreaterThan(0);
    expect(value(on, 'r1', 'author', 'co_target')).toBe(0); // the target it shares with what it quotes, by quoting
    expect(value(on, 'r1', 'r2', 'co_target')).toBe(0);
    expect(value(on, 'r1', 'copier', 'co_target')).toBeGreaterThan(0); // …but it still posts about the target
    const off = reposts(0);
    expect(value(off, 'r1', 'author', 'near_duplicate')).toBeGreaterThan(0);
    expect(value(off, 'r1', 'r2', 'near_duplicate')).toBeGreaterThan(0);
    expect(value(off, 'r1', 'author', 'co_target')).toBeGreaterThan(0);
  });

  it('does not treat a note as a repost when the share was longer ago than repostWindowMs', () => {
    const l = linker();
    l.observe(note('author', T0, 'p', '00000000000000ff'));
    l.observe(like('late', T0 + 60_000, `n${n}`, 'share'));
    l.observe(note('late', T0 + 60_000 + DEFAULTS.link.repostWindowMs + 1, 'p', '00000000000000fe'));
    expect(value(l, 'late', 'author', 'near_duplicate')).toBeGreaterThan(0);
  });

  it('emits a strong edge only with enough evidence from at least two signals', () => {
    const l = linker();
    // one shared niche target alone: not strong
    l.observe(note('a', T0, 'niche'));
    l.observe(note('b', T0 + 1000, 'niche'));
    expect(l.takeEdges(T0 + 2000).filter((e) => e.strong)).toHaveLength(0);
    // repeated co-posting plus lockstep on each other's notes: strong
    for (let k = 1; k <= 4; k++) {
      l.observe(note('a', T0 + k * 3_600_000, 'niche'));
      const na = `n${n}`;
      l.observe(note('b', T0 + k * 3_600_000 + 5000, 'niche'));
      const nb = `n${n}`;
      l.observe(like('c', T0 + k * 3_600_000 + 9000, na));
      l.observe(like('b', T0 + k * 3_600_000 + 10_000, na));
      l.observe(like('a', T0 + k * 3_600_000 + 11_000, nb));
    }
    const strong = l.takeEdges(T0 + 10 * 3_600_000).filter((e) => e.strong);
    expect(strong.map((e) => `${e.a}-${e.b}`)).toContain('a-b');
  });

  describe('late embeddings (gated semantic mode)', () => {
    const vec = [0.6, 0.8];
    const withVec = (ev: FeaturedEvent): FeaturedEvent => ({ ...ev, features: { ...ev.features!, embedding: vec } }) as FeaturedEvent;
    const late = (noteId: string, account: string, ts: number) => ({ kind: 'embedding' as const, note_id: noteId, account_id: account, ts, embedding: vec });

    it('compares a later note with an earlier note whose vector arrived after it', () => {
      const l = linker();
      l.observe(note('a', T0, 'item'));
      const earlier = `n${n}`;
      l.observe(note('x', T0 + 500, 'item'));
      l.observeEmbedding(late(earlier, 'a', T0));
      l.observe(withVec(note('b', T0 + 1000, 'item')));
      expect(l.pairSignals('a', 'b', T0 + 2000)?.semantic ?? 0).toBeGreaterThan(0);
      expect(l.pairSignals('x', 'b', T0 + 2000)?.semantic ?? 0).toBe(0); // x's note never got a vector
    });

    it('ignores a vector for a note that has left the window', () => {
      const l = linker();
      l.observe(note('a', T0, 'item'));
      const earlier = `n${n}`;
      const after = T0 + DEFAULTS.link.windowMs + 1;
      l.observe(note('z', after, 'other'));
      l.observeEmbedding(late(earlier, 'a', T0));
      l.observe(withVec(note('b', after + 1, 'item')));
      expect(l.pairSignals('a', 'b', after + 2)?.semantic ?? 0).toBe(0);
    });
  });

  it('takeEdges emits the record scoreEdge makes of the pair, once per tier change', () => {
    const l = linker();
    l.observe({ type: 'account', event_id: 'r1', ts: T0, account_id: 'a', action: 'register', device_id: 'dev' } as FeaturedEvent);
    l.observe({ type: 'account', event_id: 'r2', ts: T0, account_id: 'b', action: 'register', device_id: 'dev' } as FeaturedEvent);
    l.pairs.add('b', 'a', 'near_duplicate', 1.2, T0, { signal: 'near_duplicate', a_note: 'nb', b_note: 'na', similarity: 0.97 });
    l.pairs.add('a', 'b', 'lockstep', 2.5, T0 + 1000);
    l.pairs.add('a', 'c', 'lockstep', 0.1, T0 + 1000);
    const ts = T0 + 3_600_000;
    const edges = l.takeEdges(ts);
    const pair = l.pairs.pairs.get(pairKey('a', 'b'))!;
    expect(edges).toEqual([scoreEdge(pair, l.pairSignals('a', 'b', ts)!, l.facts.get('a'), l.facts.get('b'), DEFAULTS.link, ts)]);
    expect(edges[0].strong).toBe(true);
    expect(edges[0].examples).toEqual([{ signal: 'near_duplicate', a_note: 'na', b_note: 'nb', similarity: 0.97 }]);
    l.refreshEmitted();
    expect(l.takeEdges(ts + 1000)).toEqual([]); // same tier, weight within 10%
  });
});
