import { expect, it } from 'vitest';
import { ratio } from '../../src/eval/ratio.ts';

it('ratio is null on a zero denominator, not 0 or 1', () => {
  expect(ratio(0, 0)).toBeNull();
  expect(ratio(1, 4)).toBe(0.25);
  expect(ratio(0, 3)).toBe(0);
});
