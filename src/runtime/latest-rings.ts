import type { RingEvent } from '../contracts/ring.ts';

/** The current state of each ring: its latest version, in first-flag order. */
export function latestRings(events: readonly RingEvent[]): RingEvent[] {
  const latest = new Map<string, RingEvent>();
  for (const e of events) {
    const prev = latest.get(e.ring_id);
    if (!prev || e.version > prev.version) latest.set(e.ring_id, e);
  }
  return [...latest.values()];
}
