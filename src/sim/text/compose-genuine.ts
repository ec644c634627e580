/**
 * Genuine user notes: one of several everyday structures (quick take, review, pros/cons list,
 * story, question, complaint, lifestyle post), built from the category banks with the writer's
 * own habits — emoji density, typos, paragraphing, traditional characters, casing.
 */
import type { Rng } from '../rng.ts';
import type { LangBank } from './bank-types.ts';
import { BANKS } from './banks/index.ts';
import { toTraditional } from './evasion.ts';
import { capitalise, endSentence, fill, joinSentences, type FillVars } from './fill.ts';
import { EN } from './generic-en.ts';
import { ZH } from './generic-zh.ts';
import type { NoteText, Subject, Writer } from './note-text.ts';
import { clipTitle } from './compose-brief.ts';
import { PERSONAS } from './personas.ts';
import { productTraits } from './product-traits.ts';
import { addTypos } from './typos.ts';

const TERMINAL = { zh: ['。', '！', '～', '…', '！！'], en: ['.', '!', '...', '!!'] } as const;

export type GenuineMode = 'quick' | 'review' | 'list' | 'story' | 'question' | 'complaint' | 'lifestyle';

const MODE_WEIGHTS: readonly (readonly [GenuineMode, number])[] = [
  ['quick', 0.26], ['review', 0.28], ['list', 0.09], ['story', 0.14], ['question', 0.08], ['complaint', 0.07], ['lifestyle', 0.08],
];

export function pickGenuineMode(rng: Rng, hasSubject: boolean): GenuineMode {
  if (!hasSubject) return 'lifestyle';
  const m = rng.weighted(MODE_WEIGHTS);
  return m === 'lifestyle' ? 'quick' : m;
}

