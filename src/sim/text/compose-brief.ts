/**
 * Notes written from a brief by an AI writing assistant: a product, a handful of selling points,
 * one or two marketing hooks, tags and title templates. Rings, declared brand campaigns and
 * independent AI-assisted creators all write this way; what differs is who shares a brief.
 *
 * Paraphrase levels:
 *  - low: one master copy per brief, each note a light edit of it (synonyms, emoji, one line
 *    swapped) — near-duplicates;
 *  - medium: fixed structure, each selling point in the brief's preferred wording most of the
 *    time, middle sentences reordered, synonyms;
 *  - high: any of four structures, every selling point in any of its wordings, persona asides
 *    and scene sentences added, heavy synonym substitution — few near-duplicates.
 */
import type { Rng } from '../rng.ts';
import { AI_EN, AI_ZH } from './ai-style.ts';
import type { Lang } from './bank-types.ts';
import { BANKS } from './banks/index.ts';
import { capitalise, endSentence, fill, type FillVars } from './fill.ts';
import { EN } from './generic-en.ts';
import { ZH } from './generic-zh.ts';
import type { NoteText, Subject } from './note-text.ts';
import { PERSONAS } from './personas.ts';
import { productTraits } from './product-traits.ts';
import { substituteSynonyms } from './synonyms.ts';

export type ParaphraseLevel = 'low' | 'medium' | 'high';

export interface Brief {
  subject: Subject;
  lang: Lang;
  /** selling-point indices into the category bank */
  attrs: number[];
  /** preferred wording per selling point */
  preferred: number[];
  hooks: string[];
  con: string | null;
  tags: string[];
  titles: string[];
  structure: number;
  disclosure: boolean;
  master?: NoteText;
  /** bodies already produced from the master (low paraphrase re-spins repeats) */
  seen?: Set<string>;
}

export function makeBrief(rng: Rng, subject: Subject, lang: Lang, disclosure = false): Brief {
  const lb = BANKS[subject.category][lang];
  const ai = lang === 'zh' ? AI_ZH : AI_EN;
  const traits = productTraits(lb, subject);
  const sig = rng.sample(traits.signature, rng.int(1, traits.signature.length));
  const rest = rng.sample(traits.allowed.filter((a) => !sig.includes(a)), rng.int(3, 5) - sig.length);
  const attrs = rng.shuffle([...sig, ...rest]);
  const vars: FillVars = { P: subject.name, T: subject.type, B: subject.brand };
  return {
    subject,
    lang,
    attrs,
    preferred: attrs.map((a) => rng.int(0, lb.attrs[a].length - 1)),
    hooks: rng.sample(lb.hooks, rng.int(1, 2)).map((h) => fill(h, vars, rng)),
    con: rng.chance(0.45) ? rng.pick(lb.cons) : null,
    tags: [...rng.sample(lb.tags, rng.int(2, 4)), ...(rng.chance(0.5) ? [subject.brand] : [])],
    titles: rng.sample([...ai.titles, ...lb.titles], 3),
    structure: rng.int(0, 3),
    disclosure,
  };
}

/** Titles are short on these platforms: ~30 characters in Chinese. */
export function clipTitle(s: string, lang: Lang): string {
  return Array.from(s).slice(0, lang === 'zh' ? 30 : 80).join('').trim();
}

export function composeBriefNote(rng: Rng, brief: Brief, persona: number, level: ParaphraseLevel): NoteText {
  if (level === 'low') {
    if (!brief.master) brief.master = render(rng, brief, persona, 'medium');
    return lightEdit(rng, brief, brief.master);
  }
  return render(rng, brief, persona, level);
}

/**
 * A light "spin" of the master copy, as cheap rewriting tools do: synonyms, punctuation and
 * emoji changes, a dropped or swapped line. Exact repeats are re-spun (filters catch those).
 */
function lightEdit(rng: Rng, brief: Brief, master: NoteText): NoteText {
  const seen = (brief.seen ??= new Set<string>());
  let out = master;
  for (let attempt = 0; attempt < 6; attempt++) {
    out = spin(rng, brief, master, 0.15 + attempt * 0.1);
    if (!seen.has(out.body)) break;
  }
  seen.add(out.body);
  return out;
}

