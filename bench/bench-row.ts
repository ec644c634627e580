export interface BenchRow {
  stage: string;
  metric: string;
  value: number;
  unit: string;
  note?: string;
}

/** Median of repeated measurements (the machines are shared and noisy). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function timeIt(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
}
