/** What people append when they edit a note after publishing. */
import type { Rng } from '../rng.ts';
import type { Lang } from './bank-types.ts';

const ZH = '更新：用了一段时间还是很喜欢|补充一下：链接在评论区有人问过了|PS：不是广告，自费买的|更新：客服已经处理了|补充：价格是活动时候买的|修改一下错别字|更新：回购了|PS：评论区问的都回复啦'.split('|');
const EN = 'edit: still loving it after a few weeks|update: customer service sorted it out|edit: not sponsored, bought it myself|update: repurchased!|edit: fixed typos|ps: i bought it on sale'.split('|');

export function editSuffix(rng: Rng, lang: Lang | string): string {
  return (rng.chance(0.5) ? '\n\n' : '\n') + rng.pick(lang === 'en' ? EN : ZH);
}