function spin(rng: Rng, brief: Brief, master: NoteText, rate: number): NoteText {
  const ai = brief.lang === 'zh' ? AI_ZH : AI_EN;
  const lines = substituteSynonyms(master.body, brief.lang, rate, rng).split('\n');
  const tagLine = lines.length > 1 && lines[lines.length - 1].startsWith('#') ? lines.pop()! : null;
  if (lines.length > 3 && rng.chance(0.35)) lines.splice(rng.int(1, lines.length - 2), 1);
  if (lines.length > 3 && rng.chance(0.3)) {
    const i = rng.int(1, lines.length - 3);
    [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
  }
  for (let i = 0; i < lines.length; i++) {
    if (rng.chance(0.15)) lines[i] = lines[i].replace(/[！!]$/u, brief.lang === 'zh' ? rng.pick(['～', '。', '！！']) : rng.pick(['.', '!!']));
  }
  if (rng.chance(0.5)) lines[lines.length - 1] += rng.pick(ai.emoji);
  if (tagLine) lines.push(tagLine);
  const title = rng.chance(0.6) ? master.title : substituteSynonyms(master.title, brief.lang, 0.5, rng) + (rng.chance(0.5) ? rng.pick(ai.emoji) : '');
  return { ...master, title, body: lines.join('\n') };
}

function render(rng: Rng, brief: Brief, persona: number, level: 'medium' | 'high'): NoteText {
  const lang = brief.lang;
  const ai = lang === 'zh' ? AI_ZH : AI_EN;
  const g = lang === 'zh' ? ZH : EN;
  const lb = BANKS[brief.subject.category][lang];
  const pv = PERSONAS[persona][lang];
  const high = level === 'high';
  const vars: FillVars = { P: rng.chance(high ? 0.4 : 0.15) ? brief.subject.short : brief.subject.name, T: brief.subject.type, B: brief.subject.brand };
  const f = (t: string) => fill(t, vars, rng);
  const sep = lang === 'zh' ? '' : ' ';
  const end = (c: string) => endSentence(c, lang, rng, lang === 'zh' ? ['。', '！', '～'] : ['.', '!']);

  let points = brief.attrs.map((a, i) => {
    const variants = lb.attrs[a];
    const k = high ? rng.int(0, variants.length - 1) : rng.chance(0.65) ? brief.preferred[i] : rng.int(0, Math.min(2, variants.length - 1));
    return f(variants[k]);
  });
  if (high) {
    points = rng.shuffle(points).slice(0, rng.int(Math.min(2, points.length), points.length));
    if (rng.chance(0.35)) points.push(f(rng.pick(lb.attrs[rng.pick(productTraits(lb, brief.subject).allowed)])));
  } else if (rng.chance(0.5) && points.length > 2) {
    const i = rng.int(0, points.length - 2);
    [points[i], points[i + 1]] = [points[i + 1], points[i]];
  }
  const hook = f(rng.pick(ai.hookFrames).replace('{H}', rng.pick(brief.hooks)));
  const conLine = brief.con && (!high || rng.chance(0.6)) ? f(rng.pick(ai.conFrames).replace('{C}', brief.con)) : null;
  const intro = f(rng.pick(pv.intros));
  const usage = f(rng.pick(ai.usage));
  const structure = high ? rng.int(0, 3) : brief.structure;
  const lines: string[] = [];

  switch (structure) {
    case 0: {
      lines.push(end(`${intro}，${usage}`.replace('，', lang === 'zh' ? '，' : ', ')));
      if (high && rng.chance(0.5)) lines.push(end(f(rng.pick(lb.scenes)) + (lang === 'zh' ? '，' : ', ') + rng.pick(ai.sceneTails)));
      lines.push(f(rng.pick(ai.leads)));
      const b = rng.pick(ai.bullets);
      for (const p of points) lines.push(`${b}${sep}${p}`);
      lines.push(end(hook));
      if (conLine) lines.push(end(conLine));
      lines.push(end(f(rng.pick(ai.summaries))) + rng.pick(ai.ctas));
      break;
    }
    case 1: {
      lines.push(end(`${intro}${lang === 'zh' ? '！' : '! '}${f(rng.pick(lb.scenes))}${lang === 'zh' ? '，' : ', '}${usage}`));
      lines.push(rng.pick(ai.pros));
      points.forEach((p, i) => lines.push(`${ai.numbered[i % ai.numbered.length]}${sep}${p}`));
      lines.push(end(hook));
      if (brief.con) lines.push(`${rng.pick(ai.cons)}${sep}${brief.con}`);
      lines.push(end(f(rng.pick(ai.summaries))));
      lines.push(rng.pick(ai.ctas));
      break;
    }
    case 2: {
      lines.push(f(rng.pick(ai.qaIntro)));
      const a = lang === 'zh' ? 'A：' : 'A: ';
      const comma = lang === 'zh' ? '，' : ', ';
      const half = Math.ceil(points.length / 2);
      const pairs: [string, string][] = [
        [ai.qa[0], a + points.slice(0, half).join(comma)],
        [ai.qa[1], end(a + [...points.slice(half), hook].join(comma))],
        [ai.qa[2], end(a + f(rng.pick(pv.signoffs)))],
      ];
      if (conLine) pairs.push([ai.qa[3], end(a + conLine)]);
      const kept = high ? rng.shuffle(pairs).slice(0, rng.int(2, pairs.length)) : pairs;
      for (const [q, ans] of kept) lines.push(q, ans);
      lines.push(rng.pick(ai.ctas));
      break;
    }
    default: {
      const parts = [end(`${intro}${lang === 'zh' ? '，' : ', '}${usage}`)];
      for (const p of points) parts.push(end(f(rng.pick(g.attrFrames).replace('{A}', p))));
      parts.push(end(hook), rng.pick(ai.ctas));
      lines.push(parts.join(sep));
      break;
    }
  }
  if (high) {
    if (rng.chance(0.5)) lines.splice(1, 0, end(f(rng.pick(pv.asides))));
    if (rng.chance(0.4)) lines.splice(Math.min(lines.length, 2), 0, end(f(rng.pick(lb.details))));
    if (rng.chance(0.3)) lines.push(end(f(rng.pick(pv.signoffs))));
  }
  if (brief.disclosure) lines.unshift(f(rng.pick(ai.disclosure)));
  let body = lines.join('\n');
  let title = f(rng.pick(brief.titles));
  if (rng.chance(0.5)) title += rng.pick(ai.emoji);
  const rate = high ? 0.45 : 0.25;
  body = substituteSynonyms(body, lang, rate, rng);
  title = substituteSynonyms(title, lang, rate, rng);
  const tags = high ? rng.sample(brief.tags, rng.int(2, brief.tags.length)) : brief.tags.slice();
  if (brief.disclosure) tags.push(lang === 'zh' ? '合作' : 'ad');
  if (rng.chance(0.85)) body += '\n' + tags.map((t) => '#' + t).join(' ');
  if (lang === 'en') {
    body = capitalise(body);
    title = capitalise(title);
  }
  return { title: clipTitle(title, lang), body, tags, lang };
}
