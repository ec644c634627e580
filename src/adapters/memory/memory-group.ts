import type { MemoryTopic } from './memory-topic.ts';

/** What the group needs from a member to rebalance it. */
export interface GroupMember {
  readonly topics: readonly MemoryTopic[];
  /** Stop picking new batches; resolves when the in-flight batch (if any) has finished. */
  quiesce(): Promise<void>;
  /** Take a new assignment and continue. */
  assign(partitions: { topic: MemoryTopic; partition: number }[]): void;
}

export function partitionKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

/**
 * A consumer group: committed offsets plus a stop-the-world rebalance like Kafka's — on every
 * join/leave all members finish their in-flight batch, then partitions of each topic are dealt
 * round-robin over the members subscribed to it, in join order.
 */
export class MemoryGroup {
  readonly id: string;
  readonly committed = new Map<string, number>();
  readonly members: GroupMember[] = [];
  #rebalancing: Promise<void> = Promise.resolve();

  constructor(id: string) {
    this.id = id;
  }

  join(member: GroupMember): Promise<void> {
    return this.#rebalance(() => {
      this.members.push(member);
    });
  }

  leave(member: GroupMember): Promise<void> {
    return this.#rebalance(() => {
      const i = this.members.indexOf(member);
      if (i >= 0) this.members.splice(i, 1);
    });
  }

  /** Rebalances are serialized so concurrent joins see each other. */
  #rebalance(change: () => void): Promise<void> {
    const run = async (): Promise<void> => {
      await Promise.all(this.members.map((m) => m.quiesce()));
      change();
      this.#assignAll();
    };
    this.#rebalancing = this.#rebalancing.then(run, run);
    return this.#rebalancing;
  }

  #assignAll(): void {
    const byMember = new Map<GroupMember, { topic: MemoryTopic; partition: number }[]>(
      this.members.map((m) => [m, []]),
    );
    const topics = new Map<string, MemoryTopic>();
    for (const m of this.members) for (const t of m.topics) topics.set(t.name, t);
    for (const name of [...topics.keys()].sort()) {
      const topic = topics.get(name)!;
      const subscribers = this.members.filter((m) => m.topics.includes(topic));
      for (let p = 0; p < topic.partitions.length; p++) {
        byMember.get(subscribers[p % subscribers.length])!.push({ topic, partition: p });
      }
    }
    for (const [m, parts] of byMember) m.assign(parts);
  }
}
