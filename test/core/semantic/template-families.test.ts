import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HnswIndex } from '../../../src/core/semantic/hnsw-index.ts';
import { TemplateFamilies } from '../../../src/core/semantic/template-families.ts';
import { BGE_DIR, embedCorpus } from './corpus-embeddings.ts';
import { randomUnitVectors } from './random-unit-vectors.ts';

const v = (...xs: number[]): Float32Array => {
  const n = Math.hypot(...xs);
  return Float32Array.from(xs, (x) => x / n);
};

describe('TemplateFamilies', () => {
  it('joins a note to the leader within the threshold, else founds a family', () => {
    const tf = new TemplateFamilies(2, { threshold: 0.9 });
    const a = tf.assign('a', v(1, 0));
    expect(a).toEqual({ noteId: 'a', familyId: 'tf:a', leaderId: 'a', similarity: 1, isNewFamily: true });
    const b = tf.assign('b', v(1, 0.2)); // cos ≈ 0.981
    expect(b.familyId).toBe('tf:a');
    expect(b.isNewFamily).toBe(false);
    expect(b.similarity).toBeCloseTo(1 / Math.hypot(1, 0.2), 5);
    const c = tf.assign('c', v(1, 1)); // cos ≈ 0.707 to a
    expect(c.familyId).toBe('tf:c');
    expect(c.isNewFamily).toBe(true);
    expect(tf.familyCount).toBe(2);
  });

  it('measures similarity to the leader, so families do not chain', () => {
    const tf = new TemplateFamilies(2, { threshold: 0.95 });
    // Each step is ~0.98 from the previous one but drifts away from the first.
    const ids = [0, 1, 2, 3, 4].map((i) => tf.assign(`s${i}`, v(Math.cos(i * 0.2), Math.sin(i * 0.2))).familyId);
    expect(ids).toEqual(['tf:s0', 'tf:s0', 'tf:s2', 'tf:s2', 'tf:s4']);
  });

  it('picks the most similar leader when several qualify', () => {
    const tf = new TemplateFamilies(2, { threshold: 0.5 });
    tf.assign('x', v(1, 0));
    tf.assign('y', v(0, 1));
    expect(tf.assign('z', v(0.3, 1)).familyId).toBe('tf:y');
  });

  it('keeps the first assignment of a note seen again', () => {
    const tf = new TemplateFamilies(2);
    tf.assign('a', v(1, 0));
    expect(tf.assign('a', v(0, 1)).familyId).toBe('tf:a');
    expect(tf.family('tf:a')!.size).toBe(1);
  });

  it('reports size, similarity figures and examples, largest family first', () => {
    const tf = new TemplateFamilies(2, { threshold: 0.9, maxExamples: 2 });
    tf.assign('p', v(0, 1));
    tf.assign('a', v(1, 0));
    tf.assign('b', v(1, 0.1));
    tf.assign('c', v(1, 0.3));
    const [big, small] = tf.families();
    expect(big.familyId).toBe('tf:a');
    expect(big.size).toBe(3);
    expect(big.examples.map((e) => e.noteId)).toEqual(['a', 'b']);
    expect(big.minSimilarity).toBeCloseTo(1 / Math.hypot(1, 0.3), 5);
    expect(big.meanSimilarity).toBeCloseTo((1 + 1 / Math.hypot(1, 0.1) + 1 / Math.hypot(1, 0.3)) / 3, 5);
    expect(small).toMatchObject({ familyId: 'tf:p', size: 1 });
    expect(tf.families(2).map((f) => f.familyId)).toEqual(['tf:a']);
    expect(tf.familyOf('c')).toBe('tf:a');
  });

  it('gives the same families with an HNSW leader index as with the exact scan', () => {
    const vecs = randomUnitVectors(1500, 64, 21, 40, 1);
    const exact = new TemplateFamilies(64, { threshold: 0.8 });
    const approx = new TemplateFamilies(64, { threshold: 0.8, createIndex: (d) => new HnswIndex(d) });
    vecs.forEach((x, i) => {
      exact.assign(`n${i}`, x);
      approx.assign(`n${i}`, x);
    });
    expect(exact.familyCount).toBeGreaterThan(1);
    expect(approx.families()).toEqual(exact.families());
  });

  it('rejects a threshold outside (-1, 1]', () => {
    expect(() => new TemplateFamilies(2, { threshold: 1.5 })).toThrow(RangeError);
  });

  const modelPresent = existsSync(path.join(BGE_DIR, 'model.onnx'));
  it.skipIf(!modelPresent)('groups real bge embeddings of same-template, same-product notes', async () => {
    const data = await embedCorpus(400, 8);
    expect(data).not.toBeNull();
    const { notes, vectors } = data!;
    const tf = new TemplateFamilies(vectors[0].length, { threshold: 0.9 });
    notes.forEach((n, i) => tf.assign(n.id, vectors[i]));
    // Pairs of notes written from the same template about the same product…
    let same = 0;
    let together = 0;
    // …and pairs of a template note with a free-form note.
    let mixed = 0;
    for (let i = 0; i < notes.length; i++) {
      for (let j = i + 1; j < notes.length; j++) {
        const a = notes[i];
        const b = notes[j];
        const joined = tf.familyOf(a.id) === tf.familyOf(b.id);
        if (a.template !== null && a.template === b.template && a.product === b.product) {
          same++;
          if (joined) together++;
        } else if ((a.template === null) !== (b.template === null) && joined) mixed++;
      }
    }
    expect(same).toBeGreaterThan(50);
    expect(together / same).toBeGreaterThanOrEqual(0.8);
    expect(mixed).toBe(0);
  }, 120_000);
});
