import { expect, it } from 'vitest';
import { summarizeStrategy } from '../../src/eval/summarize-strategy.ts';

it('summarizes a strategy record on one line', () => {
  expect(summarizeStrategy({ persona: 'beauty', rate: 0.123456, tricks: ['paraphrase', 'jitter'], n: 12, opts: { a: 1 } })).toBe(
    'persona=beauty; rate=0.123; tricks=paraphrase+jitter; n=12; opts={"a":1}',
  );
  const long = summarizeStrategy({ k: 'x'.repeat(200) }, 20);
  expect(long).toHaveLength(20);
  expect(long.endsWith('…')).toBe(true);
});
