/**
 * Text obfuscations rings use to dodge exact-match and fingerprint filters. Each takes a rate
 * (fraction of eligible positions touched). Genuine text occasionally carries the benign ones
 * (emoji, punctuation, traditional characters); homoglyphs and zero-width runs are ring tells
 * only when used densely.
 */
import type { Rng } from '../rng.ts';

export type EvasionKind = 'homoglyph' | 'fullwidth' | 'zero_width' | 'emoji_noise' | 'punct_noise' | 'trad_swap';

const HOMOGLYPHS: Record<string, string> = {
  a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', i: 'і', s: 'ѕ', j: 'ј',
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х',
};
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
const NOISE_EMOJI = ['✨', '🌟', '💫', '🔥', '💕', '🌸', '⭐', '🍀', '💖', '🎀'];
const NOISE_PUNCT = ['～', '·', '丨', '…', '！', '~', '、', '*', '｜'];

/** Simplified → traditional for frequent characters (a partial swap, as evasive rings do). */
const TRAD_PAIRS =
  '这這个個说說们們为為么麼会會时時发發买買东東质質肤膚适適觉覺还還没沒过過对對后後点點样樣实實' +
  '让讓从從两兩经經里裏现現进進开開关關长長变變问問间間听聽动動头頭无無气氣钱錢价價试試该該' +
  '爱愛认認识識边邊体體亲親宝寶妈媽孩孩饭飯馆館机機电電脑腦术術护護肤膚面麵脸臉颜顏润潤' +
  '显顯温溫热熱凉涼轻輕应應并並总總页頁种種单單张張网網图圖场場视視频頻购購货貨运運费費' +
  '员員万萬够夠饮飲闺閨闪閃离離帮幫乐樂尝嘗鲜鮮汤湯鸡雞鱼魚虾蝦猪豬牛牛';
const TRAD = new Map<string, string>();
for (let i = 0; i + 1 < TRAD_PAIRS.length; i += 2) {
  if (TRAD_PAIRS[i] !== TRAD_PAIRS[i + 1]) TRAD.set(TRAD_PAIRS[i], TRAD_PAIRS[i + 1]);
}

function mapChars(text: string, rate: number, rng: Rng, f: (ch: string) => string | undefined): string {
  let out = '';
  for (const ch of text) {
    const r = f(ch);
    out += r !== undefined && rng.chance(rate) ? r : ch;
  }
  return out;
}

function insertNoise(text: string, rate: number, rng: Rng, pool: readonly string[], skipAscii: boolean): string {
  const chars = Array.from(text);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    out += chars[i];
    const next = chars[i + 1];
    if (next === undefined || chars[i] === '\n' || next === '\n') continue;
    if (skipAscii && /[A-Za-z0-9]/.test(chars[i]) && /[A-Za-z0-9]/.test(next)) continue;
    if (rng.chance(rate)) out += rng.pick(pool);
  }
  return out;
}

export function applyEvasion(text: string, kind: EvasionKind, rate: number, rng: Rng): string {
  switch (kind) {
    case 'homoglyph':
      return mapChars(text, rate, rng, (ch) => HOMOGLYPHS[ch]);
    case 'fullwidth':
      return mapChars(text, rate, rng, (ch) => {
        const c = ch.charCodeAt(0);
        return ch.length === 1 && c >= 0x21 && c <= 0x7e ? String.fromCharCode(c + 0xfee0) : undefined;
      });
    case 'zero_width':
      return insertNoise(text, rate, rng, ZERO_WIDTH, false);
    case 'emoji_noise':
      return insertNoise(text, rate, rng, NOISE_EMOJI, true);
    case 'punct_noise':
      return insertNoise(text, rate, rng, NOISE_PUNCT, true);
    case 'trad_swap':
      return mapChars(text, rate, rng, (ch) => TRAD.get(ch));
  }
}

/** Full simplified→traditional conversion for the characters we know (Hong Kong / Taiwan users). */
export function toTraditional(text: string): string {
  let out = '';
  for (const ch of text) out += TRAD.get(ch) ?? ch;
  return out;
}
