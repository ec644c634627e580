/**
 * The genuine background note: an author drawn by posting weight, a product drawn by Zipf
 * popularity within one of the author's interests (sometimes none: a lifestyle post), text from
 * the genuine composer, and an organic appeal that is heavy-tailed and higher for creators.
 */
import type { SimAccount } from './account.ts';
import { drawProduct, type Catalog, type Product } from './catalog.ts';
import { MINUTE } from './clock.ts';
import type { NoteSpec } from './items.ts';
import { subjectOf } from './plan-context.ts';
import type { Population } from './population.ts';
import type { Rng } from './rng.ts';
import { composeGenuineNote, type GenuineMode } from './text/compose-genuine.ts';

export function pickAuthor(rng: Rng, pop: Population, t: number): SimAccount | undefined {
  for (let i = 0; i < 5; i++) {
    const a = pop.accounts[pop.noteTable.sample(rng)];
    if (!a.registersInStream || a.registeredAt + 30 * MINUTE < t) return a;
  }
  return undefined;
}

export function genuineAppeal(rng: Rng, a: SimAccount): number {
  return rng.logNormal(1, 1.0) * (a.verified ? 3 : 1) * (1 + 0.1 * Math.log1p(a.noteWeight));
}

export interface GenuineNoteOptions {
  product?: Product | null;
  mode?: GenuineMode;
  appeal?: number;
  onPublish?: NoteSpec['onPublish'];
  /** a lead-in sentence prepended to the body (e.g. a trending hook) */
  prefix?: (rng: Rng) => string;
}

export function genuineNoteSpec(rng: Rng, cat: Catalog, author: SimAccount, o: GenuineNoteOptions = {}): NoteSpec {
  const product = o.product !== undefined ? o.product : rng.chance(0.9) ? drawProduct(cat, rng, rng.pick(author.interests)) : null;
  const lang = author.writer.lang;
  return {
    author,
    product,
    appeal: o.appeal ?? genuineAppeal(rng, author),
    compose: (r) => {
      const text = composeGenuineNote(r, author.writer, product ? subjectOf(cat, product, lang) : null, o.mode);
      if (o.prefix) text.body = o.prefix(r) + text.body;
      return text;
    },
    onPublish: o.onPublish,
  };
}
