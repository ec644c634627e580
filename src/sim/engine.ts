/**
 * The discrete-event loop. Time advances in one-hour windows: each window adds the genuine
 * background (notes, legacy-note interactions, follows, profile changes), then processes every
 * queued item before the window's end — publishing a note queues its reactions and whatever its
 * plan attaches (ring boosts, fan likes, reposts). Emitted events pass through a delivery queue
 * that adds a small lag (mostly < 1.2 s, a few seconds to minutes), so output is in delivery
 * order: mostly event-time ordered, slightly out of order, never by hours.
 */
import type { InputEvent, Target } from '../contracts/events.ts';
import type { SimAccount } from './account.ts';
import { activityAt, HOUR, MINUTE } from './clock.ts';
import { accountEvent, interactionEvent, noteEvent } from './event-shapes.ts';
import type { Item, NoteItem, PublishedNote, Scheduler } from './items.ts';
import { MinHeap } from './min-heap.ts';
import { avatarHash, bio, nickname } from './profile.ts';
import { organicReactions } from './reactions.ts';
import type { Rng } from './rng.ts';
import { genuineComment } from './text/comments.ts';
import { editSuffix } from './text/edit-suffix.ts';
import type { World } from './world.ts';
import { genuineNoteSpec, pickAuthor } from './genuine-notes.ts';

interface Delivery {
  time: number;
  seq: number;
  ev: InputEvent;
}

export interface RunStats {
  events: number;
  firstCoordinated: Map<number, number>;
  windows: number;
}

const POPULAR_BUFFER = 400;

export class Engine implements Scheduler {
  readonly start: number;
  readonly end: number;
  readonly stats: RunStats = { events: 0, firstCoordinated: new Map(), windows: 0 };
  private readonly queue = new MinHeap<Item>();
  private readonly delivery = new MinHeap<Delivery>();
  private seq = 0;
  private dseq = 0;
  private readonly popular: PublishedNote[] = [];
  private popularNext = 0;
  private readonly deleted = new Set<string>();
  private readonly rGen: Rng;
  private readonly rReact: Rng;
  private readonly rText: Rng;
  private readonly rEmit: Rng;
  private readonly rPlan: Rng;

  constructor(private readonly w: World) {
    this.start = w.start;
    this.end = w.end;
    this.rGen = w.rng.fork('genuine');
    this.rReact = w.rng.fork('reactions');
    this.rText = w.rng.fork('text');
    this.rEmit = w.rng.fork('emit');
    this.rPlan = w.rng.fork('callbacks');
    for (const it of w.items) this.schedule(it);
  }

  schedule(item: Item): void {
    if (item.time >= this.end || item.time < this.start) return;
    item.seq = this.seq++;
    this.queue.push(item);
  }

  organicReactions(note: PublishedNote, appeal: number): void {
    organicReactions(this.rReact, this.w.pop, note, appeal, this.end, (i) => this.schedule(i));
  }

  popularRecent(rng: Rng): PublishedNote | undefined {
    if (this.popular.length === 0) return undefined;
    return this.popular[Math.floor(rng.next() * this.popular.length)];
  }

  *run(onWindow?: (i: number) => void): Generator<InputEvent> {
    let i = 0;
    for (let w0 = this.start; w0 < this.end; w0 += HOUR, i++) {
      const w1 = Math.min(this.end, w0 + HOUR);
      this.background(w0, w1);
      for (let top = this.queue.peek(); top && top.time < w1; top = this.queue.peek()) this.process(this.queue.pop()!);
      this.stats.windows = i + 1;
      onWindow?.(i);
      for (let d = this.delivery.peek(); d && d.time < w1; d = this.delivery.peek()) {
        this.delivery.pop();
        this.stats.events++;
        yield d.ev;
      }
    }
    for (let d = this.delivery.pop(); d; d = this.delivery.pop()) {
      this.stats.events++;
      yield d.ev;
    }
  }

  private emit(ev: InputEvent, t: number): void {
    const r = this.rEmit.next();
    const nz = this.w.params.noise;
    const lag =
      r < nz.lateMinutes
        ? this.rEmit.uniform(MINUTE, nz.maxLagMinutes * MINUTE)
        : r < nz.lateMinutes + nz.lateSeconds
          ? this.rEmit.uniform(2_000, 59_000)
          : this.rEmit.uniform(0, 1_200);
    this.delivery.push({ time: t + lag, seq: this.dseq++, ev });
  }

  private eventId(): string {
    return this.w.eventMint.next();
  }

