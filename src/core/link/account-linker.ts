/**
 * Account-pair evidence from every event type. Pure: events in (in event-time order), pair
 * evidence out. Each signal is general — similarity, timing, shared targets, engagement,
 * registration, infrastructure — and popular items are down-weighted IDF-style so that a viral
 * product or a celebrity's note does not link everyone who touched it.
 *
 * Signals (see docs/detection.md):
 *  - near_duplicate: SimHash within k bits (Manku et al. 2007 permuted tables), 1 - d/(k+1), damped by fan-out;
 *  - semantic: embedding cosine ≥ threshold (when a model is loaded);
 *  - co_target: both posted about the same target within the window, weight 1/log2(2 + posters),
 *    damped by √(coTargetBreadthFree / items) when either posted about more items than that;
 *  - lockstep: both engaged the same note within minutes (CopyCatch / SynchroTrap), weight 1/log2(2 + engagers);
 *  - mutual_engagement: one engaged the other's note or followed them, damped by the author's audience;
 *  - registration_burst, shared_device, shared_ip: static pair facts applied when edges are scored.
 * A note its author publishes shortly after sharing another note (`repostWindowMs`) is a repost:
 * its near-duplicate matches to the shared note and to other reposts of it are attributed
 * quotation — a popular note's repost chain — and link no one; nor does the target it shares
 * with them by quoting (its targets still link it to every other poster: a ring member can share a
 * ring note and then post its own).
 */
import type { Params } from '../../config/params.ts';
import type { FeaturedEvent, NormalizedAccount, NormalizedInteraction, NormalizedNote, NoteEmbeddingRecord } from '../../contracts/normalized.ts';
import { DYNAMIC_SIGNALS, PairStore, pairKey, type DynamicSignal, type Pair } from './pair-store.ts';
import { WindowedLists } from './windowed-list.ts';
import type { NearDupIndex } from './near-dup-index.ts';
import { scoreSignals, type EdgeRecord, type EdgeScore } from './score-edge.ts';
import { semanticNeighbours } from './semantic-neighbours.ts';

export interface AccountFacts {
  registered_at?: number;
  devices: string[];
  ips: string[];
}

interface NoteRef {
  ts: number;
  note_id: string;
  account_id: string;
}
interface Engagement {
  ts: number;
  account_id: string;
}

const MAX_FACT_VALUES = 4;
/** co_target's place in DYNAMIC_SIGNALS: its value is worked out when a pair is scored */
const CO_TARGET = DYNAMIC_SIGNALS.indexOf('co_target');
/** Most recent notes per item searched for semantic neighbours (featurize's semantic gate keeps the same buckets). */
export const SEMANTIC_BUCKET = 200;

export class AccountLinker {
  readonly pairs: PairStore;
  readonly facts = new Map<string, AccountFacts>();
  private readonly targets: WindowedLists<NoteRef>;
  private readonly engagers: WindowedLists<Engagement>;
  private readonly noteAuthor = new Map<string, NoteRef>();
  /** target → poster → last post ts (within the window): the target's current popularity. */
  private readonly posterTs = new Map<string, Map<string, number>>();
  private readonly audience = new Map<string, number>(); // author → engagements received (decay-free count, window-pruned roughly)
  private readonly noteOrder: NoteRef[] = [];
  /** note_id → embedding, for notes inside the window (semantic signal). */
  private readonly vectors = new Map<string, ArrayLike<number>>();
  private readonly itemKinds: ReadonlySet<string>;
  private noteHead = 0;
  private now = 0;
  /** account → the note it shared last, and when (repost detection) */
  private readonly lastShare = new Map<string, { note_id: string; ts: number }>();
  /** per account, the items it posted about and when last (co-target breadth), and when it last posted about any */
  private readonly postedItems = new Map<string, { last: number; items: Map<string, number> }>();
  /** note_id → the note it reposts, for notes inside the window */
  private readonly repostOf = new Map<string, string>();

