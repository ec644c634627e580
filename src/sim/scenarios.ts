/**
 * Scenario parameters. Each scenario is a frozen plain record; docs/simulator.md has the table.
 * `targetEvents` is what the generator calibrates the genuine background to: rings and hard
 * negatives are planned first, the genuine note rate fills the remainder.
 */
import { ERROR_CODES, RingwatchError } from '../errors/codes.ts';

export type Mix<K extends string> = Readonly<Record<K, number>>;
export type Range = readonly [number, number];

export interface RingParams {
  /** number of ordinary rings */
  count: number;
  /** ring size: log-normal median and sigma, clipped to [5, sizeMax] */
  sizeMedian: number;
  sizeSigma: number;
  sizeMax: number;
  /** extra large rings (mostly periphery boosters), sized uniformly in [100, largeMax] */
  large: number;
  largeMax: number;
  /** rings per operator, uniform in range */
  ringsPerOperator: Range;
  paraphrase: Mix<'low' | 'medium' | 'high'>;
  posting: Mix<'burst' | 'drip' | 'mixed'>;
  registration: Mix<'burst' | 'aged' | 'mixed'>;
  deviceSharing: Mix<'farm' | 'partial' | 'none'>;
  ipSharing: Mix<'shared_prefix' | 'proxy_pool' | 'residential'>;
  /** probability that a ring uses text evasion (1–3 techniques) */
  evasion: number;
  /** probability that a ring also jitters its timing widely */
  timingJitter: number;
  /** share of ring members' notes that are camouflage (genuine-looking, popular products) */
  camouflage: Range;
  /** camouflage likes on popular genuine notes, per member per active day */
  camouflageLikesPerDay: Range;
  /** fraction of members boosting each coordinated note */
  boostFraction: Range;
  /** median delay of a boost, minutes */
  boostDelayMinutes: Range;
  /** coordinated notes per core member over the campaign */
  notesPerCore: Range;
  /** campaign length, days */
  campaignDays: Range;
  /** share of rings targeting a mid-popular product instead of a niche one */
  midPopularTargets: number;
  /** share of rings whose members' nicknames share a stem */
  nicknamePattern: number;
  /** share of rings that reuse an image pool across members */
  mediaReuse: number;
}

export interface HardNegativeParams {
  viralEvents: number;
  viralPosters: number;
  aiCreators: number;
  aiNotesPerCreator: Range;
  fanCommunities: number;
  fansPerCommunity: number;
  declaredCampaigns: number;
  campaignCreators: number;
  households: number;
  offices: number;
  repostChains: number;
  repostsPerChain: number;
}

export interface NoiseParams {
  /** genuine notes later edited / deleted */
  editRate: number;
  deleteRate: number;
  /** genuine account profile updates / deletions per 1k accounts per day */
  accountUpdatesPerKDay: number;
  accountDeletesPerKDay: number;
  /** share of interactions on notes published before the stream */
  legacyInteractionShare: number;
  /** share of events delivered late by seconds, and by minutes */
  lateSeconds: number;
  lateMinutes: number;
  /** max delivery lag, minutes (never hours) */
  maxLagMinutes: number;
}

export interface ScenarioParams {
  name: string;
  description: string;
  /** stream start, ISO-8601 */
  start: string;
  days: number;
  targetEvents: number;
  /** genuine users per 1k target events */
  usersPerKEvents: number;
  products: number;
  zipfExponent: number;
  zhShare: number;
  /** share of genuine users registering during the stream */
  newUserShare: number;
  rings: RingParams;
  hardNegatives: HardNegativeParams;
  noise: NoiseParams;
}

const BASE_RINGS: RingParams = {
  count: 16,
  sizeMedian: 18,
  sizeSigma: 0.65,
  sizeMax: 60,
  large: 2,
  largeMax: 240,
  ringsPerOperator: [1, 3],
  paraphrase: { low: 0.25, medium: 0.4, high: 0.35 },
  posting: { burst: 0.45, drip: 0.3, mixed: 0.25 },
  registration: { burst: 0.5, aged: 0.3, mixed: 0.2 },
  deviceSharing: { farm: 0.35, partial: 0.3, none: 0.35 },
  ipSharing: { shared_prefix: 0.35, proxy_pool: 0.3, residential: 0.35 },
  evasion: 0.45,
  timingJitter: 0.3,
  camouflage: [0.1, 0.45],
  camouflageLikesPerDay: [0.3, 2],
  boostFraction: [0.25, 0.7],
  boostDelayMinutes: [3, 40],
  notesPerCore: [2, 6],
  campaignDays: [4, 18],
  midPopularTargets: 0.2,
  nicknamePattern: 0.25,
  mediaReuse: 0.4,
};

const BASE_HN: HardNegativeParams = {
  viralEvents: 1,
  viralPosters: 1500,
  aiCreators: 40,
  aiNotesPerCreator: [3, 8],
  fanCommunities: 2,
  fansPerCommunity: 80,
  declaredCampaigns: 2,
  campaignCreators: 25,
  households: 30,
  offices: 4,
  repostChains: 2,
  repostsPerChain: 120,
};

const BASE_NOISE: NoiseParams = {
  editRate: 0.03,
  deleteRate: 0.01,
  accountUpdatesPerKDay: 2,
  accountDeletesPerKDay: 0.1,
  legacyInteractionShare: 0.08,
  lateSeconds: 0.03,
  lateMinutes: 0.005,
  maxLagMinutes: 8,
};

