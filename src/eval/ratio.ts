/** `n / d`, or `null` when the denominator is zero (the figure is not measurable, not 0 or 1). */
export function ratio(n: number, d: number): number | null {
  return d === 0 ? null : n / d;
}