  constructor(private readonly p: Params['link'], private readonly index: NearDupIndex) {
    this.pairs = new PairStore(p.windowMs / 2);
    this.itemKinds = new Set(p.coTargetKinds);
    this.targets = new WindowedLists<NoteRef>(p.windowMs);
    this.engagers = new WindowedLists<Engagement>(p.lockstepWindowMs);
  }

  observe(ev: FeaturedEvent): void {
    this.now = Math.max(this.now, ev.ts);
    if (ev.type === 'account') this.onAccount(ev as NormalizedAccount);
    else if (ev.type === 'note') this.onNote(ev as FeaturedEvent & NormalizedNote);
    else this.onInteraction(ev as NormalizedInteraction);
  }

  private factsOf(id: string): AccountFacts {
    let f = this.facts.get(id);
    if (!f) this.facts.set(id, (f = { devices: [], ips: [] }));
    return f;
  }

  /** Accounts whose facts changed since the last takeChangedFacts(). */
  readonly changedFacts = new Set<string>();

  private remember(id: string, device?: string, ip?: string): void {
    if (!device && !ip) return;
    const f = this.factsOf(id);
    if (device && !f.devices.includes(device) && f.devices.length < MAX_FACT_VALUES) {
      f.devices.push(device);
      this.changedFacts.add(id);
    }
    if (ip && !f.ips.includes(ip) && f.ips.length < MAX_FACT_VALUES) {
      f.ips.push(ip);
      this.changedFacts.add(id);
    }
  }

  private onAccount(ev: NormalizedAccount): void {
    if (ev.action === 'delete') return;
    const f = this.factsOf(ev.account_id);
    const before = f.registered_at;
    if (ev.registered_at !== undefined) f.registered_at = ev.registered_at;
    else if (ev.action === 'register' && f.registered_at === undefined) f.registered_at = ev.ts;
    if (f.registered_at !== before) this.changedFacts.add(ev.account_id);
    this.remember(ev.account_id, ev.device_id, ev.ip_prefix);
  }

