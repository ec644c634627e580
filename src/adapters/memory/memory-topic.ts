import { MemoryMessage } from './memory-message.ts';
import { partitionForKey } from './murmur2.ts';

/** Anything that wants to hear about appends (a running consumer). */
export interface AppendListener {
  wake(): void;
}

const KEY_CACHE_LIMIT = 65_536;

/** One topic: an append-only array per partition. */
export class MemoryTopic {
  readonly name: string;
  readonly partitions: MemoryMessage[][];
  readonly listeners = new Set<AppendListener>();
  /** Round-robin cursor for keyless messages; starts at 0 so runs are reproducible. */
  #next = 0;
  #keyCache = new Map<string, number>();

  constructor(name: string, partitions: number) {
    this.name = name;
    this.partitions = Array.from({ length: partitions }, () => []);
  }

  partitionFor(key: string | null): number {
    const n = this.partitions.length;
    if (n === 1) return 0;
    if (key === null) return this.#next++ % n;
    let p = this.#keyCache.get(key);
    if (p === undefined) {
      if (this.#keyCache.size >= KEY_CACHE_LIMIT) this.#keyCache.clear();
      p = partitionForKey(key, n);
      this.#keyCache.set(key, p);
    }
    return p;
  }

  append(
    key: string | null,
    value: Buffer | string | undefined,
    decoded: unknown,
    headers: Record<string, string> | undefined,
  ): void {
    const p = this.partitionFor(key);
    const log = this.partitions[p];
    log.push(new MemoryMessage(this.name, p, log.length, key, value, decoded, headers));
  }

  notify(): void {
    for (const l of this.listeners) l.wake();
  }
}
