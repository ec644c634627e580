/**
 * declared_campaign: a brand partnership. Many creators, flagged as declared partners, post
 * about the same product within a day or two from one or two agency briefs, with ad_disclosure
 * set. Shared target, shared brief, tight timing — but declared, from established accounts, and
 * without mutual boosting.
 */
import { productInBand } from '../catalog.ts';
import { DAY, diurnalTime, HOUR } from '../clock.ts';
import { claimGenuine, expectedOrganic, plan, subjectOf, type PlanContext } from '../plan-context.ts';
import type { Lang } from '../text/bank-types.ts';
import { composeBriefNote, makeBrief, type Brief } from '../text/compose-brief.ts';
import type { HardNegativeGroup } from './group.ts';

export function planCampaign(ctx: PlanContext, k: number): HardNegativeGroup {
  const rng = ctx.rng.fork(`campaign${k}`);
  const p = ctx.params.hardNegatives;
  const days = (ctx.end - ctx.start) / DAY;
  const product = productInBand(ctx.catalog, rng, 0.02, 0.4);
  const creators = claimGenuine(ctx, p.campaignCreators, (a) => Math.min(80, a.noteWeight) + (a.interests.includes(product.category) ? 5 : 0.1), ctx.start);
  const t0 = diurnalTime(rng, ctx.start + Math.min(1, days * 0.1) * DAY, ctx.end - Math.min(3, days * 0.3) * DAY);
  const windowH = rng.uniform(24, 48);
  const briefs: Record<Lang, Brief[]> = { zh: [], en: [] };
  for (const lang of ['zh', 'en'] as const) for (let i = 0, n = rng.int(1, 2); i < n; i++) briefs[lang].push(makeBrief(rng, subjectOf(ctx.catalog, product, lang), lang, true));
  const level = rng.chance(0.5) ? 'medium' : 'high';
  const notes: { id: string; time: number }[] = [];
  for (const a of creators) {
    a.partner = true;
    if (rng.chance(0.4)) a.verified = true;
    for (let i = rng.chance(0.3) ? 2 : 1; i > 0; i--) {
      const t = diurnalTime(rng, t0, t0 + windowH * HOUR);
      const brief = rng.pick(briefs[a.writer.lang]);
      plan(ctx, {
        kind: 'note',
        time: t,
        seq: 0,
        spec: {
          author: a,
          product,
          appeal: rng.logNormal(2, 0.6),
          adDisclosure: true,
          aiLabel: rng.chance(0.2),
          brandP: 0.9,
          merchantP: 0.4,
          compose: (r) => composeBriefNote(r, brief, a.writer.persona, level),
          onPublish: (s, note) => {
            // the odd partner likes a fellow partner's post, hours later
            for (const prev of notes) {
              if (rng.chance(0.08)) s.schedule({ kind: 'interaction', time: note.time + Math.floor(rng.logNormal(3 * HOUR, 1)), seq: 0, actor: a, action: 'like', noteId: prev.id });
            }
            notes.push({ id: note.id, time: note.time });
          },
        },
      });
      ctx.expected.events += 1 + expectedOrganic(2.4);
    }
  }
  return { groupId: `hn-campaign-${k + 1}`, cls: 'declared_campaign', accounts: creators };
}
