/**
 * Runs one stage against a Bus (Kafka, or the in-memory bus) as its own consumer group.
 *
 * Exactly-once output without transactions, by deterministic replay:
 *  - every stage is a deterministic function of its ordered input, so its outputs can be numbered
 *    (`rw-seq` header, per output topic);
 *  - on start the runner reads the highest `rw-seq` already in each output topic, then rebuilds the
 *    stage's state by replaying its inputs from the beginning, suppressing outputs up to that seq;
 *  - dead letters are keyed by their source position instead (their order depends on partition
 *    interleaving), and suppressed when that source is already in the dead-letter topic;
 *  - input offsets are committed only after the batch's outputs are acknowledged by the bus.
 * A stage killed at any point and restarted therefore writes every output exactly once.
 */
import type { Logger } from 'pino';
import type { TopicRole } from '../contracts/events.ts';
import type { Bus, BusMessage, BusProducer, OutgoingMessage } from '../ports/bus.ts';
import type { Emit, StageProcessor } from '../stages/stage.ts';
import type { Metrics } from './metrics.ts';

export type TopicMap = Record<TopicRole, string>;

export interface RunnerOptions {
  bus: Bus;
  stage: StageProcessor & { alreadyEmitted?: Set<string> };
  topics: TopicMap;
  groupPrefix: string;
  logger: Logger;
  metrics: Metrics;
  /** Quiet time after all inputs are caught up before the stage flushes (closes the event-time window). */
  idleFlushMs: number;
}

export interface RunningStage {
  stop(): Promise<void>;
  /** Resolves once the stage has flushed after its inputs went quiet (useful for batch-like runs and tests). */
  flushed(): Promise<void>;
}

const JSON_ROLES: ReadonlySet<TopicRole> = new Set(['events', 'features', 'links', 'clusters', 'rings', 'dlq']);

export async function runStage(o: RunnerOptions): Promise<RunningStage> {
  const { bus, stage, topics, logger, metrics } = o;
  const log = logger.child({ stage: stage.name });
  await bus.ensureTopics([...stage.inputs, ...stage.outputs].map((r) => ({ topic: topics[r] })));

  // 1. what is already durable downstream
  const lastSeq = new Map<TopicRole, number>();
  const dlqSources = new Set<string>();
  for (const role of stage.outputs) {
    const existing = await bus.readAll(topics[role]);
    let max = 0;
    for (const m of existing) {
      if (m.headers['rw-stage'] !== stage.name) continue;
      if (role === 'dlq') dlqSources.add(m.key ?? '');
      max = Math.max(max, Number(m.headers['rw-seq'] ?? 0));
      if (role === 'rings' && stage.alreadyEmitted) {
        const r = JSON.parse(m.value.toString()) as { ring_id: string; version: number };
        stage.alreadyEmitted.add(`${r.ring_id}#${r.version}`);
      }
    }
    lastSeq.set(role, max);
  }
  log.info({ resumeAfter: Object.fromEntries(lastSeq), deadLettersKnown: dlqSources.size }, 'stage starting: replaying inputs to rebuild state');

  // 2. numbered, suppressed emission
  const seq = new Map<TopicRole, number>();
  let pending = new Map<string, OutgoingMessage[]>();
  const emit: Emit = (role, key, value) => {
    const n = (seq.get(role) ?? 0) + 1;
    seq.set(role, n);
    if (role === 'dlq' ? dlqSources.has(key ?? '') : n <= (lastSeq.get(role) ?? 0)) {
      metrics.inc('runner_outputs_suppressed_total', { stage: stage.name, role });
      return;
    }
    if (role === 'dlq') dlqSources.add(key ?? '');
    const topic = topics[role];
    const list = pending.get(topic) ?? pending.set(topic, []).get(topic)!;
    list.push({ key, value: JSON_ROLES.has(role) ? JSON.stringify(value) : String(value), headers: { 'rw-seq': String(n), 'rw-stage': stage.name } });
  };
  const producer: BusProducer = await bus.producer();
  const drain = async () => {
    if (pending.size === 0) return;
    const out = pending;
    pending = new Map();
    for (const [topic, msgs] of out) {
      await producer.send(topic, msgs);
      metrics.inc('runner_outputs_total', { stage: stage.name, topic }, msgs.length);
    }
  };

  stage.assign?.(stage.inputs.map((r) => `${topics[r]}:0`));
  const roleOf = new Map(stage.inputs.map((r) => [topics[r], r] as const));
  let flushTimer: NodeJS.Timeout | null = null;
  let flushedOnce: () => void = () => {};
  const flushedP = new Promise<void>((r) => (flushedOnce = r));
  let chain = Promise.resolve();
  const consumer = await bus.consumer();

  let batches = 0;
  const crashAfter = Number(process.env.RINGWATCH_FAILPOINT_CRASH_AFTER_BATCHES ?? 0) || -1;
  const handleBatch = async (batch: BusMessage[]) => {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = null;
    const inputs = batch.map((m) => {
      const role = roleOf.get(m.topic)!;
      const raw = role === 'accounts' || role === 'notes' || role === 'interactions';
      return { role, partition: `${m.topic}:${m.partition}`, source: `${m.topic}:${m.partition}:${m.offset}`, value: m.value, decoded: raw ? undefined : (m.decoded ?? JSON.parse(m.value.toString())) };
    });
    if (stage.prepare) await stage.prepare(inputs.map((i) => i.decoded));
    for (const input of inputs) stage.handle(input, emit);
    stage.endBatch?.(emit);
    await drain();
    metrics.inc('runner_inputs_total', { stage: stage.name }, batch.length);
    if (++batches === crashAfter) {
      // Failpoint for crash tests: die at the worst moment — outputs durable, input offsets not committed.
      log.warn({ batches }, 'RINGWATCH_FAILPOINT_CRASH_AFTER_BATCHES reached: killing this process');
      process.kill(process.pid, 'SIGKILL');
    }
  };

  await consumer.run({
    groupId: `${o.groupPrefix}.${stage.name}`,
    topics: stage.inputs.map((r) => topics[r]),
    fromBeginning: true,
    eachBatch: (batch) => (chain = chain.then(() => handleBatch(batch))),
    onCaughtUp: async () => {
      if (flushTimer) return;
      flushTimer = setTimeout(() => {
        chain = chain.then(async () => {
          for (const r of stage.inputs) stage.idle?.(`${topics[r]}:0`, emit);
          stage.flush(emit);
          await drain();
          log.info({ outputs: Object.fromEntries(seq) }, 'inputs quiet: stage flushed');
          flushedOnce();
        });
      }, o.idleFlushMs);
    },
  });

  return {
    async stop() {
      if (flushTimer) clearTimeout(flushTimer);
      await chain.catch(() => {});
      await consumer.stop();
      await producer.close();
    },
    flushed: () => flushedP,
  };
}
