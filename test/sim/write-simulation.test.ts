import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeSimulation } from '../../src/sim/write-simulation.ts';

describe('writeSimulation', () => {
  it('is byte-identical for the same scenario and seed, and differs for another seed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-sim-'));
    const a = await writeSimulation({ scenario: 'demo', seed: 5, out: join(dir, 'a.jsonl.gz'), truth: join(dir, 'a.truth.json') });
    const b = await writeSimulation({ scenario: 'demo', seed: 5, out: join(dir, 'b.jsonl.gz'), truth: join(dir, 'b.truth.json') });
    const c = await writeSimulation({ scenario: 'demo', seed: 6, out: join(dir, 'c.jsonl'), truth: join(dir, 'c.truth.json') });
    const fa = readFileSync(join(dir, 'a.jsonl.gz'));
    expect(readFileSync(join(dir, 'b.jsonl.gz')).equals(fa)).toBe(true);
    expect(readFileSync(join(dir, 'b.truth.json')).equals(readFileSync(join(dir, 'a.truth.json')))).toBe(true);
    expect(a).toEqual(b);
    const lines = gunzipSync(fa).toString('utf8').trimEnd().split('\n');
    expect(lines.length).toBe(a.events);
    expect(a.rings).toBeGreaterThan(0);
    const plain = readFileSync(join(dir, 'c.jsonl'), 'utf8');
    expect(plain.split('\n').length - 1).toBe(c.events);
    expect(plain).not.toBe(gunzipSync(fa).toString('utf8'));
    expect(readFileSync(join(dir, 'c.truth.json'), 'utf8')).not.toBe(readFileSync(join(dir, 'a.truth.json'), 'utf8'));
  });
});
