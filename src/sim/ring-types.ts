/** A planned ring: its members, strategy record (copied into truth) and campaign state. */
import type { SimAccount } from './account.ts';
import type { Product } from './catalog.ts';
import type { EvasionKind } from './text/evasion.ts';
import type { Brief, ParaphraseLevel } from './text/compose-brief.ts';

export type Role = 'core' | 'periphery';

export interface RingMember {
  acc: SimAccount;
  role: Role;
}

export interface RingStrategy {
  size: number;
  core: number;
  periphery: number;
  lang: 'zh' | 'en' | 'mixed';
  registration: 'burst' | 'aged' | 'mixed';
  /** hours between first and last burst registration (burst/mixed) */
  registration_window_hours: number | null;
  registered_in_stream: boolean;
  device_sharing: 'farm' | 'partial' | 'none';
  devices: number;
  /** devices shared with the operator's other rings */
  operator_shared_devices: boolean;
  ip_sharing: 'shared_prefix' | 'proxy_pool' | 'residential';
  /** distinct IP prefixes among members */
  ip_prefixes: number;
  paraphrase: ParaphraseLevel;
  posting: 'burst' | 'drip' | 'mixed';
  briefs: number;
  targets: string[];
  target_popularity: 'niche' | 'mid';
  evasion: EvasionKind[];
  timing_jitter: boolean;
  camouflage_share: number;
  camouflage_likes_per_day: number;
  boost_fraction: number;
  boost_delay_median_min: number;
  mutual_follow_density: number;
  nickname_pattern: boolean;
  media_reuse: boolean;
  url_targets: boolean;
  ai_label_rate: number;
  campaign_start: string;
  campaign_end: string;
  operator_hours: [number, number];
  coordinated_notes: number;
  camouflage_notes: number;
}

export interface RingPlan {
  idx: number;
  ringId: string;
  operatorId: string;
  members: RingMember[];
  strategy: RingStrategy;
  products: Product[];
  briefs: Brief[][];
  firstCoordinatedTs: number;
  /** members not yet used as boosters, drained first so every member acts */
  unboosted: SimAccount[];
  mediaPool: Map<string, string[]>;
}

export interface Operator {
  id: string;
  hours: [number, number];
  farm: string[];
  prefixes: string[];
  categories: string[];
}
