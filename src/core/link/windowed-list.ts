/** Per-key lists of timestamped entries, pruned by event time. Used for targets, notes' engagers, etc. */
export interface Stamped {
  ts: number;
}

export class WindowedLists<T extends Stamped> {
  readonly lists = new Map<string, T[]>();
  constructor(private readonly windowMs: number) {}

  /** Entries of `key` still inside the window at `now` (prunes the list in place). */
  get(key: string, now: number): T[] {
    const list = this.lists.get(key);
    if (!list) return [];
    const horizon = now - this.windowMs;
    let drop = 0;
    while (drop < list.length && list[drop].ts < horizon) drop++;
    if (drop) list.splice(0, drop);
    if (list.length === 0) this.lists.delete(key);
    return list;
  }

  push(key: string, entry: T): void {
    const list = this.lists.get(key);
    if (list) list.push(entry);
    else this.lists.set(key, [entry]);
  }

  /** Remove empty/expired lists (call now and then). */
  sweep(now: number): void {
    for (const key of [...this.lists.keys()]) this.get(key, now);
  }
}
