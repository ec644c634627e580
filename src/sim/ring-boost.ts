/**
 * Mutual boosting: when a ring note goes live, a subset of the ring likes it within minutes
 * (hours for slow rings, widely scattered with timing jitter), some collect, a few comment from
 * the operator's script, the odd one shares. Members who have not acted yet are drawn first so
 * that every member shows up in the stream at least once.
 */
import type { SimAccount } from './account.ts';
import { MINUTE } from './clock.ts';
import type { PublishedNote, Scheduler } from './items.ts';
import type { Rng } from './rng.ts';
import type { RingPlan } from './ring-types.ts';
import { ringComment } from './text/comments.ts';

/** Most accounts that boost one note. */
export const MAX_BOOSTERS = 30;

export function boostRingNote(s: Scheduler, ring: RingPlan, note: PublishedNote, rng: Rng, intensity = 1): void {
  const st = ring.strategy;
  const others = ring.members.filter((m) => m.acc !== note.author).map((m) => m.acc);
  if (others.length === 0) return;
  // large rings boost each note with a slice of their accounts, not all of them
  const fraction = st.boost_fraction * (others.length >= 100 ? 0.4 : 1);
  const k = Math.max(1, Math.min(MAX_BOOSTERS, others.length, Math.round(others.length * fraction * rng.uniform(0.6, 1.4) * intensity)));
  const chosen = new Set<SimAccount>();
  const fromQueue = Math.ceil(k / 2);
  while (chosen.size < fromQueue && ring.unboosted.length > 0) {
    const a = ring.unboosted.pop()!;
    if (a !== note.author) chosen.add(a);
  }
  for (const a of rng.sample(others, k)) if (chosen.size < k) chosen.add(a);
  const sigma = st.timing_jitter ? 1.5 : 0.8;
  const vars = { P: note.product ? (note.text.lang === 'zh' ? note.product.short.zh : note.product.short.en) : '', T: note.product ? note.product.type[note.text.lang] : '' };
  for (const a of chosen) {
    const t = note.time + Math.max(15_000, Math.floor(rng.logNormal(st.boost_delay_median_min * MINUTE, sigma)));
    s.schedule({ kind: 'interaction', time: t, seq: 0, actor: a, action: 'like', noteId: note.id });
    if (rng.chance(0.35)) s.schedule({ kind: 'interaction', time: t + rng.int(3_000, 180_000), seq: 0, actor: a, action: 'collect', noteId: note.id });
    if (rng.chance(0.2 * intensity)) {
      const lang = note.text.lang;
      s.schedule({ kind: 'interaction', time: t + rng.int(10_000, 600_000), seq: 0, actor: a, action: 'comment', noteId: note.id, text: (r) => ringComment(r, lang, vars, st.evasion) });
    }
    if (rng.chance(0.04)) s.schedule({ kind: 'interaction', time: t + rng.int(10_000, 900_000), seq: 0, actor: a, action: 'share', noteId: note.id });
  }
}
