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
  /** per selling point: the product-type indices it applies to (null = every type) */
  attrTypes: (ReadonlySet<number> | null)[];
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

/**
 * An attribute group may start with a type filter: `@1,2:` (only these type indices) or
 * `!3,8:` (all but these). Type lists are index-aligned between zh and en.
 */
function parseAttr(raw: string, typeCount: number): { phrases: string[]; types: ReadonlySet<number> | null } {
  const m = /^([@!])([\d,]+):/.exec(raw);
  if (!m) return { phrases: split(raw), types: null };
  const listed = new Set(m[2].split(',').map(Number));
  const types = m[1] === '@' ? listed : new Set(Array.from({ length: typeCount }, (_, i) => i).filter((i) => !listed.has(i)));
  return { phrases: split(raw.slice(m[0].length)), types };
}

/** Selling-point indices that make sense for a product type. */
export function attrsForType(lb: LangBank, typeIdx: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < lb.attrs.length; i++) if (!lb.attrTypes[i] || lb.attrTypes[i]!.has(typeIdx)) out.push(i);
  return out;
}

export function bank(raw: RawLangBank): LangBank {
  const types = split(raw.types);
  const parsed = raw.attrs.map((a) => parseAttr(a, types.length));
  return {
    types,
    series: split(raw.series),
    attrs: parsed.map((p) => p.phrases),
    attrTypes: parsed.map((p) => p.types),
    cons: split(raw.cons),
    scenes: split(raw.scenes),
    details: split(raw.details),
    hooks: split(raw.hooks),
    tags: split(raw.tags),
    titles: split(raw.titles),
  };
}
