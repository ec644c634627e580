/**
 * The `snapshot` stage of a Kafka deployment: a consumer group over the features, links and rings
 * topics that publishes Parquet snapshots (src/snapshot) under `root/snap-NNNNNN/`.
 *
 * Resumption comes from the published manifests, not from committed offsets: on start it reads
 * every published manifest's Kafka ranges, replays the topics from the beginning and skips what a
 * manifest already covers. A crash before a manifest is written therefore loses nothing and
 * duplicates nothing: the unpublished range is written again into the next snapshot.
 * A snapshot is published when the inputs go quiet, or every `rotateRecords` records.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Params } from '../config/params.ts';
import type { Provenance } from '../contracts/ring.ts';
import type { Bus } from '../ports/bus.ts';
import { readManifest } from '../snapshot/snapshot-manifest.ts';
import { SnapshotSink } from '../snapshot/snapshot-sink.ts';
import type { Metrics } from './metrics.ts';
import type { RunningStage, TopicMap } from './stage-runner.ts';

export interface SnapshotRunnerOptions {
  bus: Bus;
  root: string;
  topics: TopicMap;
  groupPrefix: string;
  params: Params;
  provenance: Provenance;
  logger: Logger;
  metrics: Metrics;
  idleFlushMs: number;
  rotateRecords: number;
}

const ROLES = ['features', 'links', 'rings'] as const;

export async function runSnapshotStage(o: SnapshotRunnerOptions): Promise<RunningStage> {
  const log = o.logger.child({ stage: 'snapshot' });
  const published = existsSync(o.root) ? readdirSync(o.root).filter((d) => /^snap-\d{6}$/.test(d) && existsSync(join(o.root, d, 'manifest.json'))).sort() : [];
  const covered = new Map<string, bigint>();
  for (const d of published) {
    const m = await readManifest(join(o.root, d));
    if (m.input.kind !== 'kafka') continue;
    for (const r of m.input.ranges) {
      const k = `${r.topic}:${r.partition}`;
      const last = BigInt(r.last_offset);
      if (last > (covered.get(k) ?? -1n)) covered.set(k, last);
    }
  }
  let seq = published.length ? Number(published[published.length - 1].slice(5)) + 1 : 1;
  log.info({ root: o.root, published: published.length, resumeAfter: Object.fromEntries([...covered].map(([k, v]) => [k, String(v)])) }, 'snapshot stage starting');

  let sink: SnapshotSink | null = null;
  let inSink = 0;
  const roleOf = new Map(ROLES.map((r) => [o.topics[r], r] as const));
  const publish = async (why: string) => {
    if (!sink || inSink === 0) return;
    const dir = join(o.root, `snap-${String(seq).padStart(6, '0')}`);
    const manifest = await sink.publish();
    for (const r of manifest.input.kind === 'kafka' ? manifest.input.ranges : []) covered.set(`${r.topic}:${r.partition}`, BigInt(r.last_offset));
    log.info({ dir, why, rows: manifest.tables }, 'snapshot published');
    o.metrics.inc('snapshot_published_total');
    sink = null;
    inSink = 0;
    seq++;
  };

  let chain = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  let flushed: () => void = () => {};
  const flushedP = new Promise<void>((r) => (flushed = r));
  const consumer = await o.bus.consumer();
  await o.bus.ensureTopics(ROLES.map((r) => ({ topic: o.topics[r] })));
  await consumer.run({
    groupId: `${o.groupPrefix}.snapshot`,
    topics: ROLES.map((r) => o.topics[r]),
    fromBeginning: true,
    eachBatch: (batch) =>
      (chain = chain.then(async () => {
        if (timer) clearTimeout(timer);
        timer = null;
        for (const m of batch) {
          const done = covered.get(`${m.topic}:${m.partition}`);
          if (done !== undefined && BigInt(m.offset) <= done) continue;
          sink ??= await SnapshotSink.open(join(o.root, `snap-${String(seq).padStart(6, '0')}`), o.params, o.provenance);
          if (sink.record({ role: roleOf.get(m.topic)!, topic: m.topic, partition: m.partition, offset: m.offset, value: m.decoded ?? JSON.parse(m.value.toString()) })) inSink++;
        }
        await sink?.flush();
        if (inSink >= o.rotateRecords) await publish('rotation');
      })),
    onCaughtUp: async () => {
      if (timer) return;
      timer = setTimeout(() => {
        chain = chain.then(async () => {
          await publish('inputs quiet');
          flushed();
        });
      }, o.idleFlushMs);
    },
  });
  return {
    async stop() {
      if (timer) clearTimeout(timer);
      await chain.catch(() => {});
      await consumer.stop();
      await sink?.abort();
    },
    flushed: () => flushedP,
  };
}
