/**
 * shared_device_household: families sharing one tablet or phone (same device_id, same home IP
 * prefix) and offices behind one NAT (same ip_prefix, own devices). Members are ordinary users;
 * family members like each other's notes, colleagues occasionally do.
 */
import type { SimAccount } from '../account.ts';
import { diurnalTime, HOUR } from '../clock.ts';
import { genuineNoteSpec } from '../genuine-notes.ts';
import type { PublishedNote, Scheduler } from '../items.ts';
import { claimGenuine, expectedOrganic, plan, type PlanContext } from '../plan-context.ts';
import { deviceId, ipPrefix } from '../profile.ts';
import type { Rng } from '../rng.ts';
import type { HardNegativeGroup } from './group.ts';

function likeEachOther(s: Scheduler, rng: Rng, group: SimAccount[], note: PublishedNote, p: number): void {
  for (const m of group) {
    if (m === note.author || !rng.chance(p)) continue;
    s.schedule({ kind: 'interaction', time: note.time + Math.floor(rng.logNormal(1.5 * HOUR, 1.2)), seq: 0, actor: m, action: 'like', noteId: note.id });
  }
}

function groupNotes(ctx: PlanContext, rng: Rng, members: SimAccount[], pLike: number, maxNotes: number): void {
  for (const a of members) {
    for (let i = rng.int(1, maxNotes); i > 0; i--) {
      const spec = genuineNoteSpec(rng, ctx.catalog, a, { onPublish: (s, note) => likeEachOther(s, rng, members, note, pLike) });
      plan(ctx, { kind: 'note', time: diurnalTime(rng, ctx.start + HOUR, ctx.end - HOUR), seq: 0, spec });
      ctx.expected.events += 1 + expectedOrganic(1.8) + members.length * pLike;
    }
  }
}

export function planHouseholds(ctx: PlanContext): HardNegativeGroup[] {
  const rng = ctx.rng.fork('households');
  const p = ctx.params.hardNegatives;
  const groups: HardNegativeGroup[] = [];
  // claim everybody at once (one pass over the population), then split into groups
  const familySizes = Array.from({ length: p.households }, () => rng.int(2, 5));
  const officeSizes = Array.from({ length: p.offices }, () => rng.int(8, 30));
  const total = [...familySizes, ...officeSizes].reduce((a, b) => a + b, 0);
  const pool = claimGenuine(ctx, total, (a) => a.actWeight + a.noteWeight, ctx.start);
  let at = 0;
  familySizes.forEach((size, h) => {
    const members = pool.slice(at, (at += size));
    if (members.length < 2) return;
    const device = deviceId(rng);
    const ip = ipPrefix(rng);
    for (const a of members) {
      a.devices = rng.chance(0.7) ? [device] : [device, a.devices[0]];
      a.ip = ip;
    }
    groupNotes(ctx, rng, members, 0.5, 2);
    groups.push({ groupId: `hn-household-${h + 1}`, cls: 'shared_device_household', accounts: members });
  });
  officeSizes.forEach((size, o) => {
    const members = pool.slice(at, (at += size));
    if (members.length < 2) return;
    const ip = ipPrefix(rng);
    for (const a of members) a.ip = ip;
    groupNotes(ctx, rng, members, 0.08, 1);
    groups.push({ groupId: `hn-office-${o + 1}`, cls: 'shared_device_household', accounts: members });
  });
  return groups;
}
