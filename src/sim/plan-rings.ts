/**
 * Ring planning: operators, then per ring its strategy (drawn from the scenario's mixes), its
 * members (plan-ring-members.ts), its targets and briefs, and its campaign schedule — bursts of
 * posts within hours, slow drips over weeks, or both — plus camouflage notes about popular
 * products, camouflage likes, and intra-ring follows. Boosts are attached to each coordinated
 * note and fire when it is published (ring-boost.ts).
 */
import type { SimAccount } from './account.ts';
import { drawProduct, productInBand, type Product } from './catalog.ts';
import { DAY, diurnalTime, HOUR, isoShanghai } from './clock.ts';
import { genuineNoteSpec } from './genuine-notes.ts';
import type { NoteSpec } from './items.ts';
import { expectedOrganic, plan, subjectOf, type PlanContext } from './plan-context.ts';
import { planRingMembers } from './plan-ring-members.ts';
import type { Rng } from './rng.ts';
import { boostRingNote, MAX_BOOSTERS } from './ring-boost.ts';
import type { Operator, RingPlan, RingStrategy } from './ring-types.ts';
import { CATEGORY_KEYS, type Lang } from './text/bank-types.ts';
import { composeBriefNote, makeBrief, type Brief } from './text/compose-brief.ts';
import { applyEvasion, type EvasionKind } from './text/evasion.ts';

const EVASIONS: readonly EvasionKind[] = ['homoglyph', 'fullwidth', 'zero_width', 'emoji_noise', 'punct_noise', 'trad_swap'];
const EVASION_RATE: Readonly<Record<EvasionKind, number>> = { homoglyph: 0.35, fullwidth: 0.3, zero_width: 0.05, emoji_noise: 0.02, punct_noise: 0.02, trad_swap: 0.3 };
const STEMS_ZH = ['小美', '甜甜', '糖糖', '桃子', '七七', '柚子', '安安', '可可'];
const STEMS_EN = ['lily', 'amy', 'mia', 'chloe', 'zoe', 'luna'];

function newOperator(rng: Rng, i: number): Operator {
  const startH = rng.int(7, 11);
  return { id: `op-${String(i + 1).padStart(2, '0')}`, hours: [startH, rng.int(21, 24)], farm: [], prefixes: [], categories: rng.sample([...CATEGORY_KEYS], 2) };
}

function hoursOf(op: Operator, jitter: boolean): number[] | undefined {
  if (jitter) return undefined;
  const out: number[] = [];
  for (let h = op.hours[0]; h < op.hours[1]; h++) out.push(h % 24);
  return out;
}

export function planRings(ctx: PlanContext): RingPlan[] {
  const rp = ctx.params.rings;
  const rng = ctx.rng.fork('rings');
  const total = rp.count + rp.large;
  const operators: Operator[] = [];
  const owner: number[] = [];
  while (owner.length < total) {
    const op = operators.length;
    operators.push(newOperator(rng, op));
    for (let k = rng.int(rp.ringsPerOperator[0], rp.ringsPerOperator[1]); k > 0; k--) owner.push(op);
  }
  const large = new Set(rng.sample(Array.from({ length: total }, (_, i) => i), rp.large));
  const rings: RingPlan[] = [];
  for (let r = 0; r < total; r++) rings.push(planRing(ctx, rng.fork(`ring${r}`), r, large.has(r), operators[owner[r]]));
  return rings;
}

