import type { Admin, Kafka } from 'kafkajs';
import { KafkaBusError, KAFKA_BUS_ERROR_CODES, wrapKafkaError } from './errors.ts';

export interface PartitionRange {
  partition: number;
  /** Log start offset. */
  low: bigint;
  /** High watermark: offset of the next message to be written. */
  high: bigint;
}

/**
 * Topic-level admin work for one bus: creating topics, checking that topics exist (fast, instead
 * of letting kafkajs retry an unknown topic for minutes), partition ranges, group offsets.
 * Holds one lazily connected admin client.
 */
export class KafkaTopics {
  readonly #kafka: Kafka;
  readonly #replicationFactor: number;
  #admin: Promise<Admin> | undefined;
  readonly #known = new Set<string>();

  constructor(kafka: Kafka, replicationFactor: number) {
    this.#kafka = kafka;
    this.#replicationFactor = replicationFactor;
  }

  async ensure(specs: { topic: string; partitions?: number }[]): Promise<void> {
    for (const { topic, partitions = 1 } of specs) {
      if (!topic || !Number.isInteger(partitions) || partitions < 1) {
        throw new KafkaBusError(KAFKA_BUS_ERROR_CODES.BAD_ARGUMENT, `bad topic spec ${topic}/${partitions}`);
      }
    }
    try {
      const admin = await this.#connected();
      const existing = new Set(await admin.listTopics());
      const missing = specs.filter((s) => !existing.has(s.topic));
      if (missing.length > 0) {
        await admin
          .createTopics({
            waitForLeaders: true,
            topics: missing.map((s) => ({
              topic: s.topic,
              numPartitions: s.partitions ?? 1,
              replicationFactor: this.#replicationFactor,
            })),
          })
          .catch((err: unknown) => {
            // Someone else created it between listTopics and createTopics: checked below.
            if (!isAlreadyExists(err)) throw err;
          });
      }
      const { topics } = await admin.fetchTopicMetadata({ topics: specs.map((s) => s.topic) });
      for (const s of specs) {
        const have = topics.find((t) => t.name === s.topic)?.partitions.length ?? 0;
        if (have < (s.partitions ?? 1)) {
          throw new KafkaBusError(
            KAFKA_BUS_ERROR_CODES.TOPIC_CONFLICT,
            `topic ${s.topic} has ${have} partitions, ${s.partitions ?? 1} requested`,
          );
        }
        this.#known.add(s.topic);
      }
    } catch (err) {
      throw wrapKafkaError(KAFKA_BUS_ERROR_CODES.ADMIN_FAILED, 'ensureTopics', err);
    }
  }

  /** Throws RW_KAFKA_UNKNOWN_TOPIC unless every topic exists. Positive answers are cached. */
  async assertExist(topics: string[]): Promise<void> {
    if (topics.every((t) => this.#known.has(t))) return;
    let existing: string[];
    try {
      existing = await (await this.#connected()).listTopics();
    } catch (err) {
      throw wrapKafkaError(KAFKA_BUS_ERROR_CODES.ADMIN_FAILED, 'listTopics', err);
    }
    for (const t of existing) this.#known.add(t);
    const missing = topics.filter((t) => !this.#known.has(t));
    if (missing.length > 0) {
      throw new KafkaBusError(KAFKA_BUS_ERROR_CODES.UNKNOWN_TOPIC, `unknown topic(s): ${missing.join(', ')}`);
    }
  }

  async ranges(topic: string): Promise<PartitionRange[]> {
    try {
      const offsets = await (await this.#connected()).fetchTopicOffsets(topic);
      return offsets
        .map((o) => ({ partition: o.partition, low: BigInt(o.low), high: BigInt(o.high) }))
        .sort((a, b) => a.partition - b.partition);
    } catch (err) {
      throw wrapKafkaError(KAFKA_BUS_ERROR_CODES.ADMIN_FAILED, `fetchTopicOffsets ${topic}`, err);
    }
  }

  /** Committed offsets of a group (`-1n` where nothing is committed), by "topic/partition". */
  async committed(groupId: string, topics: string[]): Promise<Map<string, bigint>> {
    try {
      const res = await (await this.#connected()).fetchOffsets({ groupId, topics });
      const out = new Map<string, bigint>();
      for (const t of res) for (const p of t.partitions) out.set(`${t.topic}/${p.partition}`, BigInt(p.offset));
      return out;
    } catch (err) {
      throw wrapKafkaError(KAFKA_BUS_ERROR_CODES.ADMIN_FAILED, `fetchOffsets ${groupId}`, err);
    }
  }

  async deleteGroup(groupId: string): Promise<void> {
    await (await this.#connected()).deleteGroups([groupId]);
  }

  async close(): Promise<void> {
    const admin = this.#admin;
    this.#admin = undefined;
    if (admin !== undefined) await (await admin.catch(() => undefined))?.disconnect();
  }

  #connected(): Promise<Admin> {
    if (this.#admin === undefined) {
      const admin = this.#kafka.admin();
      const p = admin
        .connect()
        .then(() => admin)
        .catch((err: unknown) => {
          throw wrapKafkaError(KAFKA_BUS_ERROR_CODES.ADMIN_FAILED, 'admin connect', err);
        });
      p.catch(() => {
        if (this.#admin === p) this.#admin = undefined;
      });
      this.#admin = p;
    }
    return this.#admin;
  }
}

function isAlreadyExists(err: unknown): boolean {
  const e = err as { type?: string; errors?: { type?: string }[] } | null;
  if (e?.type === 'TOPIC_ALREADY_EXISTS') return true;
  return Array.isArray(e?.errors) && e.errors.length > 0 && e.errors.every((x) => x.type === 'TOPIC_ALREADY_EXISTS');
}
