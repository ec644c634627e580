/** Helpers shared by the bus-based pipeline tests (in-memory bus and real Kafka). */
import type { Bus, BusMessage } from '../../src/ports/bus.ts';
import type { RingEvent } from '../../src/contracts/ring.ts';
import { DEFAULT_TOPICS } from '../../src/contracts/events.ts';

export function topicsWithSuffix(suffix: string) {
  return Object.fromEntries(Object.entries(DEFAULT_TOPICS).map(([k, v]) => [k, `${v}.${suffix}`])) as { -readonly [K in keyof typeof DEFAULT_TOPICS]: string };
}

export const ringsOf = (msgs: BusMessage[]): RingEvent[] => msgs.map((m) => JSON.parse(m.value.toString()) as RingEvent);

/** Poll `topic` until its message count has not changed for `quietMs` and is at least `min`. */
export async function waitForQuiet(bus: Bus, topic: string, min: number, quietMs: number, timeoutMs: number): Promise<BusMessage[]> {
  const t0 = Date.now();
  let last = -1;
  let since = Date.now();
  for (;;) {
    const msgs = await bus.readAll(topic);
    if (msgs.length !== last) {
      last = msgs.length;
      since = Date.now();
    }
    if (msgs.length >= min && Date.now() - since >= quietMs) return msgs;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timeout waiting for ${topic}: ${msgs.length} messages (want ≥ ${min})`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
