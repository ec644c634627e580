/**
 * viral_product: a product takes off — thousands of genuine users post about it within hours
 * (some sign up because of it), in their own words, with normal engagement. Shared target and
 * burst timing, but no shared brief, no mutual boosting, no shared devices.
 */
import { productInBand } from '../catalog.ts';
import { DAY, diurnalTime, HOUR, MINUTE } from '../clock.ts';
import { genuineAppeal, genuineNoteSpec } from '../genuine-notes.ts';
import { claimGenuine, expectedOrganic, plan, type PlanContext } from '../plan-context.ts';
import { newAccount } from '../population.ts';
import { PERSONAS } from '../text/personas.ts';
import type { HardNegativeGroup } from './group.ts';

const HOOK_ZH = '最近全网都在推的{P}，我也跟风买了|被{P}刷屏了，忍不住入了|终于抢到了{P}！|大家都在晒{P}，我也来凑个热闹|排了好久的队终于买到{P}|'.split('|');
const HOOK_EN = 'everyone is posting about {P} so i caved|finally got my hands on {P}!|{P} is all over my feed, had to try it|'.split('|');

export function planViral(ctx: PlanContext, k: number): HardNegativeGroup {
  const rng = ctx.rng.fork(`viral${k}`);
  const p = ctx.params.hardNegatives;
  const days = (ctx.end - ctx.start) / DAY;
  const product = productInBand(ctx.catalog, rng, 0.002, 0.05);
  const t0 = diurnalTime(rng, ctx.start + Math.min(2, days * 0.15) * DAY, ctx.end - Math.min(3, days * 0.3) * DAY);
  const posters = claimGenuine(ctx, Math.round(p.viralPosters * 0.85), (a) => 0.5 + Math.min(3, a.noteWeight) + (a.interests.includes(product.category) ? 2 : 0), t0);
  for (let i = Math.round(p.viralPosters * 0.15); i > 0; i--) {
    const lang = rng.chance(ctx.params.zhShare) ? 'zh' : 'en';
    const reg = t0 + Math.floor(rng.exponential(8 * HOUR));
    if (reg >= ctx.end - HOUR) continue;
    const a = newAccount(rng, ctx.accountMint, ctx.accounts.length, { lang, persona: rng.int(0, PERSONAS.length - 1), registeredAt: reg, registersInStream: true, ip: ctx.ips.draw(rng), noteWeight: 0.05, actWeight: rng.logNormal(1, 1) });
    ctx.accounts.push(a);
    ctx.claimed.add(a.idx);
    plan(ctx, { kind: 'account', time: reg, seq: 0, acc: a, action: 'register' });
    posters.push(a);
  }
  const accounts = [];
  for (const a of posters) {
    const lo = Math.max(t0, a.registeredAt + 20 * MINUTE);
    const t = lo + Math.floor(rng.chance(0.7) ? rng.exponential(6 * HOUR) : rng.exponential(30 * HOUR));
    if (t >= ctx.end) continue;
    const hooks = a.writer.lang === 'zh' ? HOOK_ZH : HOOK_EN;
    const spec = genuineNoteSpec(rng, ctx.catalog, a, {
      product,
      appeal: genuineAppeal(rng, a) * 1.2,
      prefix: (r) => {
        const h = r.pick(hooks);
        if (!h || r.chance(0.5)) return '';
        const name = a.writer.lang === 'zh' ? (r.chance(0.5) ? product.short.zh : product.name.zh) : product.short.en;
        return h.replace('{P}', name) + (a.writer.lang === 'zh' ? r.pick(['。', '！', '～', '\n']) : r.pick(['. ', '! ', '\n']));
      },
    });
    plan(ctx, { kind: 'note', time: t, seq: 0, spec });
    accounts.push(a);
    ctx.expected.events += 1 + expectedOrganic(2);
  }
  return { groupId: `hn-viral-${k + 1}`, cls: 'viral_product', accounts };
}
