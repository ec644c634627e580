/**
 * Organic engagement: how many genuine users like, collect, comment, share and follow after a
 * note appears, and when. Counts scale with the note's appeal (log-normal, heavy-tailed);
 * likers are drawn by browsing activity, mostly among users interested in the category; delays
 * mix minutes (feed push), hours and days (search), thinned by the daily cycle.
 */
import type { SimAccount } from './account.ts';
import { activityAt, HOUR, MINUTE } from './clock.ts';
import type { Item, PublishedNote } from './items.ts';
import { ORGANIC } from './plan-context.ts';
import type { Population } from './population.ts';
import type { Rng } from './rng.ts';
import { genuineComment } from './text/comments.ts';

export function reactionDelay(rng: Rng, from: number): number {
  for (let i = 0; i < 6; i++) {
    const r = rng.next();
    const d = r < 0.55 ? rng.exponential(45 * MINUTE) : r < 0.9 ? rng.exponential(6 * HOUR) : rng.exponential(36 * HOUR);
    const t = from + 20_000 + d;
    if (rng.next() * 2.1 < activityAt(t)) return Math.floor(t);
  }
  return Math.floor(from + 20_000 + rng.exponential(3 * HOUR));
}

function pickLiker(rng: Rng, pop: Population, note: PublishedNote): SimAccount {
  if (note.product && rng.chance(0.7)) {
    const c = pop.actByCategory[note.product.category];
    if (c.members.length > 0) return pop.accounts[c.members[c.table.sample(rng)]];
  }
  return pop.accounts[pop.actTable.sample(rng)];
}

/** Emits organic reaction items for a note into `out` (times past `end` are dropped). */
export function organicReactions(rng: Rng, pop: Population, note: PublishedNote, appeal: number, end: number, out: (i: Item) => void): void {
  const cap = Math.min(3000, Math.floor(pop.accounts.length / 3));
  const likes = Math.min(cap, rng.poisson(ORGANIC.baseLikes * appeal));
  const extraComments = rng.poisson(likes * ORGANIC.extraComments);
  const seen = new Set<number>([note.author.idx]);
  const lang = note.text.lang;
  for (let i = 0; i < likes + extraComments; i++) {
    let actor: SimAccount | undefined;
    for (let k = 0; k < 4 && !actor; k++) {
      const a = pickLiker(rng, pop, note);
      if (!seen.has(a.idx)) actor = a;
    }
    if (!actor) continue;
    seen.add(actor.idx);
    const t = reactionDelay(rng, note.time);
    if (t >= end || (actor.registersInStream && t < actor.registeredAt + 10 * MINUTE)) continue;
    const w = actor.writer;
    const commentText = () => genuineComment(rng, w.lang === lang ? lang : rng.chance(0.7) ? lang : w.lang, w.emojiRate);
    if (i >= likes) {
      out({ kind: 'interaction', time: t, seq: 0, actor, action: 'comment', noteId: note.id, text: commentText() });
      continue;
    }
    out({ kind: 'interaction', time: t, seq: 0, actor, action: 'like', noteId: note.id });
    if (rng.chance(ORGANIC.collect)) out({ kind: 'interaction', time: t + rng.int(2_000, 90_000), seq: 0, actor, action: 'collect', noteId: note.id });
    if (rng.chance(ORGANIC.comment)) out({ kind: 'interaction', time: t + rng.int(5_000, 240_000), seq: 0, actor, action: 'comment', noteId: note.id, text: commentText() });
    if (rng.chance(ORGANIC.share)) out({ kind: 'interaction', time: t + rng.int(3_000, 600_000), seq: 0, actor, action: 'share', noteId: note.id });
    if (rng.chance(ORGANIC.follow)) out({ kind: 'interaction', time: t + rng.int(1_000, 120_000), seq: 0, actor, action: 'follow', targetAccount: note.author.id });
  }
}
