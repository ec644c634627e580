import type { BusMessage } from '../../ports/bus.ts';

const EMPTY_HEADERS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * A stored message. When only `decoded` was sent, `value` (its JSON) is computed on first read,
 * so in-process consumers that use `decoded` never pay for serialization. `value` is therefore an
 * accessor: object spread (`{ ...m }`) does not copy it — use toJSON() for a plain copy.
 */
export class MemoryMessage implements BusMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly decoded: unknown;
  readonly headers: Record<string, string>;
  /** Buffer, or a string/undefined still to be encoded on first read of `value`. */
  #value: Buffer | string | undefined;

  constructor(
    topic: string,
    partition: number,
    offset: number,
    key: string | null,
    value: Buffer | string | undefined,
    decoded: unknown,
    headers: Record<string, string> | undefined,
  ) {
    this.topic = topic;
    this.partition = partition;
    this.offset = String(offset);
    this.key = key;
    this.#value = value;
    this.decoded = decoded;
    this.headers = headers === undefined ? EMPTY_HEADERS : Object.freeze({ ...headers });
  }

  get value(): Buffer {
    const v = this.#value;
    if (Buffer.isBuffer(v)) return v;
    const buf = Buffer.from(v === undefined ? JSON.stringify(this.decoded) : v, 'utf8');
    this.#value = buf;
    return buf;
  }

  /** Plain-object view (getters resolved), e.g. for structured clone or logging. */
  toJSON(): BusMessage {
    const m: BusMessage = {
      topic: this.topic,
      partition: this.partition,
      offset: this.offset,
      key: this.key,
      value: this.value,
      headers: this.headers,
    };
    if (this.decoded !== undefined) m.decoded = this.decoded;
    return m;
  }
}
