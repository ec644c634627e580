/**
 * Builds one run's world from a scenario and seed: catalog, genuine population, ring and
 * hard-negative plans, the legacy (pre-stream) note pool, and the genuine background rates
 * calibrated so that the total lands near `targetEvents`.
 */
import type { SimAccount } from './account.ts';
import { AliasTable } from './alias-table.ts';
import { buildCatalog, type Catalog } from './catalog.ts';
import { DAY } from './clock.ts';
import type { HardNegativeGroup } from './hard-negatives/group.ts';
import { planAiCreators } from './hard-negatives/plan-ai-creators.ts';
import { planCampaign } from './hard-negatives/plan-campaign.ts';
import { planFanCommunity } from './hard-negatives/plan-fan-community.ts';
import { planHouseholds } from './hard-negatives/plan-households.ts';
import { planRepostChain } from './hard-negatives/plan-repost-chain.ts';
import { planViral } from './hard-negatives/plan-viral.ts';
import { IdMint } from './id-mint.ts';
import type { Item } from './items.ts';
import { expectedOrganic, plan, type PlanContext } from './plan-context.ts';
import { planRings } from './plan-rings.ts';
import { buildPopulation, indexPopulation, type Population } from './population.ts';
import { IpPool } from './profile.ts';
import { Rng } from './rng.ts';
import { genuineAppeal } from './genuine-notes.ts';
import type { RingPlan } from './ring-types.ts';
import type { ScenarioParams } from './scenarios.ts';

export interface World {
  params: ScenarioParams;
  seed: number;
  start: number;
  end: number;
  catalog: Catalog;
  accounts: SimAccount[];
  pop: Population;
  rings: RingPlan[];
  hardNegatives: HardNegativeGroup[];
  items: Item[];
  genuineNotesPerHour: number;
  legacyPerHour: number;
  followsPerHour: number;
  profileChangesPerHour: number;
  legacy: { ids: string[]; table: AliasTable };
  noteMint: IdMint;
  eventMint: IdMint;
  rng: Rng;
}

/**
 * Events one genuine background note brings besides itself and its organic reactions: its
 * share of legacy-note interactions, background follows, profile changes and first-appearance
 * account snapshots. Fitted on demo/ci/default (docs/simulator.md, "Calibration").
 */
export const BACKGROUND_OVERHEAD_PER_NOTE = 0.9;

/** Mean organic appeal of a background note, estimated from the population itself. */
function meanGenuineAppeal(pop: Population, rng: Rng): number {
  let sum = 0;
  const n = 4000;
  for (let i = 0; i < n; i++) sum += genuineAppeal(rng, pop.accounts[pop.noteTable.sample(rng)]);
  return sum / n;
}

export function buildWorld(params: ScenarioParams, seed: number): World {
  const root = new Rng(seed);
  const start = Date.parse(params.start);
  const end = start + params.days * DAY;
  const catalog = buildCatalog(root.fork('catalog'), seed, params.products, params.zipfExponent);
  const accountMint = new IdMint(seed, 'account');
  const ips = new IpPool(root.fork('ips'), Math.max(50, Math.round((params.targetEvents * params.usersPerKEvents) / 1000 / 6)));
  const users = Math.round((params.targetEvents * params.usersPerKEvents) / 1000);
  const accounts = buildPopulation(root.fork('population'), accountMint, ips, { users, zhShare: params.zhShare, newUserShare: params.newUserShare, start, end });
  const ctx: PlanContext = {
    rng: root.fork('plans'),
    seed,
    params,
    start,
    end,
    catalog,
    accounts,
    accountMint,
    ips,
    items: [],
    claimed: new Set(),
    expected: { events: 0 },
  };
  // genuine sign-ups during the stream register at their registration time, active or not
  for (const a of accounts) if (a.registersInStream) plan(ctx, { kind: 'account', time: a.registeredAt, seq: 0, acc: a, action: 'register' });
  const hn = params.hardNegatives;
  const hardNegatives: HardNegativeGroup[] = [];
  for (let k = 0; k < hn.viralEvents; k++) hardNegatives.push(planViral(ctx, k));
  if (hn.aiCreators > 0) hardNegatives.push(planAiCreators(ctx));
  for (let k = 0; k < hn.fanCommunities; k++) hardNegatives.push(planFanCommunity(ctx, k));
  for (let k = 0; k < hn.declaredCampaigns; k++) hardNegatives.push(planCampaign(ctx, k));
  hardNegatives.push(...planHouseholds(ctx));
  for (let k = 0; k < hn.repostChains; k++) hardNegatives.push(planRepostChain(ctx, k));
  const rings = planRings(ctx);
  const pop = indexPopulation(accounts);

  const hours = params.days * 24;
  const background = Math.max(0, params.targetEvents - ctx.expected.events);
  const appeal = meanGenuineAppeal(pop, root.fork('calibration'));
  const organicPerNote = expectedOrganic(appeal);
  const perNote = 1 + organicPerNote * (1 + params.noise.legacyInteractionShare) + BACKGROUND_OVERHEAD_PER_NOTE;
  const genuineNotesPerHour = background / perNote / hours;
  const noteMint = new IdMint(seed, 'note');
  const legacyCount = Math.max(200, Math.round(genuineNotesPerHour * hours * 0.4));
  const legacyIds: string[] = [];
  const legacyW: number[] = [];
  const lr = root.fork('legacy');
  for (let i = 0; i < legacyCount; i++) {
    legacyIds.push(noteMint.next());
    legacyW.push(lr.pareto(1, 1.2));
  }
  return {
    params,
    seed,
    start,
    end,
    catalog,
    accounts,
    pop,
    rings,
    hardNegatives,
    items: ctx.items,
    genuineNotesPerHour,
    legacyPerHour: (genuineNotesPerHour * organicPerNote * params.noise.legacyInteractionShare) / (1 - params.noise.legacyInteractionShare),
    followsPerHour: genuineNotesPerHour * 0.15,
    profileChangesPerHour: (users / 1000) * ((params.noise.accountUpdatesPerKDay + params.noise.accountDeletesPerKDay) / 24),
    legacy: { ids: legacyIds, table: new AliasTable(legacyW) },
    noteMint,
    eventMint: new IdMint(seed, 'event'),
    rng: root.fork('engine'),
  };
}
