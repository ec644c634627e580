/** Shared state the planners (rings, hard negatives) read and extend before the stream runs. */
import type { SimAccount } from './account.ts';
import { AliasTable } from './alias-table.ts';
import type { Catalog, Product } from './catalog.ts';
import type { IdMint } from './id-mint.ts';
import type { Item } from './items.ts';
import type { IpPool } from './profile.ts';
import type { Rng } from './rng.ts';
import type { ScenarioParams } from './scenarios.ts';
import type { Lang } from './text/bank-types.ts';
import type { Subject } from './text/note-text.ts';

export interface PlanContext {
  rng: Rng;
  seed: number;
  params: ScenarioParams;
  start: number;
  end: number;
  catalog: Catalog;
  /** every account in the run; planners append ring accounts */
  accounts: SimAccount[];
  accountMint: IdMint;
  ips: IpPool;
  /** items planned up front (pushed to the engine's queue before the stream starts) */
  items: Item[];
  /** genuine accounts already claimed by a hard-negative group (kept disjoint) */
  claimed: Set<number>;
  /** planners' estimate of the events their plans will emit (for calibrating the background) */
  expected: { events: number };
}

/** Expected organic events a note of this appeal draws (likes plus follow-on actions). */
export function expectedOrganic(appeal: number): number {
  return ORGANIC.baseLikes * appeal * ORGANIC.followOn;
}

export const ORGANIC = Object.freeze({
  /** mean likes of an appeal-1 note */
  baseLikes: 1.5,
  /** events per like: the like itself, collects, comments, shares, follows, extra comments */
  followOn: 1 + 0.28 + 0.1 + 0.025 + 0.02 + 0.05,
  collect: 0.28,
  comment: 0.1,
  share: 0.025,
  follow: 0.02,
  extraComments: 0.05,
});

export function subjectOf(cat: Catalog, p: Product, lang: Lang): Subject {
  const b = cat.brands[p.brand];
  return { category: p.category, name: p.name[lang], short: p.short[lang], type: p.type[lang], brand: lang === 'zh' ? b.zh : b.en, typeIdx: p.typeIdx, key: p.idx };
}

/** Schedule an item planned up front; times outside the stream are dropped. */
export function plan(ctx: PlanContext, item: Item): void {
  if (item.time >= ctx.start - 0 && item.time < ctx.end) ctx.items.push(item);
}

/**
 * Genuine accounts for a hard-negative group: drawn by the given weight, not yet claimed,
 * registered before `before`.
 */
export function claimGenuine(ctx: PlanContext, n: number, weight: (a: SimAccount) => number, before: number): SimAccount[] {
  const pool = ctx.accounts.filter((a) => a.ring < 0 && !ctx.claimed.has(a.idx) && a.registeredAt < before);
  if (pool.length === 0) return [];
  const table = new AliasTable(pool.map(weight));
  const out: SimAccount[] = [];
  const want = Math.min(n, Math.floor(pool.length * 0.8));
  for (let tries = 0; out.length < want && tries < want * 20; tries++) {
    const a = pool[table.sample(ctx.rng)];
    if (ctx.claimed.has(a.idx)) continue;
    ctx.claimed.add(a.idx);
    out.push(a);
  }
  return out;
}
