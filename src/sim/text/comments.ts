/**
 * Comment text. Genuine comments are short and varied; ring comments are affirmations from a
 * small operator script (with paraphrase); fan comments are the quick greetings fans leave.
 */
import type { Rng } from '../rng.ts';
import type { Lang } from './bank-types.ts';
import { applyEvasion, type EvasionKind } from './evasion.ts';
import { fill } from './fill.ts';
import { EN } from './generic-en.ts';
import { ZH } from './generic-zh.ts';
import { substituteSynonyms } from './synonyms.ts';

const s = (x: string): string[] => x.split('|');
const RING_ZH = s('我也在用{P}，真的很好用|已经下单了|姐妹说得太对了|同款！用了一个月了|求{T}链接|{P}我也回购了|真的好用，不是广告|被你种草了|刚收到，期待效果|用了确实不错|这个价格太香了|我也觉得特别好用|已经推荐给闺蜜了|跟着买的，没踩雷|确实，{T}就认准它了');
const RING_EN = s('i use {P} too, it is so good|just ordered!|you are so right|same, been using it for a month|link to the {T}?|repurchased {P} too|honestly so good, not an ad|you sold me|just arrived, excited to try|it really works|what a deal|recommended it to my bestie already');
const FAN_ZH = s('沙发！|来了来了|姐姐更新了！|第一！|又是被种草的一天|博主好会|好喜欢这期|每天都在等更新|姐姐好美|爱了爱了|支持支持|太有用了收藏|这期好用心|蹲到了|前排');
const FAN_EN = s('first!|omg new post|love this one|always waiting for your posts|you are glowing|so helpful, saved|queen|obsessed|early gang|this is so good');

export function genuineComment(rng: Rng, lang: Lang, emojiRate: number): string {
  const g = lang === 'zh' ? ZH : EN;
  let c = rng.pick(g.comments);
  if (rng.chance(emojiRate)) c += rng.pick(g.emoji);
  return c;
}

export function ringComment(rng: Rng, lang: Lang, vars: { P: string; T: string }, evasion: readonly EvasionKind[]): string {
  let c = fill(rng.pick(lang === 'zh' ? RING_ZH : RING_EN), vars, rng);
  c = substituteSynonyms(c, lang, 0.35, rng);
  if (rng.chance(0.4)) c += rng.pick((lang === 'zh' ? ZH : EN).emoji);
  for (const k of evasion) if (k !== 'homoglyph' || rng.chance(0.5)) c = applyEvasion(c, k, 0.08, rng);
  return c;
}

export function fanComment(rng: Rng, lang: Lang): string {
  let c = rng.pick(lang === 'zh' ? FAN_ZH : FAN_EN);
  if (rng.chance(0.5)) c += rng.pick((lang === 'zh' ? ZH : EN).emoji);
  return c;
}
