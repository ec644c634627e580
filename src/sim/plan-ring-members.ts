/**
 * Ring membership: how many accounts, core vs periphery, when and how they were registered
 * (a burst of sign-ups within hours or days, or aged accounts bought on the grey market and
 * renamed before use), which devices and IP prefixes they sit behind, and what they are called.
 */
import type { SimAccount } from './account.ts';
import { DAY, diurnalTime, HOUR } from './clock.ts';
import { plan, type PlanContext } from './plan-context.ts';
import { newAccount, oldRegistration } from './population.ts';
import { avatarHash, bio, deviceId, ipPrefix, nickname } from './profile.ts';
import type { Rng } from './rng.ts';
import type { Operator, RingMember } from './ring-types.ts';
import type { CategoryKey, Lang } from './text/bank-types.ts';
import { PERSONAS } from './text/personas.ts';

export interface MemberPlanInput {
  ringIdx: number;
  size: number;
  core: number;
  lang: 'zh' | 'en' | 'mixed';
  registration: 'burst' | 'aged' | 'mixed';
  deviceSharing: 'farm' | 'partial' | 'none';
  ipSharing: 'shared_prefix' | 'proxy_pool' | 'residential';
  nicknameStem?: string;
  campaignStart: number;
  operator: Operator;
  /** category of the ring's main target (persona voices are chosen to fit it) */
  category: CategoryKey;
}

export interface MemberPlanResult {
  members: RingMember[];
  registrationWindowHours: number | null;
  registeredInStream: boolean;
  devices: number;
  operatorSharedDevices: boolean;
}

function memberLang(rng: Rng, mode: 'zh' | 'en' | 'mixed'): Lang {
  return mode === 'mixed' ? (rng.chance(0.5) ? 'zh' : 'en') : mode;
}

export function planRingMembers(ctx: PlanContext, rng: Rng, m: MemberPlanInput): MemberPlanResult {
  const { size } = m;
  // registration
  const windowH = Math.exp(rng.uniform(Math.log(2), Math.log(120)));
  const latestAnchor = m.campaignStart - windowH * HOUR - 6 * HOUR;
  const anchor = Math.min(latestAnchor, m.campaignStart - rng.uniform(1, 60) * DAY);
  const burstCount = m.registration === 'burst' ? size : m.registration === 'mixed' ? Math.round(size * rng.uniform(0.35, 0.65)) : 0;
  // devices
  let devicePool: string[] = [];
  let shareUpTo = 0;
  let operatorShared = false;
  if (m.deviceSharing === 'farm') {
    const perDevice = rng.int(3, 10);
    const n = Math.max(1, Math.ceil(size / perDevice));
    if (m.operator.farm.length >= n && rng.chance(0.5)) {
      devicePool = rng.sample(m.operator.farm, n);
      operatorShared = true;
    } else {
      for (let i = 0; i < n; i++) devicePool.push(deviceId(rng));
      m.operator.farm.push(...devicePool);
    }
    shareUpTo = size;
  } else if (m.deviceSharing === 'partial') {
    shareUpTo = Math.max(2, Math.round(size * rng.uniform(0.2, 0.4)));
    for (let i = 0, n = Math.max(1, Math.round(shareUpTo / rng.int(2, 4))); i < n; i++) devicePool.push(deviceId(rng));
  }
  if (m.ipSharing === 'shared_prefix' && m.operator.prefixes.length === 0) {
    for (let i = 0, n = rng.int(1, 3); i < n; i++) m.operator.prefixes.push(ipPrefix(rng));
  }
  // persona voices that plausibly buy the ring's product, plus the odd misfit
  const fitting = PERSONAS.map((p, i) => (p.affinity.includes(m.category) ? i : -1)).filter((i) => i >= 0);
  const voices = rng.sample(fitting.length >= 2 ? fitting : PERSONAS.map((_, i) => i), rng.int(2, 3));
  if (rng.chance(0.3)) voices.push(rng.int(0, PERSONAS.length - 1));
  const order = rng.shuffle(Array.from({ length: size }, (_, i) => i));
  const members: RingMember[] = [];
  let inStream = false;
  const usedDevices = new Set<string>();
  for (let i = 0; i < size; i++) {
    const lang = memberLang(rng, m.lang);
    const burst = i < burstCount;
    let registeredAt = burst ? Math.floor(anchor + rng.uniform(0, windowH * HOUR)) : oldRegistration(rng, ctx.start);
    if (!burst && registeredAt > ctx.start) registeredAt = ctx.start - rng.int(30, 400) * DAY;
    const registersInStream = registeredAt >= ctx.start;
    inStream ||= registersInStream;
    const shared = order[i] < shareUpTo && devicePool.length > 0;
    const device = shared ? devicePool[order[i] % devicePool.length] : undefined;
    if (device) usedDevices.add(device);
    const ip =
      m.ipSharing === 'shared_prefix' ? rng.pick(m.operator.prefixes) : m.ipSharing === 'proxy_pool' ? ipPrefix(rng) : ctx.ips.draw(rng);
    const persona = rng.pick(voices);
    // bought (aged) accounts keep their old genuine-looking name until the operator renames them
    const stem = burst ? m.nicknameStem : undefined;
    const acc: SimAccount = newAccount(rng, ctx.accountMint, ctx.accounts.length, {
      lang,
      persona,
      registeredAt,
      registersInStream,
      device,
      ip,
      nicknameStem: stem,
      noteWeight: 0,
      actWeight: 0,
      ring: m.ringIdx,
    });
    ctx.accounts.push(acc);
    if (registersInStream) plan(ctx, { kind: 'account', time: registeredAt, seq: 0, acc, action: 'register' });
    if (!burst && rng.chance(0.6)) {
      acc.pendingProfile = { nickname: nickname(rng, lang, m.nicknameStem), bio: bio(rng, lang, persona), avatar: avatarHash(rng) };
      const t = diurnalTime(rng, m.campaignStart - 10 * DAY, m.campaignStart - HOUR);
      plan(ctx, { kind: 'account', time: Math.max(t, ctx.start + Math.floor(rng.uniform(1, 48) * HOUR)), seq: 0, acc, action: 'update' });
    }
    members.push({ acc, role: i < m.core ? 'core' : 'periphery' });
  }
  // core members are not always the burst-registered ones
  rng.shuffle(members);
  members.forEach((mm, i) => (mm.role = i < m.core ? 'core' : 'periphery'));
  return {
    members,
    registrationWindowHours: burstCount > 0 ? Math.round(windowH * 10) / 10 : null,
    registeredInStream: inStream,
    devices: new Set(members.map((x) => x.acc.devices[0])).size,
    operatorSharedDevices: operatorShared,
  };
}
