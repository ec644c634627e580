/**
 * Account profile material shared by every kind of account (genuine, ring, hard negative):
 * nicknames, bios, avatars, device ids and IP prefixes. One generator for all so that profile
 * fields carry no marker of who created the account.
 */
import { PERSONAS } from './text/personas.ts';
import type { Lang } from './text/bank-types.ts';
import type { Rng } from './rng.ts';

const s = (x: string): string[] => x.split('|');
const ZH_STEMS = s('小鹿|橙子|奶盖|柚子|星星|糖糖|阿晴|木木|鱼鱼|桃子|七七|一一|团子|momo|可可|安安|多多|豆豆|小野|阿白|悠悠|甜甜|西西|栗子|小林|阿柒|芒果|布丁|饭团|年糕|小满|初夏|晚风|南风|暖暖|小羊|兔兔|猫猫|Cici|Lily|Yoyo|阿May|大橘|土豆|花卷|薄荷|青柠|芝士|椰子|山竹');
const ZH_SUFFIX = s('呀|酱|_|同学|的日常|爱吃草|不吃香菜|今天也要加油|的小窝|吖|er|日记|是个小可爱|在减肥|睡不醒|碎碎念|的好物|爱分享|的生活|想暴富|z|1998|0521|．|ovo|吃饱了吗|不emo|在发呆|今天早睡');
const ZH_PREFIX = s('是|我是|一只|超爱|会飞的|努力的|快乐的|温柔的|想吃|爱喝|');
const EN_FIRST = s('lily|kevin|momo|amy|jessie|sunny|chloe|leo|mia|ivy|nina|ryan|zoe|eva|grace|luna|max|ben|yuki|coco|jason|anna|tina|alex|sara');
const EN_TAIL = s('_travels|.z|1998|_eats|xo|_daily|.jpg|_life|_studio|22|_notes|_|.wang|.chen|lin|_mama|runs|cooks|99|_official');
const CITIES = s('上海|北京|广州|深圳|杭州|成都|南京|武汉|西安|重庆|苏州|长沙|厦门|青岛|天津|昆明|香港|台北');
const AGES = s('95后|00后|90后|85后|98年|02年|巨蟹座|双子座|天蝎座|INFP|ENFP|ISTJ');
const BIO_EXTRA = s('分享日常|记录生活|热爱生活|不定期更新|喜欢就关注吧|一个普通人|好好吃饭|快乐至上|合作请私信|偶尔更新|一起变好');
const IP_FIRST = [112, 113, 114, 117, 120, 183, 223, 36, 39, 42, 58, 60, 101, 106, 111, 115, 116, 119, 122, 124, 125, 180, 182, 202, 210, 211, 218, 219, 220, 221, 222];

export function nickname(rng: Rng, lang: Lang, stem?: string): string {
  if (lang === 'en') {
    const first = stem ?? rng.pick(EN_FIRST);
    const r = rng.next();
    if (r < 0.45) return first + rng.pick(EN_TAIL);
    if (r < 0.7) return first + String(rng.int(1, 9999));
    if (r < 0.85) return first.charAt(0).toUpperCase() + first.slice(1) + ' ' + rng.pick(EN_FIRST).charAt(0).toUpperCase();
    return first + '_' + rng.pick(EN_FIRST);
  }
  const r = rng.next();
  if (!stem && r < 0.13) return '用户' + String(rng.int(10_000_000, 99_999_999));
  const st = stem ?? rng.pick(ZH_STEMS);
  if (r < 0.45) return st + rng.pick(ZH_SUFFIX);
  if (r < 0.7) return rng.pick(ZH_PREFIX) + st + (rng.chance(0.4) ? rng.pick(ZH_SUFFIX) : '');
  if (r < 0.85) return st + String(rng.int(1, 999));
  return st + rng.pick(ZH_STEMS);
}

export function bio(rng: Rng, lang: Lang, personaIdx: number): string {
  if (rng.chance(0.35)) return '';
  const p = PERSONAS[personaIdx];
  if (lang === 'en') {
    const parts = [rng.pick(p.en.bio)];
    if (rng.chance(0.5)) parts.push(rng.pick(['shanghai', 'beijing', 'shenzhen', 'hangzhou', 'london', 'singapore', 'toronto']));
    if (rng.chance(0.3)) parts.push('✨');
    return parts.join(rng.pick([' | ', ' · ', ' ']));
  }
  const parts: string[] = [];
  if (rng.chance(0.5)) parts.push(rng.pick(AGES));
  if (rng.chance(0.5)) parts.push(rng.pick(CITIES));
  parts.push(rng.pick(p.zh.bio));
  if (rng.chance(0.4)) parts.push(rng.pick(BIO_EXTRA));
  return rng.shuffle(parts).join(rng.pick(['|', '｜', ' ', '·', '\n', ' 🌿 ']));
}

/** Shared default avatar hash (accounts that never uploaded one). */
export const DEFAULT_AVATAR = 'd41d8cd98f00b204';

export function avatarHash(rng: Rng): string {
  return rng.chance(0.12) ? DEFAULT_AVATAR : rng.hex(16);
}

export function deviceId(rng: Rng): string {
  if (rng.chance(0.42)) {
    const h = rng.hex(32).toUpperCase();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  }
  return rng.hex(16);
}

export function ipPrefix(rng: Rng): string {
  return `${rng.pick(IP_FIRST)}.${rng.int(0, 255)}.${rng.int(0, 255)}.0/24`;
}

/** A pool of carrier prefixes with Zipf-like sharing: mobile NAT puts many real users behind one /24. */
export class IpPool {
  private readonly prefixes: string[];
  private readonly cdf: Float64Array;

  constructor(rng: Rng, size: number) {
    this.prefixes = [];
    for (let i = 0; i < size; i++) this.prefixes.push(ipPrefix(rng));
    this.cdf = new Float64Array(size);
    let acc = 0;
    for (let i = 0; i < size; i++) {
      acc += 1 / Math.pow(i + 1, 0.8);
      this.cdf[i] = acc;
    }
  }

  draw(rng: Rng): string {
    const r = rng.next() * this.cdf[this.cdf.length - 1];
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cdf[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return this.prefixes[lo];
  }
}
