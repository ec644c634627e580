/**
 * ai_assisted_creators: independent creators who draft with an AI writing assistant. Their
 * notes share the polished, structured voice rings use, and the platform's AI label often
 * fires — but each writes about her own products, on her own schedule, with organic engagement
 * only. Style similarity without coordination.
 */
import { drawProduct } from '../catalog.ts';
import { diurnalTime, HOUR } from '../clock.ts';
import { claimGenuine, expectedOrganic, plan, subjectOf, type PlanContext } from '../plan-context.ts';
import { composeBriefNote, makeBrief } from '../text/compose-brief.ts';
import type { HardNegativeGroup } from './group.ts';

export function planAiCreators(ctx: PlanContext): HardNegativeGroup {
  const rng = ctx.rng.fork('ai-creators');
  const p = ctx.params.hardNegatives;
  const creators = claimGenuine(ctx, p.aiCreators, (a) => Math.min(50, a.noteWeight) + 0.2, ctx.start);
  const accounts = [];
  for (const a of creators) {
    const n = rng.int(p.aiNotesPerCreator[0], p.aiNotesPerCreator[1]);
    const labelRate = rng.uniform(0.3, 0.9);
    let posted = 0;
    for (let i = 0; i < n; i++) {
      const product = drawProduct(ctx.catalog, rng, rng.pick(a.interests));
      const lang = a.writer.lang;
      const level = rng.chance(0.7) ? 'high' : 'medium';
      const t = diurnalTime(rng, ctx.start + HOUR, ctx.end - HOUR);
      plan(ctx, {
        kind: 'note',
        time: t,
        seq: 0,
        spec: {
          author: a,
          product,
          appeal: rng.logNormal(1.6, 0.8),
          aiLabel: rng.chance(labelRate),
          compose: (r) => composeBriefNote(r, makeBrief(r, subjectOf(ctx.catalog, product, lang), lang), a.writer.persona, level),
        },
      });
      posted++;
      ctx.expected.events += 1 + expectedOrganic(2);
    }
    if (posted > 0) accounts.push(a);
  }
  return { groupId: 'hn-ai-creators-1', cls: 'ai_assisted_creators', accounts };
}
