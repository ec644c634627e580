/**
 * Text obfuscations rings use to dodge exact-match and fingerprint filters. Each takes a rate
 * (fraction of eligible positions touched). Genuine text occasionally carries the benign ones
 * (emoji, punctuation, traditional characters); homoglyphs and zero-width runs are ring tells
 * only when used densely.
 */
import type { Rng } from '../rng.ts';
import { TRAD_PAIRS } from './trad-map.ts';

export type EvasionKind = 'homoglyph' | 'fullwidth' | 'zero_width' | 'emoji_noise' | 'punct_noise' | 'trad_swap';

const HOMOGLYPHS: Record<string, string> = {
  a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', i: 'і', s: 'ѕ', j: 'ј',
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х',
};
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
const NOISE_EMOJI = ['✨', '🌟', '💫', '🔥', '💕', '🌸', '⭐', '🍀', '💖', '🎀'];
const NOISE_PUNCT = ['～', '·', '丨', '…', '！', '~', '、', '*', '｜'];

const TRAD = new Map<string, string>();
{
  const chars = Array.from(TRAD_PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) TRAD.set(chars[i], chars[i + 1]);
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
