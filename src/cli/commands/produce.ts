import { parseArgs } from 'node:util';
import { KafkaBus } from '../../adapters/kafka/kafka-bus.ts';
import { readJsonlLines, routeRaw } from '../../adapters/files/jsonl-reader.ts';
import { loadDeployConfig } from '../../config/deploy-config.ts';
import { ERROR_CODES, RingwatchError } from '../../errors/codes.ts';
import { createLogger } from '../../runtime/logger.ts';
import { createProgress } from '../progress.ts';
import type { Bus } from '../../ports/bus.ts';

/** Load a JSONL file into the input topics, routed by each line's `type`, keyed by account_id, in file order. */
export async function produceFile(bus: Bus, input: string, topics: { accounts: string; notes: string; interactions: string }, onProgress?: (r: number, t: number) => void): Promise<number> {
  await bus.ensureTopics([{ topic: topics.accounts }, { topic: topics.notes }, { topic: topics.interactions }]);
  const producer = await bus.producer();
  let n = 0;
  for await (const batch of readJsonlLines(input, onProgress)) {
    const per = new Map<string, { key: string | null; value: Buffer }[]>();
    for (const l of batch) {
      const topic = topics[routeRaw(l.raw)];
      const m = /"account_id"\s*:\s*"([^"]{1,256})"/.exec(l.raw.toString('latin1', 0, Math.min(l.raw.length, 4096)));
      (per.get(topic) ?? per.set(topic, []).get(topic)!).push({ key: m?.[1] ?? null, value: Buffer.from(l.raw) });
    }
    for (const [topic, msgs] of per) await producer.send(topic, msgs);
    n += batch.length;
  }
  await producer.close();
  return n;
}

export async function produceCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { input: { type: 'string' }, config: { type: 'string' }, brokers: { type: 'string' } } });
  if (!values.input) throw new RingwatchError(ERROR_CODES.USAGE, 'produce needs --input FILE');
  const cfg = loadDeployConfig({ file: values.config, brokers: values.brokers });
  const logger = createLogger();
  const bus = new KafkaBus({ brokers: cfg.kafka.brokers, clientId: `${cfg.kafka.clientId}-produce`, logger });
  const bar = createProgress('produce');
  const n = await produceFile(bus, values.input, cfg.topics, (r, t) => bar.update(t ? r / t : 0));
  bar.done();
  await bus.close();
  logger.info({ messages: n, topics: [cfg.topics.accounts, cfg.topics.notes, cfg.topics.interactions] }, 'produce: done');
  return 0;
}
