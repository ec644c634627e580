/** What a composer returns, and the writer habits it reads. */
import type { CategoryKey, Lang } from './bank-types.ts';

export interface NoteText {
  title: string;
  body: string;
  tags: string[];
  lang: Lang;
}

export interface Writer {
  lang: Lang;
  /** writes traditional characters (HK/TW users) */
  trad: boolean;
  persona: number;
  /** emoji after a sentence, probability */
  emojiRate: number;
  /** expected typos per 100 characters */
  typoRate: number;
  /** English writers who capitalise sentences */
  capitalises: boolean;
  /** paragraph break between sentences, probability */
  breakRate: number;
}

/** The product a note is about, as the composer needs it. */
export interface Subject {
  category: CategoryKey;
  name: string;
  short: string;
  type: string;
  brand: string;
  /** index into the category's (language-aligned) type list */
  typeIdx: number;
  /** stable product key: the product's signature traits derive from it */
  key: number;
}
