/**
 * Shape of the phrase banks the note composers draw from. Banks are written as `|`-separated
 * strings for density and expanded once at load (see `bank()`).
 *
 * Placeholders inside phrases: {P} product display name, {T} product type, {B} brand,
 * {n} a small number, {S} a scene clause. Attribute and drawback entries are clauses that
 * read naturally after frames such as "最惊喜的是…" / "what surprised me most: …".
 */
export const CATEGORY_KEYS = [
  'skincare',
  'food',
  'travel',
  'electronics',
  'fashion',
  'home',
  'parenting',
  'fitness',
] as const;
export type CategoryKey = (typeof CATEGORY_KEYS)[number];
export type Lang = 'zh' | 'en';

export interface LangBank {
  /** product type nouns */
  types: string[];
  /** product-name descriptors placed between brand and type */
  series: string[];
  /** selling points: each inner list is one point, rendered several ways */
  attrs: string[][];
  /** drawbacks (clauses) */
  cons: string[];
  /** usage contexts (clauses) */
  scenes: string[];
  /** personal details a user adds (clauses) */
  details: string[];
  /** marketing hooks briefs push (clauses, may contain {n}) */
  hooks: string[];
  /** hashtags without '#' */
  tags: string[];
  /** category-specific title templates */
  titles: string[];
}

export interface CategoryBank {
  key: CategoryKey;
  zh: LangBank;
  en: LangBank;
}

export interface RawLangBank {
  types: string;
  series: string;
  attrs: string[];
  cons: string;
  scenes: string;
  details: string;
  hooks: string;
  tags: string;
  titles: string;
}

const split = (s: string): string[] =>
  s
    .split('|')
    .map((x) => x.trim())
    .filter((x) => x.length > 0);

export function bank(raw: RawLangBank): LangBank {
  return {
    types: split(raw.types),
    series: split(raw.series),
    attrs: raw.attrs.map(split),
    cons: split(raw.cons),
    scenes: split(raw.scenes),
    details: split(raw.details),
    hooks: split(raw.hooks),
    tags: split(raw.tags),
    titles: split(raw.titles),
  };
}
