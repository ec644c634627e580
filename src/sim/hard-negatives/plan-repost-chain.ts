/**
 * repost_chain: a popular note gets reposted and quoted by many users over a day or two —
 * near-duplicate text across many accounts, all pointing at the same product — yet each
 * reposter acts on her own time and nobody boosts anybody.
 */
import { drawProduct } from '../catalog.ts';
import { DAY, diurnalTime, HOUR, MINUTE } from '../clock.ts';
import { genuineAppeal, genuineNoteSpec } from '../genuine-notes.ts';
import type { PublishedNote, Scheduler } from '../items.ts';
import { claimGenuine, expectedOrganic, plan, type PlanContext } from '../plan-context.ts';
import type { Rng } from '../rng.ts';
import type { SimAccount } from '../account.ts';
import type { HardNegativeGroup } from './group.ts';

const LEAD_ZH = '转发|说得太对了|码住|这篇写得好详细|同款！|必须转|收藏了|学到了|转给姐妹们看看|'.split('|');
const LEAD_EN = 'reposting this|so true|saving this|this is so detailed|same!|sharing with my friends|'.split('|');

function repostText(rng: Rng, orig: PublishedNote): { title: string; body: string } {
  const zh = orig.text.lang === 'zh';
  const lead = rng.pick(zh ? LEAD_ZH : LEAD_EN);
  const nick = orig.author.nickname;
  const full = orig.text.body;
  const cut = rng.chance(0.3) ? Array.from(full).slice(0, rng.int(40, 120)).join('') + '…' : full;
  const style = rng.int(0, 2);
  const body =
    style === 0
      ? `${lead}${lead ? ' ' : ''}//@${nick}: ${cut}`
      : style === 1
        ? `${lead}\n\n${zh ? '转自' : 'via'} @${nick}\n${orig.text.title}\n${cut}`
        : `${orig.text.title}\n${cut}${zh ? '\n（转）' : '\n(repost)'}`;
  const title = style === 2 ? orig.text.title : `${zh ? '转发：' : 'Repost: '}${orig.text.title}`;
  return { title: Array.from(title).slice(0, 40).join(''), body };
}

function scheduleReposts(s: Scheduler, rng: Rng, reposters: SimAccount[], orig: PublishedNote): void {
  for (const a of reposters) {
    const t = orig.time + Math.max(5 * MINUTE, Math.floor(rng.logNormal(8 * HOUR, 1.0)));
    s.schedule({ kind: 'interaction', time: t - rng.int(1_000, 60_000), seq: 0, actor: a, action: 'share', noteId: orig.id });
    s.schedule({
      kind: 'note',
      time: t,
      seq: 0,
      spec: {
        author: a,
        product: orig.product,
        appeal: rng.logNormal(0.6, 0.8),
        compose: (r) => ({ ...repostText(r, orig), tags: orig.text.tags.slice(), lang: orig.text.lang }),
      },
    });
  }
}

export function planRepostChain(ctx: PlanContext, k: number): HardNegativeGroup {
  const rng = ctx.rng.fork(`repost${k}`);
  const p = ctx.params.hardNegatives;
  const days = (ctx.end - ctx.start) / DAY;
  const [author] = claimGenuine(ctx, 1, (a) => Math.pow(a.noteWeight, 1.5), ctx.start);
  const reposters = claimGenuine(ctx, p.repostsPerChain, (a) => a.actWeight + a.noteWeight * 0.3, ctx.start);
  const product = drawProduct(ctx.catalog, rng, rng.pick(author.interests));
  const t0 = diurnalTime(rng, ctx.start + HOUR, ctx.end - Math.min(3, days * 0.3) * DAY);
  const spec = genuineNoteSpec(rng, ctx.catalog, author, {
    product,
    mode: rng.chance(0.5) ? 'review' : 'list',
    appeal: genuineAppeal(rng, author) * 4 + 6,
    onPublish: (s, note) => scheduleReposts(s, rng, reposters, note),
  });
  plan(ctx, { kind: 'note', time: t0, seq: 0, spec });
  ctx.expected.events += 1 + expectedOrganic(12) + reposters.length * (2 + expectedOrganic(0.8));
  return { groupId: `hn-repost-${k + 1}`, cls: 'repost_chain', accounts: [author, ...reposters] };
}
