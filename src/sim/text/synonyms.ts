/**
 * Synonym substitution used by paraphrase. Each group is a set of interchangeable surface
 * forms; any member may be swapped for another. Chinese is matched without word boundaries
 * (members are chosen so that substring hits stay grammatical); English on word boundaries.
 */
import type { Rng } from '../rng.ts';
import type { Lang } from './bank-types.ts';

const ZH_GROUPS = [
  '特别|非常|超级|真的很|超',
  '好用|好使|实用|靠谱',
  '推荐|安利|种草',
  '喜欢|中意',
  '便宜|实惠|划算',
  '感觉|觉得',
  '确实|的确|是真的',
  '并且|另外|再加上',
  '姐妹们|宝子们|家人们|集美们',
  '立马|马上|立刻',
  '舒服|舒适',
  '好看|漂亮|美',
  '好物|宝贝|神仙好物',
  '价格|价钱',
  '闺蜜|小伙伴|朋友',
  '总的来说|总体来说|总之|整体来看',
  '回购|复购|再买',
  '惊喜|意外',
  '明显|显著|肉眼可见地',
  '之前|以前',
  '目前|现在',
  '每天|天天|每日',
  '一直|始终',
  '方便|便捷|省事',
  '不错|挺好|可以的',
  '质地|肤感|质感',
  '吸收|吸收速度',
  '性价比很高|性价比超高|性价比绝了|很有性价比',
  '用了|试了|用过',
  '完全|根本',
  '第一次|头一回',
  '整个人|整体',
];

const EN_GROUPS = [
  'really|super|so|very|seriously',
  'great|amazing|awesome|fantastic|excellent',
  'love|adore',
  'honestly|truly|genuinely',
  'recommend|suggest',
  'affordable|budget friendly|cheap',
  'bought|got|picked up',
  'comfortable|comfy',
  'pretty|beautiful|gorgeous',
  'definitely|totally|absolutely',
  'fast|quick',
  'easy|simple|effortless',
  'good|nice|solid',
  'a lot|loads|tons',
  'tried|tested|used',
  'results|effects',
  'worth it|worth the money|a good buy',
  'every day|daily',
];

interface Dict {
  re: RegExp;
  groupOf: Map<string, string[]>;
}

function build(groups: string[], wordBoundary: boolean): Dict {
  const groupOf = new Map<string, string[]>();
  const all: string[] = [];
  for (const g of groups) {
    const members = g.split('|');
    for (const m of members) {
      groupOf.set(m, members);
      all.push(m);
    }
  }
  all.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const alt = all.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return { re: new RegExp(wordBoundary ? `\\b(?:${alt})\\b` : alt, 'g'), groupOf };
}

const DICTS: Record<Lang, Dict> = { zh: build(ZH_GROUPS, false), en: build(EN_GROUPS, true) };

/** Replace each synonym hit with another member of its group with probability `rate`. */
export function substituteSynonyms(text: string, lang: Lang, rate: number, rng: Rng): string {
  if (rate <= 0) return text;
  const d = DICTS[lang];
  return text.replace(d.re, (m) => {
    if (!rng.chance(rate)) return m;
    const g = d.groupOf.get(m);
    if (!g) return m;
    const others = g.filter((x) => x !== m);
    return others.length ? rng.pick(others) : m;
  });
}
