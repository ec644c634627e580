import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shingleHashHi, shingleHashLo, tokenHash } from '../../../src/core/simhash/feature-hash.ts';
import {
  hamming,
  resolveSimhashOptions,
  SIMHASH_DEFAULTS,
  simhash64,
  simhashFromFeatures,
  type SimhashOptions,
  type WeightedFeature,
} from '../../../src/core/simhash/simhash64.ts';
import { normalizeText } from '../../../src/core/text/normalize.ts';
import { shingleTokens, tokenClass, tokenize } from '../../../src/core/text/shingles.ts';

/** SimHash the slow way: shingles as strings (shingles.ts), then the plain Charikar sum. */
function referenceSimhash(normalized: string, o: SimhashOptions = SIMHASH_DEFAULTS) {
  const features: WeightedFeature[] = [];
  const tokens = tokenize(normalized);
  const shingles = shingleTokens(tokens, o);
  const fallback = shingles.length === 1 && shingles[0].length === tokens.length && !fits(tokens, o);
  for (const sh of shingles) {
    const hashes = sh.map((t) => tokenHash(t));
    const cjk = tokenClass(sh[0].codePointAt(0)!) === 1;
    const sizes = cjk ? o.cjkSizes : o.otherSizes;
    const weights = cjk ? o.cjkWeights : o.otherWeights;
    const weight = fallback ? 1 : weights[sizes.indexOf(sh.length)];
    features.push({ hi: shingleHashHi(hashes, 0, sh.length), lo: shingleHashLo(hashes, 0, sh.length), weight });
  }
  return simhashFromFeatures(features);
}
/** Whether any regular shingle exists (otherwise the whole text is the one feature). */
function fits(tokens: string[], o: SimhashOptions): boolean {
  return tokens.some((t, i) => {
    const sizes = tokenClass(t.codePointAt(0)!) === 1 ? o.cjkSizes : o.otherSizes;
    return sizes.some((n) => i + n <= tokens.length);
  });
}

const pieces = ['好', '用', '推荐', '这款', '精华', '𠀀', 'か', 'a', 'b', 'serum', 'great', '42', ' ', ' ', 'é', 'ж'];
const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((xs) => normalizeText(xs.join('')));
const sizesArb = fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 3 });
const optionsArb = fc
  .record({ cjk: sizesArb, other: sizesArb, w: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 3, maxLength: 3 }) })
  .map(({ cjk, other, w }) =>
    resolveSimhashOptions({ cjkSizes: cjk, otherSizes: other, cjkWeights: cjk.map((_, i) => w[i]), otherWeights: other.map((_, i) => w[2 - i]) }),
  );

describe('simhash64', () => {
  it('equals the reference Charikar sum over the string shingles (default options)', () => {
    fc.assert(
      fc.property(textArb, (t) => {
        expect(simhash64(t)).toEqual(referenceSimhash(t));
      }),
      { numRuns: 500 },
    );
  });

  it('equals the reference for arbitrary sizes and integer weights', () => {
    fc.assert(
      fc.property(textArb, optionsArb, (t, o) => {
        expect(simhash64(t, o)).toEqual(referenceSimhash(t, o));
      }),
      { numRuns: 500 },
    );
  });

  it('hashes text without characters to 0 and short text to a non-zero value', () => {
    expect(simhash64('')).toEqual({ hi: 0, lo: 0 });
    expect(simhash64('   ')).toEqual({ hi: 0, lo: 0 });
    expect(simhash64('ok')).not.toEqual({ hi: 0, lo: 0 });
  });

  it('depends only on the ratio of the weights', () => {
    fc.assert(
      fc.property(textArb, (t) => {
        const one = simhash64(t, { cjkSizes: [1, 2], otherSizes: [3, 4], cjkWeights: [1, 2], otherWeights: [1, 3] });
        const two = simhash64(t, { cjkSizes: [1, 2], otherSizes: [3, 4], cjkWeights: [2, 4], otherWeights: [2, 6] });
        expect(two).toEqual(one);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps unrelated texts about 32 bits apart', () => {
    // Deterministic pseudo-random "texts" over a 50-letter alphabet.
    let s = 99;
    const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 8) / 16777216;
    const alphabet = [...'的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可'];
    const texts = Array.from({ length: 200 }, () => Array.from({ length: 150 }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(''));
    const fps = texts.map((t) => simhash64(t));
    let sum = 0;
    let n = 0;
    for (let i = 0; i + 1 < fps.length; i += 2) {
      sum += hamming(fps[i], fps[i + 1]);
      n++;
    }
    // Independent fair bits give Binomial(64, 1/2) per pair: mean 32, sd of the mean of
    // 100 pairs 0.4. Texts over one small alphabet share a few bigrams, so slightly below.
    expect(sum / n).toBeGreaterThan(29);
    expect(sum / n).toBeLessThan(34);
  });

  it('moves only a few bits for a one-character edit in a 150-character note', () => {
    const base = normalizeText('这款保湿精华我已经用了三个月了，质地很清爽，上脸一抹就吸收，完全不黏腻。敏感肌也没有泛红，早上用完再上妆也不会搓泥。价格两百多，性价比真的很高，回购第三瓶了。');
    const edited = base.replace('清爽', '清透');
    const other = normalizeText('说实话这瓶精华我一开始没抱什么希望，结果用了两周皮肤明显变亮了。它的味道有点淡淡的药味，但是吸收特别快。我是油皮，夏天用也不会闷痘。');
    expect(hamming(simhash64(base), simhash64(edited))).toBeLessThan(hamming(simhash64(base), simhash64(other)));
    expect(hamming(simhash64(base), simhash64(edited))).toBeLessThanOrEqual(8);
  });

  it('rejects invalid options with RW_CONFIG_INVALID', () => {
    const bad: Partial<SimhashOptions>[] = [
      { cjkSizes: [] },
      { cjkSizes: [0] },
      { otherSizes: [9] },
      { otherSizes: [2, 2] },
      { cjkSizes: [1, 2], cjkWeights: [1] },
      { otherWeights: [0, 1] },
      { otherWeights: [1.5, 1] },
    ];
    for (const o of bad) expect(() => simhash64('abc', o)).toThrow(expect.objectContaining({ code: 'RW_CONFIG_INVALID' }));
  });
});