  /** First appearance of a pre-stream account: a profile snapshot just before its first action. */
  private announce(a: SimAccount, t: number): void {
    if (a.announced) return;
    a.announced = true;
    const at = Math.max(a.registeredAt, t - this.rEmit.int(200, 30_000));
    this.emit(accountEvent(this.rEmit, this.eventId(), at, a, 'register'), at);
  }

  private background(w0: number, w1: number): void {
    const r = this.rGen;
    const hours = (w1 - w0) / HOUR;
    const act = activityAt((w0 + w1) / 2);
    const w = this.w;
    const n = r.poisson(w.genuineNotesPerHour * act * hours);
    for (let k = 0; k < n; k++) {
      const t = Math.floor(r.uniform(w0, w1));
      const author = pickAuthor(r, w.pop, t);
      if (author) this.schedule({ kind: 'note', time: t, seq: 0, spec: genuineNoteSpec(r, w.catalog, author) });
    }
    const legacy = r.poisson(w.legacyPerHour * act * hours);
    for (let k = 0; k < legacy; k++) {
      const t = Math.floor(r.uniform(w0, w1));
      const actor = w.pop.accounts[w.pop.actTable.sample(r)];
      if (actor.registersInStream && actor.registeredAt > t) continue;
      const noteId = w.legacy.ids[w.legacy.table.sample(r)];
      const action = r.weighted([['like', 0.72], ['collect', 0.2], ['comment', 0.06], ['share', 0.02]] as const);
      this.schedule({ kind: 'interaction', time: t, seq: 0, actor, action, noteId, text: action === 'comment' ? (rng: Rng) => genuineCommentFor(rng, actor) : undefined });
    }
    const follows = r.poisson(w.followsPerHour * act * hours);
    for (let k = 0; k < follows; k++) {
      const t = Math.floor(r.uniform(w0, w1));
      const actor = w.pop.accounts[w.pop.actTable.sample(r)];
      const target = r.chance(0.6) ? this.popularRecent(r)?.author : w.pop.accounts[w.pop.noteTable.sample(r)];
      if (!target || target === actor || (actor.registersInStream && actor.registeredAt > t)) continue;
      this.schedule({ kind: 'interaction', time: t, seq: 0, actor, action: 'follow', targetAccount: target.id });
    }
    const changes = r.poisson(w.profileChangesPerHour * hours);
    for (let k = 0; k < changes; k++) {
      const a = w.pop.accounts[r.int(0, w.pop.accounts.length - 1)];
      if (!a.announced || a.ring >= 0) continue;
      const del = r.chance(w.params.noise.accountDeletesPerKDay / (w.params.noise.accountUpdatesPerKDay + w.params.noise.accountDeletesPerKDay));
      this.schedule({ kind: 'account', time: Math.floor(r.uniform(w0, w1)), seq: 0, acc: a, action: del ? 'delete' : 'update' });
    }
  }

  private process(it: Item): void {
    switch (it.kind) {
      case 'note':
        return this.publish(it);
      case 'interaction': {
        const a = it.actor;
        if (a.deleted) return;
        let noteId = it.noteId;
        if (it.popular) {
          const p = this.popularRecent(this.rPlan);
          if (!p || p.author === a) return;
          noteId = p.id;
        }
        if (noteId && this.deleted.has(noteId)) return;
        this.announce(a, it.time);
        const text = typeof it.text === 'function' ? it.text(this.rText) : it.text;
        this.emit(interactionEvent(this.rEmit, this.eventId(), it.time, a, it.action, noteId, it.targetAccount, text), it.time);
        return;
      }
      case 'account':
        return this.accountChange(it.acc, it.action, it.time);
      case 'note_edit':
      case 'note_delete':
        return this.noteChange(it.note, it.kind, it.time);
    }
  }

  private accountChange(a: SimAccount, action: 'register' | 'update' | 'delete', t: number): void {
    if (a.deleted) return;
    if (action === 'register') {
      if (a.announced) return;
      a.announced = true;
      this.emit(accountEvent(this.rEmit, this.eventId(), t, a, 'register'), t);
      return;
    }
    this.announce(a, t);
    if (action === 'delete') {
      a.deleted = true;
      this.emit(accountEvent(this.rEmit, this.eventId(), t, a, 'delete'), t);
      return;
    }
    const r = this.rText;
    let changed: { nickname?: string; bio?: string; avatar?: string };
    if (a.pendingProfile) {
      changed = a.pendingProfile;
      a.pendingProfile = undefined;
    } else {
      const which = r.int(0, 2);
      changed = which === 0 ? { nickname: nickname(r, a.writer.lang) } : which === 1 ? { bio: bio(r, a.writer.lang, a.writer.persona) } : { avatar: avatarHash(r) };
    }
    if (changed.nickname !== undefined) a.nickname = changed.nickname;
    if (changed.bio !== undefined) a.bio = changed.bio;
    if (changed.avatar !== undefined) a.avatar = changed.avatar;
    this.emit(accountEvent(this.rEmit, this.eventId(), t, a, 'update', changed), t);
  }

