import type { KafkaMessage } from 'kafkajs';
import type { BusMessage } from '../../ports/bus.ts';

const EMPTY = Buffer.alloc(0);

/** kafkajs message → port message: key and headers as UTF-8 strings, a repeated header's last value. */
export function toBusMessage(topic: string, partition: number, m: KafkaMessage): BusMessage {
  const headers: Record<string, string> = {};
  if (m.headers !== undefined) {
    for (const [k, v] of Object.entries(m.headers)) {
      if (v === undefined) continue;
      const last = Array.isArray(v) ? v[v.length - 1] : v;
      if (last === undefined) continue;
      headers[k] = typeof last === 'string' ? last : last.toString('utf8');
    }
  }
  return {
    topic,
    partition,
    offset: m.offset,
    key: m.key === null ? null : m.key.toString('utf8'),
    value: m.value ?? EMPTY,
    headers,
  };
}