function planRing(ctx: PlanContext, rng: Rng, idx: number, isLarge: boolean, op: Operator): RingPlan {
  const rp = ctx.params.rings;
  const days = (ctx.end - ctx.start) / DAY;
  const size = isLarge ? rng.int(100, rp.largeMax) : Math.max(5, Math.min(rp.sizeMax, Math.round(rng.logNormal(rp.sizeMedian, rp.sizeSigma))));
  const core = Math.max(3, Math.round(size * (isLarge ? rng.uniform(0.08, 0.18) : rng.uniform(0.3, 0.65))));
  const langMode = rng.weighted([['zh', ctx.params.zhShare], ['en', (1 - ctx.params.zhShare) * 0.6], ['mixed', (1 - ctx.params.zhShare) * 0.4]] as const);
  const posting = rng.weighted(Object.entries(rp.posting) as [RingStrategy['posting'], number][]);
  const jitter = rng.chance(rp.timingJitter);
  const campaignDays = Math.min(days * 0.85, rng.uniform(rp.campaignDays[0], rp.campaignDays[1]));
  const campaignStart = ctx.start + Math.floor(rng.uniform(0.03, Math.max(0.04, 0.97 - campaignDays / days)) * days * DAY);
  const campaignEnd = Math.min(ctx.end - 6 * HOUR, campaignStart + campaignDays * DAY);
  const mid = rng.chance(rp.midPopularTargets);
  const category = rng.pick(op.categories) as (typeof CATEGORY_KEYS)[number];
  const nTargets = rng.weighted([[1, 0.5], [2, 0.35], [3, 0.15]] as const);
  const products: Product[] = [];
  for (let i = 0; i < nTargets; i++) {
    const cat = i === 0 || rng.chance(0.6) ? category : rng.pick(CATEGORY_KEYS);
    products.push(mid ? productInBand(ctx.catalog, rng, 0.01, 0.08, cat) : productInBand(ctx.catalog, rng, 0.25, 1, cat));
  }
  const evasion = rng.chance(rp.evasion) ? rng.sample(EVASIONS, rng.int(1, 3)).filter((k) => langMode !== 'en' || k !== 'trad_swap') : [];
  const stem = rng.chance(rp.nicknamePattern) ? rng.pick(langMode === 'en' ? STEMS_EN : STEMS_ZH) : undefined;
  const ipSharing = rng.weighted(Object.entries(rp.ipSharing) as ['shared_prefix' | 'proxy_pool' | 'residential', number][]);
  const registration = rng.weighted(Object.entries(rp.registration) as ['burst' | 'aged' | 'mixed', number][]);
  const mem = planRingMembers(ctx, rng, {
    ringIdx: idx,
    size,
    core,
    lang: langMode,
    registration,
    deviceSharing: rng.weighted(Object.entries(rp.deviceSharing) as ['farm' | 'partial' | 'none', number][]),
    ipSharing,
    nicknameStem: stem,
    campaignStart,
    operator: op,
    category: products[0].category,
  });
  const briefLangs: Lang[] = langMode === 'mixed' ? ['zh', 'en'] : [langMode];
  const briefs: Brief[][] = products.map((p) => {
    const out: Brief[] = [];
    for (let i = 0, n = rng.int(2, 4); i < n; i++) {
      const lang = briefLangs[i % briefLangs.length];
      out.push(makeBrief(rng, subjectOf(ctx.catalog, p, lang), lang));
    }
    return out;
  });
  const strategy: RingStrategy = {
    size,
    core,
    periphery: size - core,
    lang: langMode,
    registration,
    registration_window_hours: mem.registrationWindowHours,
    registered_in_stream: mem.registeredInStream,
    device_sharing: 'none',
    devices: mem.devices,
    operator_shared_devices: mem.operatorSharedDevices,
    ip_sharing: ipSharing,
    ip_prefixes: 0,
    paraphrase: rng.weighted(Object.entries(rp.paraphrase) as ['low' | 'medium' | 'high', number][]),
    posting,
    briefs: briefs.reduce((s, b) => s + b.length, 0),
    targets: products.map((p) => p.id),
    target_popularity: mid ? 'mid' : 'niche',
    evasion,
    timing_jitter: jitter,
    camouflage_share: round2(rng.uniform(rp.camouflage[0], rp.camouflage[1])),
    camouflage_likes_per_day: round2(rng.uniform(rp.camouflageLikesPerDay[0], rp.camouflageLikesPerDay[1])),
    boost_fraction: round2(rng.uniform(rp.boostFraction[0], rp.boostFraction[1])),
    boost_delay_median_min: Math.round(rng.uniform(rp.boostDelayMinutes[0], rp.boostDelayMinutes[1])) * (jitter ? 3 : 1),
    mutual_follow_density: rng.chance(0.5) ? round2(rng.uniform(0.05, 0.3)) : 0,
    nickname_pattern: stem !== undefined,
    media_reuse: rng.chance(rp.mediaReuse),
    url_targets: rng.chance(0.35),
    ai_label_rate: round2(rng.uniform(0.1, 0.5)),
    campaign_start: isoShanghai(campaignStart),
    campaign_end: isoShanghai(campaignEnd),
    operator_hours: op.hours,
    coordinated_notes: 0,
    camouflage_notes: 0,
  };
  fixStrategyLabels(strategy, mem.members.map((m) => m.acc));
  const ring: RingPlan = {
    idx,
    ringId: `ring-${String(idx + 1).padStart(3, '0')}`,
    operatorId: op.id,
    members: mem.members,
    strategy,
    products,
    briefs,
    firstCoordinatedTs: Number.POSITIVE_INFINITY,
    unboosted: rng.shuffle(mem.members.map((m) => m.acc)),
    mediaPool: new Map(products.map((p) => [p.id, Array.from({ length: 6 }, () => rng.hex(16))])),
  };
  scheduleCampaign(ctx, rng, ring, op, campaignStart, campaignEnd);
  return ring;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Record what the members actually ended up with (device and IP sharing as realised). */
function fixStrategyLabels(st: RingStrategy, accs: SimAccount[]): void {
  const devCounts = new Map<string, number>();
  for (const a of accs) devCounts.set(a.devices[0], (devCounts.get(a.devices[0]) ?? 0) + 1);
  const sharedAccs = accs.filter((a) => devCounts.get(a.devices[0])! > 1).length;
  st.device_sharing = sharedAccs === 0 ? 'none' : sharedAccs >= accs.length * 0.9 ? 'farm' : 'partial';
  st.ip_prefixes = new Set(accs.map((a) => a.ip)).size;
}

function scheduleCampaign(ctx: PlanContext, rng: Rng, ring: RingPlan, op: Operator, from: number, to: number): void {
  const st = ring.strategy;
  const hours = hoursOf(op, st.timing_jitter);
  const coreM = ring.members.filter((m) => m.role === 'core').map((m) => m.acc);
  const periph = ring.members.filter((m) => m.role === 'periphery').map((m) => m.acc);
  const perCore = rng.uniform(ctx.params.rings.notesPerCore[0], ctx.params.rings.notesPerCore[1]);
  const posts: { t: number; a: SimAccount; p: number }[] = [];
  const wave = (t0: number, p: number) => {
    const spanH = st.timing_jitter ? rng.uniform(4, 18) : rng.uniform(0.5, 4);
    for (const a of coreM) if (rng.chance(0.8)) posts.push({ t: t0 + Math.floor(rng.uniform(0, spanH * HOUR)), a, p });
    for (const a of periph) if (rng.chance(0.03)) posts.push({ t: t0 + Math.floor(rng.uniform(0, spanH * HOUR)), a, p });
  };
  const drip = (rate: number) => {
    for (const a of coreM) for (let k = Math.max(1, rng.poisson(rate)); k > 0; k--) posts.push({ t: diurnalTime(rng, from, to, hours), a, p: rng.int(0, ring.products.length - 1) });
  };
  if (st.posting === 'burst') {
    const waves = Math.max(1, Math.round(perCore * rng.uniform(0.8, 1.2)));
    for (let w = 0; w < waves; w++) wave(w === 0 ? from : diurnalTime(rng, from, to, hours), w % ring.products.length);
  } else if (st.posting === 'drip') {
    drip(perCore);
  } else {
    drip(perCore * 0.6);
    wave(diurnalTime(rng, from, to, hours), 0);
  }
  const inStream = posts.filter((x) => x.t >= ctx.start && x.t < ctx.end && x.t > x.a.registeredAt + HOUR).sort((x, y) => x.t - y.t);
  if (inStream.length === 0) inStream.push({ t: Math.max(from, coreM[0].registeredAt + 2 * HOUR), a: coreM[0], p: 0 });
  ring.firstCoordinatedTs = inStream[0].t;
  st.coordinated_notes = inStream.length;
  for (const x of inStream) plan(ctx, { kind: 'note', time: x.t, seq: 0, spec: coordinatedSpec(ctx, rng, ring, x.a, x.p) });
  const boosters = Math.min(MAX_BOOSTERS, (ring.members.length - 1) * st.boost_fraction * (ring.members.length > 100 ? 0.4 : 1));
  ctx.expected.events += inStream.length * (1 + expectedOrganic(0.55) + boosters * 1.59);
  // camouflage notes: genuine-looking posts about popular products
  const cam = Math.round((inStream.length * st.camouflage_share) / (1 - st.camouflage_share));
  st.camouflage_notes = cam;
  const camFrom = Math.max(ctx.start, from - 5 * DAY);
  const camTo = Math.min(ctx.end, to + 5 * DAY);
  for (let i = 0; i < cam; i++) {
    const a = rng.chance(0.7) || periph.length === 0 ? rng.pick(coreM) : rng.pick(periph);
    const t = diurnalTime(rng, Math.max(camFrom, a.registeredAt + HOUR), camTo);
    const boosted = rng.chance(0.3);
    const spec = genuineNoteSpec(rng, ctx.catalog, a, {
      product: drawProduct(ctx.catalog, rng),
      appeal: rng.logNormal(0.7, 0.8),
      onPublish: boosted ? (s, note) => boostRingNote(s, ring, note, rng, 0.3) : undefined,
    });
    plan(ctx, { kind: 'note', time: t, seq: 0, spec });
  }
  ctx.expected.events += cam * (1 + expectedOrganic(0.9));
  // camouflage likes on whatever is popular at the time
  for (const m of ring.members) {
    const a = m.acc;
    const lo = Math.max(camFrom, a.registeredAt + HOUR);
    const n = rng.poisson(((camTo - lo) / DAY) * st.camouflage_likes_per_day);
    for (let i = 0; i < n; i++) {
      const t = diurnalTime(rng, lo, camTo, hours);
      plan(ctx, { kind: 'interaction', time: t, seq: 0, actor: a, action: rng.chance(0.8) ? 'like' : 'collect', popular: true });
    }
    ctx.expected.events += n;
  }
  // intra-ring follows, mostly early in the campaign
  if (st.mutual_follow_density > 0) {
    const accs = ring.members.map((m) => m.acc);
    for (const a of accs) {
      const k = Math.min(12, rng.poisson(Math.min(40, accs.length - 1) * st.mutual_follow_density));
      for (const b of rng.sample(accs.filter((x) => x !== a), k)) {
        const t = Math.floor(rng.uniform(Math.max(from - 3 * DAY, a.registeredAt + HOUR, b.registeredAt + HOUR), from + 2 * DAY));
        plan(ctx, { kind: 'interaction', time: t, seq: 0, actor: a, action: 'follow', targetAccount: b.id });
        ctx.expected.events += 1;
      }
    }
  }
}

function coordinatedSpec(ctx: PlanContext, rng: Rng, ring: RingPlan, a: SimAccount, productIdx: number): NoteSpec {
  const st = ring.strategy;
  const product = ring.products[productIdx];
  const langBriefs = ring.briefs[productIdx].filter((b) => b.lang === a.writer.lang);
  const brief = rng.pick(langBriefs.length > 0 ? langBriefs : ring.briefs[productIdx]);
  const pool = ring.mediaPool.get(product.id)!;
  return {
    author: a,
    product,
    appeal: rng.logNormal(0.45, 0.7),
    aiLabel: rng.chance(st.ai_label_rate),
    brandP: 0.7,
    merchantP: 0.5,
    extraTargets: st.url_targets && rng.chance(0.7) ? [{ kind: 'url', id: product.url }] : undefined,
    coordinatedRing: ring.idx,
    media: st.media_reuse
      ? (r) => {
          const out = r.sample(pool, r.int(1, 4));
          for (let i = r.int(0, 3); i > 0; i--) out.push(r.hex(16));
          return out;
        }
      : undefined,
    compose: (r) => {
      const text = composeBriefNote(r, brief, a.writer.persona, st.paraphrase);
      let { title, body } = text;
      for (const k of st.evasion) {
        const rate = EVASION_RATE[k] * r.uniform(0.5, 1.5);
        body = applyEvasion(body, k, rate, r);
        if (r.chance(0.5)) title = applyEvasion(title, k, rate, r);
      }
      return { ...text, title, body };
    },
    onPublish: (s, note) => boostRingNote(s, ring, note, rng),
  };
}
