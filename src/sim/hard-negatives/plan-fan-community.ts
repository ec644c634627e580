/**
 * fan_community: a popular creator and her fans. Fans like, collect and comment on her notes
 * within minutes of posting (notifications), follow her and sometimes each other, and now and
 * then like each other's notes. Fast, repeated co-engagement on one account — but the fans are
 * ordinary, heterogeneous accounts writing about their own things.
 */
import { DAY, diurnalTime, HOUR, MINUTE } from '../clock.ts';
import { genuineAppeal, genuineNoteSpec } from '../genuine-notes.ts';
import type { PublishedNote, Scheduler } from '../items.ts';
import { claimGenuine, expectedOrganic, plan, type PlanContext } from '../plan-context.ts';
import type { Rng } from '../rng.ts';
import { fanComment } from '../text/comments.ts';
import type { SimAccount } from '../account.ts';
import type { HardNegativeGroup } from './group.ts';

function fanReactions(s: Scheduler, rng: Rng, fans: SimAccount[], note: PublishedNote, pLike: number, medianMin: number): void {
  for (const f of fans) {
    if (f === note.author || !rng.chance(pLike)) continue;
    const t = note.time + Math.max(20_000, Math.floor(rng.logNormal(medianMin * MINUTE, 1.1)));
    s.schedule({ kind: 'interaction', time: t, seq: 0, actor: f, action: 'like', noteId: note.id });
    if (rng.chance(0.3)) s.schedule({ kind: 'interaction', time: t + rng.int(2_000, 120_000), seq: 0, actor: f, action: 'collect', noteId: note.id });
    if (rng.chance(0.22)) {
      const lang = f.writer.lang;
      s.schedule({ kind: 'interaction', time: t + rng.int(5_000, 300_000), seq: 0, actor: f, action: 'comment', noteId: note.id, text: (r) => fanComment(r, lang) });
    }
    if (rng.chance(0.03)) s.schedule({ kind: 'interaction', time: t + rng.int(5_000, 600_000), seq: 0, actor: f, action: 'share', noteId: note.id });
  }
}

export function planFanCommunity(ctx: PlanContext, k: number): HardNegativeGroup {
  const rng = ctx.rng.fork(`fans${k}`);
  const p = ctx.params.hardNegatives;
  const [creator] = claimGenuine(ctx, 1, (a) => a.noteWeight * a.noteWeight, ctx.start);
  creator.verified = true;
  const fans = claimGenuine(ctx, p.fansPerCommunity, (a) => a.actWeight, ctx.start);
  // the creator posts every day or two
  for (let t = ctx.start + Math.floor(rng.uniform(0.2, 1.5) * DAY); t < ctx.end; t += Math.floor(rng.uniform(0.7, 2.2) * DAY)) {
    const when = diurnalTime(rng, t, t + 6 * HOUR);
    const spec = genuineNoteSpec(rng, ctx.catalog, creator, {
      mode: rng.chance(0.7) ? 'review' : 'list',
      appeal: genuineAppeal(rng, creator) * 2,
      onPublish: (s, note) => fanReactions(s, rng, fans, note, 0.55, 7),
    });
    plan(ctx, { kind: 'note', time: when, seq: 0, spec });
    ctx.expected.events += 1 + expectedOrganic(8) + fans.length * 0.55 * 1.55;
  }
  // follows: some fans only now follow the creator; a few follow each other
  for (const f of fans) {
    if (rng.chance(0.3)) plan(ctx, { kind: 'interaction', time: diurnalTime(rng, ctx.start, ctx.end), seq: 0, actor: f, action: 'follow', targetAccount: creator.id });
    for (const g of rng.sample(fans, rng.poisson(fans.length * 0.03))) {
      if (g !== f) plan(ctx, { kind: 'interaction', time: diurnalTime(rng, ctx.start, ctx.end), seq: 0, actor: f, action: 'follow', targetAccount: g.id });
    }
    // a fan's own note, which other fans (and the creator) sometimes like
    for (let i = rng.int(0, 2); i > 0; i--) {
      const spec = genuineNoteSpec(rng, ctx.catalog, f, { onPublish: (s, note) => fanReactions(s, rng, [...fans, creator], note, 0.06, 40) });
      plan(ctx, { kind: 'note', time: diurnalTime(rng, ctx.start, ctx.end), seq: 0, spec });
      ctx.expected.events += 1 + expectedOrganic(1.8) + fans.length * 0.06 * 1.55;
    }
  }
  return { groupId: `hn-fans-${k + 1}`, cls: 'fan_community', accounts: [creator, ...fans] };
}
