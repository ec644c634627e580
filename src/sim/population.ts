/**
 * The genuine user population: heavy-tailed posting (most users post rarely, a few a lot),
 * log-normal browsing activity, registrations spread over years with a trickle of new sign-ups
 * during the stream, Chinese and English writers with their own habits, carrier IP prefixes
 * shared the way mobile NAT shares them.
 */
import type { SimAccount } from './account.ts';
import { AliasTable } from './alias-table.ts';
import { DAY, diurnalTime } from './clock.ts';
import type { IdMint } from './id-mint.ts';
import { avatarHash, bio, deviceId, nickname, type IpPool } from './profile.ts';
import type { Rng } from './rng.ts';
import { CATEGORY_KEYS, type CategoryKey, type Lang } from './text/bank-types.ts';
import type { Writer } from './text/note-text.ts';
import { PERSONAS } from './text/personas.ts';
import { CATEGORY_WEIGHTS } from './catalog.ts';

export interface PopulationParams {
  users: number;
  zhShare: number;
  newUserShare: number;
  start: number;
  end: number;
}

export interface Population {
  accounts: SimAccount[];
  noteTable: AliasTable;
  actTable: AliasTable;
  /** browsing tables restricted to users interested in a category */
  actByCategory: Record<CategoryKey, { members: number[]; table: AliasTable }>;
}

export function makeWriter(rng: Rng, lang: Lang, persona: number): Writer {
  return {
    lang,
    trad: lang === 'zh' && rng.chance(0.04),
    persona,
    emojiRate: Math.min(0.9, rng.logNormal(0.18, 0.9)),
    typoRate: rng.chance(0.55) ? rng.logNormal(0.25, 0.8) : 0,
    capitalises: rng.chance(0.5),
    breakRate: rng.uniform(0, 0.5),
  };
}

export function pickInterests(rng: Rng, persona: number): CategoryKey[] {
  const set = new Set<CategoryKey>(rng.sample(PERSONAS[persona].affinity, rng.int(1, 2)));
  const k = rng.int(0, 2);
  for (let i = 0; i < k; i++) set.add(CATEGORY_KEYS[rng.weightedIndex(CATEGORY_KEYS.map((c) => CATEGORY_WEIGHTS[c]))]);
  return [...set];
}

/** Years-old registration drawn from the platform's growth curve. */
export function oldRegistration(rng: Rng, start: number): number {
  const years = rng.weighted([[rng.uniform(0.05, 1), 0.35], [rng.uniform(1, 3), 0.35], [rng.uniform(3, 9), 0.3]] as const);
  return diurnalTime(rng, start - years * 365 * DAY - DAY, start - years * 365 * DAY);
}

export interface NewAccountOpts {
  lang: Lang;
  persona: number;
  registeredAt: number;
  registersInStream: boolean;
  device?: string;
  ip: string;
  nicknameStem?: string;
  noteWeight: number;
  actWeight: number;
  ring?: number;
}

export function newAccount(rng: Rng, mint: IdMint, idx: number, o: NewAccountOpts): SimAccount {
  const devices = [o.device ?? deviceId(rng)];
  if (!o.device && rng.chance(0.08)) devices.push(deviceId(rng));
  return {
    id: mint.next(),
    idx,
    writer: makeWriter(rng, o.lang, o.persona),
    interests: pickInterests(rng, o.persona),
    registeredAt: o.registeredAt,
    devices,
    ip: o.ip,
    nickname: nickname(rng, o.lang, o.nicknameStem),
    bio: bio(rng, o.lang, o.persona),
    avatar: avatarHash(rng),
    verified: false,
    partner: false,
    noteWeight: o.noteWeight,
    actWeight: o.actWeight,
    ring: o.ring ?? -1,
    announced: false,
    deleted: false,
    registersInStream: o.registersInStream,
  };
}

export function buildPopulation(rng: Rng, mint: IdMint, ips: IpPool, p: PopulationParams): SimAccount[] {
  const out: SimAccount[] = [];
  for (let i = 0; i < p.users; i++) {
    const lang: Lang = rng.chance(p.zhShare) ? 'zh' : 'en';
    const persona = rng.int(0, PERSONAS.length - 1);
    const inStream = rng.chance(p.newUserShare);
    const registeredAt = inStream ? diurnalTime(rng, p.start, p.end - 2 * DAY) : oldRegistration(rng, p.start);
    const lurker = rng.chance(0.55);
    const noteWeight = lurker ? 0.03 * rng.logNormal(1, 0.6) : Math.min(300, rng.pareto(1, 1.35));
    const actWeight = rng.logNormal(1, 1.0) * (lurker ? 1 : 1.3);
    const a = newAccount(rng, mint, out.length, { lang, persona, registeredAt, registersInStream: inStream, ip: ips.draw(rng), noteWeight, actWeight });
    if (noteWeight > 60 && rng.chance(0.3)) a.verified = true;
    out.push(a);
  }
  return out;
}

export function indexPopulation(accounts: SimAccount[]): Population {
  const genuine = accounts.filter((a) => a.ring < 0);
  const actByCategory = {} as Population['actByCategory'];
  for (const c of CATEGORY_KEYS) {
    const members = genuine.filter((a) => a.interests.includes(c)).map((a) => a.idx);
    actByCategory[c] = { members, table: new AliasTable(members.length ? members.map((i) => accounts[i].actWeight) : [1]) };
  }
  return {
    accounts,
    noteTable: new AliasTable(accounts.map((a) => (a.ring < 0 ? a.noteWeight : 0))),
    actTable: new AliasTable(accounts.map((a) => (a.ring < 0 ? a.actWeight : 0))),
    actByCategory,
  };
}
