/** Template filling and sentence assembly shared by the note composers. */
import type { Rng } from '../rng.ts';
import type { Lang } from './bank-types.ts';

export interface FillVars {
  P?: string;
  T?: string;
  B?: string;
  S?: string;
}

const MONEY = ['9.9', '19', '20', '29', '30', '39', '49', '50', '59', '69', '79', '99', '100', '129', '199', '299'];

/** Replace {P} {T} {B} {S}, {n} (a fresh small number per occurrence) and {m} (an amount of money). */
export function fill(template: string, vars: FillVars, rng: Rng): string {
  return template.replace(/\{([PTBSnm])\}/g, (_, k: string) => {
    if (k === 'm') return rng.pick(MONEY);
    if (k === 'n') return String(rng.weighted([[2, 3], [3, 4], [5, 2], [rng.int(4, 12), 3], [rng.int(15, 60), 1], [rng.int(60, 168), 0.6]]));
    return (vars as Record<string, string | undefined>)[k] ?? '';
  });
}

const ZH_END = /[。！？～…!?.~\s]$/u;
const EN_END = /[.!?…]$/u;

/** Terminate a clause as a sentence in the writer's punctuation habit. */
export function endSentence(clause: string, lang: Lang, rng: Rng, ends: readonly string[]): string {
  const c = clause.trim();
  if (c.length === 0) return c;
  if (lang === 'zh') return ZH_END.test(c) ? c : c + rng.pick(ends);
  if (EN_END.test(c)) return c;
  const e = rng.pick(ends);
  return c + (e === '' ? '.' : e);
}

/** Capitalise the first letter of each sentence (English writers who bother). */
export function capitalise(text: string): string {
  return text.replace(/(^|[.!?]\s+|\n)([a-z])/g, (_, a: string, b: string) => a + b.toUpperCase()).replace(/\bi\b/g, 'I');
}

/** Join sentences: Chinese runs together, English with spaces; occasional paragraph breaks. */
export function joinSentences(sentences: string[], lang: Lang, rng: Rng, breakRate: number): string {
  let out = '';
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    if (!s) continue;
    if (out.length > 0) out += rng.chance(breakRate) ? (rng.chance(0.5) ? '\n' : '\n\n') : lang === 'zh' ? '' : ' ';
    out += s;
  }
  return out;
}