  private onNote(ev: FeaturedEvent & NormalizedNote): void {
    this.remember(ev.account_id, ev.device_id, ev.ip_prefix);
    if (ev.action === 'delete') {
      this.index.remove(ev.note_id);
      return;
    }
    const ref: NoteRef = { ts: ev.ts, note_id: ev.note_id, account_id: ev.account_id };
    if (ev.action === 'publish') {
      this.noteAuthor.set(ev.note_id, ref);
      this.noteOrder.push(ref);
      this.expireNotes();
    }
    // A declared brand partnership (ad_disclosure) is disclosed advertising, not a hidden matrix:
    // its content and targets do not link accounts (its engagement still does).
    if (ev.ad_disclosure === true) return;
    if (ev.action === 'publish') {
      const quoted = this.sharedJustBefore(ev.account_id, ev.ts);
      if (quoted !== undefined) this.repostOf.set(ev.note_id, quoted);
      // co_target: each distinct target once per note
      const seen = new Set<string>();
      for (const t of ev.targets) {
        // broad targets (topics, brands) are categories many genuine users share; items (products,
        // merchants, urls) are what a matrix is paid to push
        if (!this.itemKinds.has(t.kind)) continue;
        const key = `${t.kind}:${t.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const posters = this.targets.get(key, ev.ts);
        // popular targets never link: check the (approximate, window-swept) distinct count first
        if ((this.posterTs.get(key)?.size ?? 0) <= this.p.coTargetMaxPosters + 1) {
          const distinct = new Set<string>();
          // …but a repost shares its target with the note it quotes and that note's other reposts by quoting it
          const linked = new Set<string>();
          for (const r of posters) {
            if (r.account_id === ev.account_id) continue;
            distinct.add(r.account_id);
            if (!this.isQuotation(ev.note_id, r.note_id)) linked.add(r.account_id);
          }
          if (distinct.size > 0 && distinct.size <= this.p.coTargetMaxPosters) {
            for (const other of linked) this.pairs.addCoTarget(ev.account_id, other, key, ev.ts);
          }
        }
        let mine = this.postedItems.get(ev.account_id);
        if (!mine) this.postedItems.set(ev.account_id, (mine = { last: ev.ts, items: new Map() }));
        mine.items.set(key, ev.ts);
        mine.last = Math.max(mine.last, ev.ts);
        posters.push(ref);
        if (posters.length === 1) this.targets.push(key, ref);
        let pm = this.posterTs.get(key);
        if (!pm) this.posterTs.set(key, (pm = new Map()));
        pm.set(ev.account_id, ev.ts);
      }
    }
    const vec = ev.features?.embedding;
    if (vec && ev.action === 'publish') {
      this.vectors.set(ev.note_id, vec);
      const candidates: NoteRef[] = [];
      for (const t of ev.targets) {
        if (!this.itemKinds.has(t.kind)) continue;
        const list = this.targets.lists.get(`${t.kind}:${t.id}`);
        if (list) candidates.push(...list.slice(-SEMANTIC_BUCKET));
      }
      const hits = semanticNeighbours(vec, ev.account_id, candidates, this.vectors, this.p.semanticMinCosine, this.p.semanticMaxNeighbours).filter((h) => !this.isQuotation(ev.note_id, h.note_id));
      for (const h of hits) this.addSemantic(ev.account_id, ev.note_id, h.account_id, h.note_id, h.cosine, ev.ts, hits.length);
    }
    const fp = ev.features?.simhash;
    if (fp) {
      const hits = this.index.query(fp, this.p.nearDupMaxBits).filter((h) => {
        const r = this.noteAuthor.get(h.id);
        return r !== undefined && r.account_id !== ev.account_id && !this.isQuotation(ev.note_id, h.id);
      });
      if (hits.length > 0 && hits.length <= this.p.nearDupMaxFanout) {
        const damp = 1 / Math.log2(1 + hits.length);
        for (const h of hits) {
          const r = this.noteAuthor.get(h.id)!;
          const sim = 1 - h.distance / 64;
          const w = (1 - h.distance / (this.p.nearDupMaxBits + 1)) * damp;
          this.pairs.add(ev.account_id, r.account_id, 'near_duplicate', w, ev.ts, { signal: 'near_duplicate', a_note: ev.note_id, b_note: h.id, similarity: round3(sim) });
        }
      }
      if (ev.action === 'publish') this.index.insert(ev.note_id, fp);
    }
  }

  /**
   * A transformer vector that arrives after its note (gated semantic mode): kept, like one that came
   * with the note, while the note is inside the window; later notes then compare against it.
   */
  observeEmbedding(rec: NoteEmbeddingRecord): void {
    const ref = this.noteAuthor.get(rec.note_id);
    if (!ref || ref.ts < this.now - this.p.windowMs) return;
    this.vectors.set(rec.note_id, rec.embedding);
  }

  /** Semantic neighbours found by the featurize stage's embedding index (optional signal). */
  addSemantic(a: string, aNote: string, b: string, bNote: string, cosine: number, ts: number, fanout: number): void {
    const floor = this.p.semanticMinCosine - 0.05;
    const w = (cosine - floor) / (1 - floor) / Math.log2(1 + Math.max(1, fanout));
    this.pairs.add(a, b, 'semantic', Math.max(0, w), ts, { signal: 'semantic', a_note: aNote, b_note: bNote, similarity: round3(cosine) });
  }

  /** `note` is a repost of `other`, or both repost the same note: their likeness is quotation, not a template. */
  private isQuotation(note: string, other: string): boolean {
    const q = this.repostOf.get(note);
    return q !== undefined && (other === q || this.repostOf.get(other) === q);
  }

  /** The note `account` shared within `repostWindowMs` before `ts`, if any. */
  private sharedJustBefore(account: string, ts: number): string | undefined {
    if (this.p.repostWindowMs <= 0) return undefined;
    const s = this.lastShare.get(account);
    return s !== undefined && ts - s.ts <= this.p.repostWindowMs ? s.note_id : undefined;
  }

  private onInteraction(ev: NormalizedInteraction): void {
    if (ev.action === 'share' && ev.note_id && this.p.repostWindowMs > 0) this.lastShare.set(ev.account_id, { note_id: ev.note_id, ts: ev.ts });
    if (ev.action === 'follow') {
      const target = ev.target_account_id!;
      const n = this.bumpAudience(target);
      this.pairs.addFromSource(ev.account_id, target, 'mutual_engagement', 0.5 / Math.log2(1 + n), ev.ts, `follow:${ev.account_id}`);
      return;
    }
    const noteId = ev.note_id!;
    const author = this.noteAuthor.get(noteId);
    const list = this.engagers.get(noteId, ev.ts);
    if (list.some((e) => e.account_id === ev.account_id)) return; // one engagement per account per note counts once
    if (list.length > 0 && list.length <= this.p.lockstepMaxEngagers) {
      const w = 1 / Math.log2(2 + list.length);
      const source = author?.account_id ?? noteId;
      for (const e of list) this.pairs.addFromSource(ev.account_id, e.account_id, 'lockstep', w, ev.ts, source);
    }
    if (list.length === 0) this.engagers.push(noteId, { ts: ev.ts, account_id: ev.account_id });
    else list.push({ ts: ev.ts, account_id: ev.account_id });
    if (author && author.account_id !== ev.account_id) {
      const n = this.bumpAudience(author.account_id);
      this.pairs.addFromSource(ev.account_id, author.account_id, 'mutual_engagement', 1 / Math.log2(1 + n), ev.ts, ev.account_id);
    }
  }

  private bumpAudience(author: string): number {
    const n = (this.audience.get(author) ?? 0) + 1;
    this.audience.set(author, n);
    return n;
  }

  private expireNotes(): void {
    const horizon = this.now - this.p.windowMs;
    while (this.noteHead < this.noteOrder.length && this.noteOrder[this.noteHead].ts < horizon) {
      const r = this.noteOrder[this.noteHead++];
      if (this.noteAuthor.get(r.note_id) === r) this.noteAuthor.delete(r.note_id);
      this.vectors.delete(r.note_id);
      this.repostOf.delete(r.note_id);
      this.index.remove(r.note_id);
    }
    if (this.noteHead > 65_536) {
      this.noteOrder.splice(0, this.noteHead);
      this.noteHead = 0;
    }
  }

  /** Score every pair touched since the last call; return edges that crossed (or fell back below) the bar. */
  takeEdges(ts: number): EdgeRecord[] {
    const out: EdgeRecord[] = [];
    const popularity = new Map<string, number>();
    const breadth = new Map<string, number>();
    const x = new Float64Array(DYNAMIC_SIGNALS.length);
    const score: EdgeScore = { weight: 0, strong: false, weak: false };
    // Set order is insertion order: deterministic for a deterministic input, no sort needed.
    for (const k of this.pairs.dirty) {
      const pair = this.pairs.pairs.get(k);
      if (!pair) continue;
      this.pairs.decay(pair, ts);
      x.set(pair.v);
      x[CO_TARGET] = this.coTargetValue(pair, ts, popularity, breadth);
      const fa = this.facts.get(pair.a);
      const fb = this.facts.get(pair.b);
      scoreSignals(DYNAMIC_SIGNALS, x, fa, fb, this.p, undefined, score);
      const tier = score.strong ? 2 : score.weak ? 1 : 0;
      const weight = round3(score.weight);
      const was = pair.lastTier ?? 0;
      // emit on a tier change, or when a strong edge's weight moved by ≥ 10% (evidence shown to reviewers)
      const material = tier !== was || (tier === 2 && Math.abs(weight - (pair.lastWeight ?? 0)) >= 0.1 * (pair.lastWeight ?? 0));
      if (material) {
        pair.emitted = tier > 0;
        pair.lastTier = tier;
        pair.lastWeight = weight;
        const signals: EdgeRecord['signals'] = {};
        scoreSignals(DYNAMIC_SIGNALS, x, fa, fb, this.p, signals, score);
        out.push({ kind: 'edge', a: pair.a, b: pair.b, ts, strong: score.strong, weak: score.weak, signals, weight: round3(score.weight), examples: pair.examples.slice() });
      }
    }
    this.pairs.dirty.clear();
    return out;
  }

  /**
   * Co-posting evidence weighted by each target's popularity *now* (IDF-style): a product that
   * later turns viral stops linking its early posters. Repeats on one target count harmonically.
   */
  private coTargetValue(pair: Pair, ts: number, cache: Map<string, number>, breadthCache: Map<string, number>): number {
    if (!pair.targets) return 0;
    let v = 0;
    const horizon = ts - this.p.windowMs;
    for (const [t, count] of pair.targets) {
      let n = cache.get(t);
      if (n === undefined) {
        n = 0;
        const posters = this.posterTs.get(t);
        if (posters) for (const last of posters.values()) if (last >= horizon) n++;
        cache.set(t, n);
      }
      if (n > this.p.coTargetMaxPosters) continue;
      let h = 0;
      for (let k = 1; k <= count; k++) h += 1 / k;
      v += h / Math.log2(1 + Math.max(2, n));
    }
    // a prolific poster (a reviewer of everything) shares items with many accounts by chance
    const free = this.p.coTargetBreadthFree;
    if (free > 0 && v > 0) {
      const b = Math.max(this.breadth(pair.a, horizon, breadthCache), this.breadth(pair.b, horizon, breadthCache));
      if (b > free) v *= Math.sqrt(free / b);
    }
    return v;
  }

  /** How many distinct items `account` posted about since `horizon` (kept in `cache`, by account, for one scoring pass). */
  private breadth(account: string, horizon: number, cache?: Map<string, number>): number {
    const known = cache?.get(account);
    if (known !== undefined) return known;
    const m = this.postedItems.get(account)?.items;
    let n = 0;
    if (m)
      for (const [k, t] of m) {
        if (t >= horizon) n++;
        else m.delete(k);
      }
    cache?.set(account, n);
    return n;
  }

  /** Re-score every edge currently in the graph (evidence decays with time even without new events). */
  refreshEmitted(): void {
    for (const [k, p] of this.pairs.pairs) if (p.emitted) this.pairs.dirty.add(k);
  }

  /** Housekeeping on watermark: forget stale per-target and per-note lists and dead pairs. */
  sweep(ts: number): void {
    this.targets.sweep(ts);
    this.engagers.sweep(ts);
    this.pairs.prune(ts, 0.05);
    for (const [k, n] of this.audience) if (n <= 1) this.audience.delete(k);
    for (const [a, sh] of this.lastShare) if (ts - sh.ts > this.p.repostWindowMs) this.lastShare.delete(a);
    const horizon = ts - this.p.windowMs;
    for (const [t, m] of this.posterTs) {
      for (const [a, last] of m) if (last < horizon) m.delete(a);
      if (m.size === 0) this.posterTs.delete(t);
    }
    for (const [a, posted] of this.postedItems) if (posted.last < horizon) this.postedItems.delete(a);
  }

  /** Every dynamic signal of a pair at event time `ts`, co-target included (for tests and diagnostics). */
  pairSignals(a: string, b: string, ts: number): Record<DynamicSignal, number> | null {
    const pair = this.pairs.pairs.get(pairKey(a, b));
    if (!pair) return null;
    this.pairs.decay(pair, ts);
    const v = this.pairs.values(pair);
    v.co_target = this.coTargetValue(pair, ts, new Map(), new Map());
    return v;
  }
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