  private targetsFor(it: NoteItem, tags: string[]): Target[] {
    const r = this.rGen;
    const s = it.spec;
    const out: Target[] = [];
    const cat = this.w.catalog;
    if (s.product) {
      out.push({ kind: 'product', id: s.product.id });
      if (r.chance(s.brandP ?? 0.45)) out.push({ kind: 'brand', id: cat.brands[s.product.brand].id });
      if (r.chance(s.merchantP ?? 0.2)) out.push({ kind: 'merchant', id: cat.merchants[s.product.merchant].id });
      if (r.chance(0.04)) out.push({ kind: 'url', id: s.product.url });
    }
    for (const x of s.extraTargets ?? []) if (!out.some((o) => o.kind === x.kind && o.id === x.id)) out.push(x);
    for (const tag of tags.slice(0, 3)) {
      const id = cat.topics.get(tag);
      if (id) out.push({ kind: 'topic', id });
    }
    return out;
  }

  private publish(it: NoteItem): void {
    const s = it.spec;
    const a = s.author;
    if (a.deleted) return;
    this.announce(a, it.time);
    const text = s.compose(this.rText);
    const r = this.rGen;
    const id = this.w.noteMint.next();
    const media = s.media ? s.media(r) : defaultMedia(r, s.product?.officialMedia);
    const onDevice = r.chance(0.75);
    const targets = this.targetsFor(it, text.tags);
    this.emit(
      noteEvent(this.rEmit, this.eventId(), it.time, a, {
        noteId: id,
        action: 'publish',
        title: text.title,
        body: text.body,
        targets,
        lang: text.lang,
        tags: text.tags,
        media,
        aiLabel: s.aiLabel ?? r.chance(0.01),
        adDisclosure: s.adDisclosure ?? false,
        device: onDevice ? (a.devices.length > 1 && r.chance(0.3) ? a.devices[1] : a.devices[0]) : undefined,
        ip: onDevice ? a.ip : undefined,
      }),
      it.time,
    );
    const note: PublishedNote = { id, time: it.time, author: a, product: s.product, text, targets };
    this.organicReactions(note, s.appeal);
    if (s.appeal >= 2.5 && a.ring < 0) {
      if (this.popular.length < POPULAR_BUFFER) this.popular.push(note);
      else this.popular[this.popularNext++ % POPULAR_BUFFER] = note;
    }
    const nz = this.w.params.noise;
    const editP = a.ring >= 0 ? 0.02 : nz.editRate;
    const delP = a.ring >= 0 ? 0.015 : nz.deleteRate;
    if (r.chance(editP)) this.schedule({ kind: 'note_edit', time: it.time + Math.floor(r.logNormal(3 * HOUR, 1.2)), seq: 0, note });
    else if (r.chance(delP)) this.schedule({ kind: 'note_delete', time: it.time + Math.floor(r.logNormal(20 * HOUR, 1)), seq: 0, note });
    if (s.coordinatedRing !== undefined && !this.stats.firstCoordinated.has(s.coordinatedRing)) this.stats.firstCoordinated.set(s.coordinatedRing, it.time);
    s.onPublish?.(this, note);
  }

  private noteChange(note: PublishedNote, kind: 'note_edit' | 'note_delete', t: number): void {
    const a = note.author;
    if (a.deleted || this.deleted.has(note.id)) return;
    const targets = note.targets;
    if (kind === 'note_delete') {
      this.deleted.add(note.id);
      this.emit(noteEvent(this.rEmit, this.eventId(), t, a, { noteId: note.id, action: 'delete', title: '', body: '', targets: [] }), t);
      return;
    }
    const body = note.text.body + editSuffix(this.rText, note.text.lang);
    this.emit(noteEvent(this.rEmit, this.eventId(), t, a, { noteId: note.id, action: 'edit', title: note.text.title, body, targets, lang: note.text.lang, tags: note.text.tags }), t);
  }
}

function defaultMedia(r: Rng, official?: string[]): string[] {
  const n = r.weighted([[0, 0.08], [1, 0.22], [2, 0.15], [3, 0.18], [4, 0.12], [6, 0.12], [9, 0.13]] as const);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(official && r.chance(0.04) ? r.pick(official) : r.hex(16));
  return [...new Set(out)];
}

function genuineCommentFor(rng: Rng, a: SimAccount): string {
  return genuineComment(rng, a.writer.lang, a.writer.emojiRate);
}
