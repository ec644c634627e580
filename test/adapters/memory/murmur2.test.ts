import fc from 'fast-check';
import { Partitioners } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { partitionForKey } from '../../../src/adapters/memory/murmur2.ts';

// The reference: kafkajs' DefaultPartitioner (Java-compatible murmur2), fed fake metadata.
const kafkajsPartition = Partitioners.DefaultPartitioner();
function reference(key: string, partitions: number): number {
  const partitionMetadata = Array.from({ length: partitions }, (_, i) => ({
    partitionId: i,
    leader: 1,
    replicas: [1],
    isr: [1],
    offlineReplicas: [],
    partitionErrorCode: 0,
  }));
  return kafkajsPartition({ topic: 't', partitionMetadata, message: { key, value: null } });
}

describe('partitionForKey', () => {
  it('matches Kafka\'s default partitioner for any key and partition count', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), fc.integer({ min: 1, max: 64 }), (key, n) => {
        expect(partitionForKey(key, n)).toBe(reference(key, n));
      }),
      { numRuns: 2000, seed: 42 },
    );
  });

  it('matches values computed with the Java client (Utils.toPositive(Utils.murmur2(bytes)) % n)', () => {
    // Produced with kafka-clients 3.9.1 from infra/kafka/lib via a one-off `java M.java`.
    const java: [string, number, number][] = [
      ['21', 3, 0],
      ['', 7, 2],
      ['acct-1', 12, 2],
      ['账号-ü', 5, 0],
      ['k0', 3, 2],
      ['abcdefgh', 64, 29],
      ['x', 2, 0],
    ];
    for (const [key, n, expected] of java) expect(partitionForKey(key, n)).toBe(expected);
  });
});
