/** Event-time parsing: ISO-8601 with zone, or epoch milliseconds → epoch ms (UTC). NaN when invalid. */
export function toEpochMs(ts: string | number): number {
  if (typeof ts === 'number') return Number.isSafeInteger(ts) && ts >= 0 ? ts : NaN;
  const ms = Date.parse(ts);
  return Number.isFinite(ms) ? ms : NaN;
}

export function isoUtc(ms: number): string {
  return new Date(ms).toISOString();
}
