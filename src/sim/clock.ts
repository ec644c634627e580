/**
 * Time helpers for the simulated platform: Asia/Shanghai (UTC+8, no DST) activity cycles and
 * the mixed timestamp encodings real producers emit.
 */
import type { Rng } from './rng.ts';

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const DAY = 86_400_000;
const SHANGHAI_OFFSET = 8 * HOUR;

/** Relative posting/browsing intensity per local hour (0–23), Shanghai. Peaks at lunch and late evening. */
export const DIURNAL: readonly number[] = Object.freeze([
  0.55, 0.32, 0.18, 0.1, 0.07, 0.08, 0.18, 0.42, 0.7, 0.82, 0.88, 0.95,
  1.15, 1.1, 0.85, 0.8, 0.82, 0.88, 0.98, 1.1, 1.35, 1.55, 1.6, 1.1,
]);
const DIURNAL_MEAN = DIURNAL.reduce((s, x) => s + x, 0) / 24;

export function localHour(t: number): number {
  return Math.floor(((t + SHANGHAI_OFFSET) % DAY) / HOUR);
}

/** Local day of week, 0 = Sunday. */
export function localWeekday(t: number): number {
  return (Math.floor((t + SHANGHAI_OFFSET) / DAY) + 4) % 7;
}

/** Activity multiplier at t, mean ~1 over a week. */
export function activityAt(t: number): number {
  const wd = localWeekday(t);
  const weekly = wd === 0 || wd === 6 ? 1.12 : 0.95;
  return (DIURNAL[localHour(t)] / DIURNAL_MEAN) * weekly;
}

/** Local midnight (Shanghai) at or before t. */
export function localMidnight(t: number): number {
  return t - ((t + SHANGHAI_OFFSET) % DAY);
}

/**
 * Draws a time in [from, to) following the diurnal cycle (rejection sampling); with `hours`,
 * restricts to a set of local hours (an operator's working hours).
 */
export function diurnalTime(rng: Rng, from: number, to: number, hours?: readonly number[]): number {
  for (let i = 0; i < 64; i++) {
    const t = rng.uniform(from, to);
    if (hours && !hours.includes(localHour(t))) continue;
    if (rng.next() * 2.1 < activityAt(t)) return Math.floor(t);
  }
  return Math.floor(rng.uniform(from, to));
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** ISO-8601 in Shanghai local time with a +08:00 offset. */
export function isoShanghai(t: number, millis = false): string {
  const d = new Date(t + SHANGHAI_OFFSET);
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${base}${millis ? '.' + pad(d.getUTCMilliseconds(), 3) : ''}+08:00`;
}

/** ISO-8601 in UTC with a Z suffix. */
export function isoUtc(t: number, millis = true): string {
  const s = new Date(t).toISOString();
  return millis ? s : s.replace(/\.\d{3}Z$/, 'Z');
}

export type TsStyle = 'ms' | 'iso_local' | 'iso_local_ms' | 'iso_utc';

export function encodeTs(t: number, style: TsStyle): number | string {
  switch (style) {
    case 'ms':
      return t;
    case 'iso_local':
      return isoShanghai(t);
    case 'iso_local_ms':
      return isoShanghai(t, true);
    case 'iso_utc':
      return isoUtc(t);
  }
}
