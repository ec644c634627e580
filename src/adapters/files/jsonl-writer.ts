/** Append-only JSONL output (rings, dead letters) with an explicit close that waits for the bytes to land. */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';

export class JsonlWriter {
  private readonly out: WriteStream;
  count = 0;
  constructor(path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.out = createWriteStream(path);
  }
  write(value: unknown): void {
    this.out.write(`${JSON.stringify(value)}\n`);
    this.count++;
  }
  close(): Promise<void> {
    return new Promise((resolve, reject) => this.out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
}
