/**
 * The platform's catalog of targets: brands, merchants, products (Zipf-popular, thousands of
 * them across categories) and hashtag topics. Built once per run from the scenario seed.
 */
import { AliasTable } from './alias-table.ts';
import { IdMint } from './id-mint.ts';
import type { Rng } from './rng.ts';
import { CATEGORY_KEYS, type CategoryKey, type Lang } from './text/bank-types.ts';
import { BANKS } from './text/banks/index.ts';

export interface Brand {
  id: string;
  zh: string;
  en: string;
  category: CategoryKey;
  merchantIdx: number;
}

export interface Merchant {
  id: string;
  name: string;
}

export interface Product {
  id: string;
  idx: number;
  category: CategoryKey;
  brand: number;
  merchant: number;
  /** display names and short names per language */
  name: Record<Lang, string>;
  short: Record<Lang, string>;
  type: Record<Lang, string>;
  typeIdx: number;
  /** relative popularity (Zipf weight) */
  popularity: number;
  /** popularity rank, 0 = most popular */
  rank: number;
  officialMedia: string[];
  url: string;
}

export interface Catalog {
  brands: Brand[];
  merchants: Merchant[];
  products: Product[];
  /** product indices sorted by rank */
  byRank: number[];
  popularTable: AliasTable;
  byCategory: Record<CategoryKey, { products: number[]; table: AliasTable }>;
  /** hashtag text → topic id */
  topics: Map<string, string>;
}

export const CATEGORY_WEIGHTS: Readonly<Record<CategoryKey, number>> = Object.freeze({
  skincare: 0.22, food: 0.18, fashion: 0.16, electronics: 0.12, home: 0.12, travel: 0.08, parenting: 0.07, fitness: 0.05,
});

const ZH_SYL = '澜肌研悦植初禾朵素然优品米岚栖纪森谷野鹿橙柚麦屿桃糖星月言可蔻安沐予一木尚潮颜奈茉芙蕾兰雅诗韵臻铂宸熙汐'.split('');
const EN_SYL = 'lu me ra vi so na ka ze lo fi ta mo ri el an or is ve ly ne cu da po sa'.split(' ');
const RESELLER = '严选|的小店|海外购|好物社|优选|生活馆|百货|集合店'.split('|');
const RESELLER_STEM = '小鹿|橙子|木子|阿七|星空|初见|拾光|半岛|暖阳|栗子|青禾|麦田'.split('|');

function brandNames(rng: Rng, category: CategoryKey): { zh: string; en: string } {
  const zh = rng.pick(ZH_SYL) + rng.pick(ZH_SYL) + (rng.chance(0.15) ? rng.pick(ZH_SYL) : '');
  const n = rng.chance(0.6) ? 2 : 3;
  let en = '';
  for (let i = 0; i < n; i++) en += rng.pick(EN_SYL);
  en = en.charAt(0).toUpperCase() + en.slice(1);
  if (category === 'electronics' && rng.chance(0.4)) en = en.toUpperCase().slice(0, 5);
  return { zh, en };
}

