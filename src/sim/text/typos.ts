/**
 * Everyday typing noise in genuine notes: homophone slips and net slang in Chinese, dropped
 * or swapped letters and casual spellings in English.
 */
import type { Rng } from '../rng.ts';
import type { Lang } from './bank-types.ts';

const ZH_SLIPS: readonly (readonly [string, string])[] = [
  ['的', '得'], ['得', '的'], ['地', '的'], ['在', '再'], ['再', '在'], ['做', '作'],
  ['已经', '以经'], ['因为', '应为'], ['真的', '真滴'], ['什么', '神马'], ['这样子', '酱紫'],
  ['一样', '一养'], ['那', '哪'], ['喜欢', '稀饭'], ['有没有', '有木有'], ['觉得', 'jio得'],
  ['好吃', '好次'], ['东西', '东东'], ['没有', '没'], ['姐妹', 'jm'],
];
const EN_SWAPS: readonly (readonly [RegExp, string])[] = [
  [/\byou\b/g, 'u'], [/\bare\b/g, 'r'], [/\bgoing to\b/g, 'gonna'], [/\bdo not\b/g, "don't"],
  [/\bi am\b/g, "i'm"], [/\bit is\b/g, "it's"], [/\bbecause\b/g, 'bc'], [/\bthough\b/g, 'tho'],
  [/\bprobably\b/g, 'prob'], [/\breally\b/g, 'rly'],
];

function zhTypo(text: string, rng: Rng): string {
  const [from, to] = rng.pick(ZH_SLIPS);
  const at = text.indexOf(from, rng.int(0, Math.max(0, text.length - 1)));
  const i = at >= 0 ? at : text.indexOf(from);
  return i < 0 ? text : text.slice(0, i) + to + text.slice(i + from.length);
}

function enTypo(text: string, rng: Rng): string {
  if (rng.chance(0.45)) {
    const [re, to] = rng.pick(EN_SWAPS);
    return text.replace(re, (m) => (rng.chance(0.7) ? to : m));
  }
  const words = text.split(' ');
  const idx = rng.int(0, words.length - 1);
  const w = words[idx];
  if (w.length < 4 || !/^[a-z]+$/i.test(w)) return text;
  const p = rng.int(1, w.length - 2);
  const op = rng.int(0, 2);
  words[idx] =
    op === 0 ? w.slice(0, p) + w.slice(p + 1) : op === 1 ? w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2) : w.slice(0, p) + w[p] + w.slice(p);
  return words.join(' ');
}

/** Apply `count` typos. */
export function addTypos(text: string, lang: Lang, count: number, rng: Rng): string {
  let t = text;
  for (let i = 0; i < count; i++) t = lang === 'zh' ? zhTypo(t, rng) : enTypo(t, rng);
  return t;
}