const BASE: ScenarioParams = {
  name: 'default',
  description: 'A realistic mix: 18 rings of every strategy, every hard-negative class, three weeks.',
  start: '2025-03-03T00:00:00+08:00',
  days: 21,
  targetEvents: 150_000,
  usersPerKEvents: 85,
  products: 3000,
  zipfExponent: 1.05,
  zhShare: 0.82,
  newUserShare: 0.03,
  rings: BASE_RINGS,
  hardNegatives: BASE_HN,
  noise: BASE_NOISE,
};

function scenario(over: Partial<Omit<ScenarioParams, 'rings' | 'hardNegatives' | 'noise'>> & {
  rings?: Partial<RingParams>;
  hardNegatives?: Partial<HardNegativeParams>;
  noise?: Partial<NoiseParams>;
}): ScenarioParams {
  const { rings, hardNegatives, noise, ...rest } = over;
  return deepFreeze({
    ...BASE,
    ...rest,
    rings: { ...BASE_RINGS, ...rings },
    hardNegatives: { ...BASE_HN, ...hardNegatives },
    noise: { ...BASE_NOISE, ...noise },
  });
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

export const SCENARIOS: Readonly<Record<string, ScenarioParams>> = Object.freeze({
  demo: scenario({
    name: 'demo',
    description: 'Small and fast for the 60-second demo: ~40k events, 10 rings, one week, every hard-negative class.',
    days: 7,
    targetEvents: 40_000,
    products: 1200,
    rings: { count: 9, sizeMedian: 12, sizeMax: 40, large: 1, largeMax: 110, notesPerCore: [2, 4], campaignDays: [2, 6] },
    hardNegatives: { viralPosters: 350, aiCreators: 15, fansPerCommunity: 40, fanCommunities: 1, declaredCampaigns: 1, campaignCreators: 14, households: 10, offices: 2, repostChains: 1, repostsPerChain: 60 },
  }),
  ci: scenario({
    name: 'ci',
    description: 'The CI quality gate: ~100k events, 14 rings, two weeks.',
    days: 14,
    targetEvents: 100_000,
    products: 2000,
    rings: { count: 12, large: 2, largeMax: 160, campaignDays: [3, 12] },
    hardNegatives: { viralPosters: 900, aiCreators: 28, fansPerCommunity: 60, campaignCreators: 20, households: 20, offices: 3, repostsPerChain: 90 },
  }),
  default: scenario({}),
  'paraphrase-heavy': scenario({
    name: 'paraphrase-heavy',
    description: 'Rings rewrite heavily (high paraphrase, more evasion): few near-duplicate pairs.',
    rings: { paraphrase: { low: 0, medium: 0.15, high: 0.85 }, evasion: 0.7 },
  }),
  'slow-drip': scenario({
    name: 'slow-drip',
    description: 'Six weeks; rings post a few notes a week per account over weeks and boost slowly (hours).',
    days: 42,
    targetEvents: 200_000,
    rings: { posting: { burst: 0, drip: 0.85, mixed: 0.15 }, campaignDays: [21, 40], notesPerCore: [4, 12], boostDelayMinutes: [60, 600], boostFraction: [0.15, 0.45], timingJitter: 0.6 },
  }),
  camouflage: scenario({
    name: 'camouflage',
    description: 'Rings mostly post genuine-looking content about popular items; the coordinated part is small.',
    rings: { camouflage: [0.65, 0.85], camouflageLikesPerDay: [2, 6], notesPerCore: [1, 3], boostFraction: [0.15, 0.4], registration: { burst: 0.2, aged: 0.6, mixed: 0.2 }, deviceSharing: { farm: 0.1, partial: 0.3, none: 0.6 }, ipSharing: { shared_prefix: 0.1, proxy_pool: 0.3, residential: 0.6 } },
  }),
  'viral-burst': scenario({
    name: 'viral-burst',
    description: 'Several viral products and repost chains: many hard negatives with burst timing and shared targets.',
    targetEvents: 180_000,
    hardNegatives: { viralEvents: 4, viralPosters: 1400, repostChains: 5, repostsPerChain: 150, declaredCampaigns: 4, fanCommunities: 3 },
  }),
  scale: scenario({
    name: 'scale',
    description: 'At least 1M events: the default mix over 30 days with 60 rings, some of 300–500 accounts.',
    days: 30,
    targetEvents: 1_200_000,
    products: 12_000,
    rings: { count: 54, large: 6, largeMax: 500 },
    hardNegatives: { viralEvents: 3, viralPosters: 3000, aiCreators: 200, fanCommunities: 8, fansPerCommunity: 150, declaredCampaigns: 8, campaignCreators: 30, households: 200, offices: 20, repostChains: 8, repostsPerChain: 200 },
  }),
});

export function resolveScenario(s: string | ScenarioParams): ScenarioParams {
  if (typeof s !== 'string') return s;
  const p = Object.hasOwn(SCENARIOS, s) ? SCENARIOS[s] : undefined;
  if (!p) throw new RingwatchError(ERROR_CODES.USAGE, `unknown scenario '${s}' (known: ${Object.keys(SCENARIOS).join(', ')})`);
  return p;
}