export function buildCatalog(rng: Rng, seed: number, productCount: number, zipfExponent: number): Catalog {
  const productMint = new IdMint(seed, 'product');
  const brandMint = new IdMint(seed, 'brand');
  const merchantMint = new IdMint(seed, 'merchant');
  const topicMint = new IdMint(seed, 'topic');

  const merchants: Merchant[] = [];
  const resellers: number[] = [];
  for (let i = 0; i < Math.max(12, Math.round(productCount / 60)); i++) {
    resellers.push(merchants.length);
    merchants.push({ id: merchantMint.next(), name: rng.pick(RESELLER_STEM) + rng.pick(RESELLER) });
  }

  const brands: Brand[] = [];
  const brandsByCat = new Map<CategoryKey, number[]>();
  const brandCount = Math.max(CATEGORY_KEYS.length * 4, Math.round(productCount / 7));
  for (let i = 0; i < brandCount; i++) {
    const category = CATEGORY_KEYS[i < CATEGORY_KEYS.length * 4 ? i % CATEGORY_KEYS.length : rng.weightedIndex(CATEGORY_KEYS.map((c) => CATEGORY_WEIGHTS[c]))];
    const names = brandNames(rng, category);
    const merchantIdx = merchants.length;
    merchants.push({ id: merchantMint.next(), name: `${names.zh}官方旗舰店` });
    brands.push({ id: brandMint.next(), ...names, category, merchantIdx });
    const list = brandsByCat.get(category) ?? [];
    list.push(i);
    brandsByCat.set(category, list);
  }

  const products: Product[] = [];
  const order = rng.shuffle(Array.from({ length: productCount }, (_, i) => i));
  for (let i = 0; i < productCount; i++) {
    const category = i < CATEGORY_KEYS.length * 3 ? CATEGORY_KEYS[i % CATEGORY_KEYS.length] : CATEGORY_KEYS[rng.weightedIndex(CATEGORY_KEYS.map((c) => CATEGORY_WEIGHTS[c]))];
    const bank = BANKS[category];
    const brand = rng.pick(brandsByCat.get(category)!);
    const b = brands[brand];
    const ti = rng.int(0, Math.min(bank.zh.types.length, bank.en.types.length) - 1);
    const si = rng.int(0, Math.min(bank.zh.series.length, bank.en.series.length) - 1);
    const type = { zh: bank.zh.types[ti], en: bank.en.types[ti] };
    const series = { zh: bank.zh.series[si], en: bank.en.series[si] };
    const travel = category === 'travel';
    const name = {
      zh: travel ? `${series.zh}${b.zh}${type.zh}` : `${b.zh}${series.zh}${type.zh}`,
      en: travel ? `${b.en} ${series.en} ${type.en}` : `${b.en} ${series.en} ${type.en}`,
    };
    const short = {
      zh: travel ? `${b.zh}${type.zh}` : rng.chance(0.5) ? `${b.zh}${type.zh}` : `${series.zh}${type.zh}`,
      en: `${b.en} ${type.en}`,
    };
    const rank = order[i];
    const id = productMint.next();
    products.push({
      id,
      idx: i,
      category,
      brand,
      merchant: rng.chance(0.65) ? b.merchantIdx : rng.pick(resellers),
      name,
      short,
      type,
      typeIdx: ti,
      popularity: 1 / Math.pow(rank + 1, zipfExponent),
      rank,
      officialMedia: [rng.hex(16), rng.hex(16), rng.hex(16)],
      url: `https://item.shopmall.cn/p/${id}`,
    });
  }
  const byRank = products.map((p) => p.idx).sort((a, b) => products[a].rank - products[b].rank);
  const byCategory = {} as Catalog['byCategory'];
  for (const c of CATEGORY_KEYS) {
    const list = products.filter((p) => p.category === c).map((p) => p.idx);
    byCategory[c] = { products: list, table: new AliasTable(list.map((i) => products[i].popularity)) };
  }
  const topics = new Map<string, string>();
  for (const c of CATEGORY_KEYS) {
    for (const lang of ['zh', 'en'] as const) for (const t of BANKS[c][lang].tags) if (!topics.has(t)) topics.set(t, topicMint.next());
  }
  for (const t of ['好物分享', '日常', '生活记录', '合作', 'ad', 'daily', 'life'])
    if (!topics.has(t)) topics.set(t, topicMint.next());
  return { brands, merchants, products, byRank, popularTable: new AliasTable(products.map((p) => p.popularity)), byCategory, topics };
}

/** A product of the category drawn by popularity. */
export function drawProduct(cat: Catalog, rng: Rng, category?: CategoryKey): Product {
  if (!category) return cat.products[cat.popularTable.sample(rng)];
  const c = cat.byCategory[category];
  return cat.products[c.products[c.table.sample(rng)]];
}

/** A product from a popularity band: rank fraction in [lo, hi) of the catalog, optionally in one category. */
export function productInBand(cat: Catalog, rng: Rng, lo: number, hi: number, category?: CategoryKey): Product {
  const n = cat.byRank.length;
  for (let i = 0; i < 200; i++) {
    const r = Math.min(n - 1, Math.floor(rng.uniform(lo, hi) * n));
    const p = cat.products[cat.byRank[r]];
    if (!category || p.category === category) return p;
  }
  return cat.products[cat.byRank[Math.min(n - 1, Math.floor(lo * n))]];
}