export function composeGenuineNote(rng: Rng, w: Writer, subject: Subject | null, mode?: GenuineMode): NoteText {
  const m = subject === null ? 'lifestyle' : (mode ?? pickGenuineMode(rng, true));
  const g = w.lang === 'zh' ? ZH : EN;
  const lb: LangBank | null = subject ? BANKS[subject.category][w.lang] : null;
  const vars: FillVars = subject ? { P: rng.chance(0.35) ? subject.short : subject.name, T: subject.type, B: subject.brand } : {};
  const f = (t: string) => fill(t, vars, rng);
  const traits = subject && lb ? productTraits(lb, subject) : null;
  const attr = () => f(rng.pick(lb!.attrs[rng.chance(0.55) ? rng.pick(traits!.signature) : rng.pick(traits!.allowed)]));
  const claim = () => f(rng.pick(g.attrFrames).replace('{A}', attr()));
  const con = () => f(rng.pick(g.conFrames).replace('{C}', rng.pick(lb!.cons)));
  const persona = PERSONAS[w.persona][w.lang];
  const sentences: string[] = [];
  const withScene = (scene: string, clause: string) => f(scene) + (w.lang === 'zh' ? rng.pick(['，', '，', ' ']) : ', ') + clause;
  const nClaims = () => Math.max(1, Math.min(5, Math.round(rng.logNormal(2, 0.45))));

  switch (m) {
    case 'lifestyle':
      sentences.push(rng.pick(g.lifestyle));
      if (rng.chance(0.5)) sentences.push(rng.pick(g.lifestyleTails));
      break;
    case 'quick':
      if (rng.chance(0.3)) sentences.push(rng.pick(g.openers));
      if (rng.chance(0.5)) sentences.push(f(rng.pick(g.usage)));
      else sentences.push(withScene(rng.pick(lb!.scenes), claim()));
      for (let i = 0, n = rng.int(0, 1); i < n; i++) sentences.push(claim());
      if (rng.chance(0.6)) sentences.push(rng.pick(g.posVerdicts));
      break;
    case 'review':
    case 'story': {
      if (rng.chance(m === 'story' ? 0.2 : 0.45)) sentences.push(rng.pick(g.openers));
      if (rng.chance(0.55)) sentences.push(f(rng.pick(lb!.details)));
      if (rng.chance(0.2)) sentences.push(f(rng.pick(persona.asides)));
      if (m === 'story' || rng.chance(0.5)) sentences.push(withScene(rng.pick(lb!.scenes), f(rng.pick(g.usage))));
      else sentences.push(f(rng.pick(g.usage)));
      const k = m === 'story' ? rng.int(1, 2) : nClaims();
      for (let i = 0; i < k; i++) sentences.push(claim());
      if (rng.chance(0.45)) sentences.push(con());
      sentences.push(rng.chance(0.8) ? rng.pick(g.posVerdicts) : rng.pick(g.neutralVerdicts));
      if (rng.chance(0.25)) sentences.push(rng.pick(g.closers));
      break;
    }
    case 'list': {
      const lead = w.lang === 'zh' ? rng.pick(['优点：', '说说优点：', '✅优点', '好的地方：']) : rng.pick(['pros:', 'the good:', 'what i like:']);
      const bullets = rng.chance(0.5) ? g.numberBullets : [rng.pick(g.bullets)];
      const items: string[] = [];
      const picked = new Set<string>();
      for (let i = 0, n = nClaims() + 1; i < n * 2 && picked.size < n; i++) picked.add(attr());
      [...picked].forEach((x, i) => items.push(`${bullets[i % bullets.length]}${w.lang === 'zh' ? '' : ' '}${x}`));
      const conLead = w.lang === 'zh' ? rng.pick(['缺点：', '❌缺点：', '不足：']) : rng.pick(['cons:', 'the bad:']);
      const head = endSentence(f(rng.pick(g.usage)), w.lang, rng, TERMINAL[w.lang]);
      let body = `${head}\n${lead}\n${items.join('\n')}`;
      if (rng.chance(0.75)) body += `\n${conLead}${w.lang === 'zh' ? '' : ' '}${rng.pick(lb!.cons)}`;
      body += `\n${endSentence(rng.pick(g.posVerdicts), w.lang, rng, TERMINAL[w.lang])}`;
      return finish(rng, w, subject, f(rng.pick([...g.titles, ...lb!.titles])), body, lb);
    }
    case 'question':
      sentences.push(f(rng.pick(g.questions)));
      sentences.push(rng.pick(g.questionTails));
      if (rng.chance(0.5)) sentences.push(f(rng.pick(lb!.details)));
      if (rng.chance(0.3)) sentences.push(withScene(rng.pick(lb!.scenes), w.lang === 'zh' ? `想找一款好用的${vars.T}` : `looking for a good ${vars.T}`));
      break;
    case 'complaint':
      sentences.push(f(rng.pick(g.usage)));
      if (rng.chance(0.4)) sentences.push(f(rng.pick(lb!.details)));
      if (rng.chance(0.35)) sentences.push(claim());
      for (let i = 0, n = rng.int(1, 3); i < n; i++) sentences.push(con());
      sentences.push(rng.pick(g.negVerdicts));
      break;
  }
  const ended = sentences.map((s, i) => {
    let e = endSentence(s, w.lang, rng, i === sentences.length - 1 ? TERMINAL[w.lang] : g.sentenceEnds);
    if (rng.chance(w.emojiRate)) e += rng.pick(g.emoji) + (rng.chance(0.3) ? rng.pick(g.emoji) : '');
    return e;
  });
  const body = joinSentences(ended, w.lang, rng, w.breakRate);
  const titlePool = subject ? (rng.chance(0.5) ? g.titles : lb!.titles) : [rng.pick(g.lifestyle)];
  let title = m === 'question' ? f(rng.pick([...g.questions, w.lang === 'zh' ? '求推荐{T}' : 'need {T} recs'])) : f(rng.pick(titlePool));
  if (rng.chance(w.emojiRate)) title += rng.pick(g.emoji);
  return finish(rng, w, subject, title, body, lb);
}

function finish(rng: Rng, w: Writer, subject: Subject | null, title: string, body: string, lb: LangBank | null): NoteText {
  const tags: string[] = [];
  const nTags = rng.weighted([[0, 0.2], [1, 0.2], [2, 0.25], [3, 0.2], [4, 0.1], [6, 0.05]] as const);
  const pool = lb ? lb.tags : w.lang === 'zh' ? ['日常', '生活记录'] : ['daily', 'life'];
  for (const t of rng.sample(pool, nTags)) tags.push(t);
  if (subject && rng.chance(0.25)) tags.push(subject.brand);
  if (rng.chance(0.3)) tags.push(w.lang === 'zh' ? '好物分享' : 'life');
  let b = body;
  if (w.typoRate > 0) b = addTypos(b, w.lang, rng.poisson((w.typoRate * b.length) / 100), rng);
  if (w.lang === 'en' && w.capitalises) {
    b = capitalise(b);
    title = capitalise(title);
  }
  const uniq = [...new Set(tags)];
  if (uniq.length > 0 && rng.chance(0.75)) b += (rng.chance(0.6) ? '\n' : ' ') + uniq.map((t) => '#' + t).join(' ');
  if (w.trad) {
    b = toTraditional(b);
    title = toTraditional(title);
  }
  return { title: clipTitle(title, w.lang), body: b, tags: uniq, lang: w.lang };
}
