import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/sim/rng.ts';
import { composeBriefNote, makeBrief, type ParaphraseLevel } from '../../../src/sim/text/compose-brief.ts';
import type { Subject } from '../../../src/sim/text/note-text.ts';

const SUBJECT_ZH: Subject = { category: 'skincare', name: '澜肌水光精华', short: '澜肌精华', type: '精华', brand: '澜肌', typeIdx: 0, key: 17 };
const SUBJECT_EN: Subject = { category: 'electronics', name: 'Lumera Pro wireless earbuds', short: 'Lumera earbuds', type: 'wireless earbuds', brand: 'Lumera', typeIdx: 0, key: 5 };

function grams(s: string): Set<string> {
  const t = Array.from(s.replace(/\s+/g, ''));
  const g = new Set<string>();
  for (let i = 0; i + 3 <= t.length; i++) g.add(t[i] + t[i + 1] + t[i + 2]);
  return g;
}
function meanJaccard(texts: string[]): { mean: number; near: number } {
  const g = texts.map(grams);
  let sum = 0;
  let near = 0;
  let pairs = 0;
  for (let i = 0; i < g.length; i++)
    for (let j = i + 1; j < g.length; j++) {
      let inter = 0;
      for (const x of g[i]) if (g[j].has(x)) inter++;
      const v = inter / (g[i].size + g[j].size - inter);
      sum += v;
      pairs++;
      if (v > 0.6) near++;
    }
  return { mean: sum / pairs, near: near / pairs };
}

function notes(subject: Subject, lang: 'zh' | 'en', level: ParaphraseLevel, seed: number): string[] {
  const rng = new Rng(seed);
  const brief = makeBrief(rng, subject, lang);
  return Array.from({ length: 30 }, (_, i) => {
    const n = composeBriefNote(rng, brief, i % 4, level);
    return n.title + '\n' + n.body;
  });
}

describe('composeBriefNote', () => {
  for (const [subject, lang] of [[SUBJECT_ZH, 'zh'], [SUBJECT_EN, 'en']] as const) {
    it(`orders similarity low > medium > high and keeps notes distinct (${lang})`, () => {
      const low = notes(subject, lang, 'low', 1);
      const med = notes(subject, lang, 'medium', 1);
      const high = notes(subject, lang, 'high', 1);
      for (const set of [low, med, high]) expect(new Set(set).size).toBe(set.length);
      const [l, m, h] = [meanJaccard(low), meanJaccard(med), meanJaccard(high)];
      expect(l.mean).toBeGreaterThan(m.mean);
      expect(m.mean).toBeGreaterThan(h.mean);
      expect(l.near).toBeGreaterThan(0.3);
      expect(h.near).toBeLessThan(0.05);
    });
  }

  it('mentions the product and a hook from the brief', () => {
    const rng = new Rng(4);
    const brief = makeBrief(rng, SUBJECT_ZH, 'zh');
    let withHook = 0;
    for (let i = 0; i < 40; i++) {
      const n = composeBriefNote(rng, brief, 1, 'high');
      expect(n.title + n.body).toMatch(/澜肌/);
      if (brief.hooks.some((h) => n.body.includes(h))) withHook++;
    }
    expect(withHook).toBeGreaterThan(28);
  });

  it('adds a disclosure line and an ad tag for declared partnerships', () => {
    const rng = new Rng(2);
    const brief = makeBrief(rng, SUBJECT_EN, 'en', true);
    const n = composeBriefNote(rng, brief, 0, 'medium');
    expect(n.tags).toContain('ad');
  });
});
