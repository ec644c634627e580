/**
 * A minimal metrics registry (counters and gauges with labels) rendered in Prometheus text format.
 * Injected into stages, never imported as a global.
 */
export type Labels = Record<string, string>;

export interface Metrics {
  inc(name: string, labels?: Labels, by?: number): void;
  set(name: string, value: number, labels?: Labels): void;
  get(name: string, labels?: Labels): number;
  snapshot(): Record<string, number>;
  prometheus(): string;
}

const keyOf = (name: string, labels: Labels = {}) => {
  const ks = Object.keys(labels).sort();
  return ks.length ? `${name}{${ks.map((k) => `${k}="${labels[k]}"`).join(',')}}` : name;
};

export function createMetrics(constLabels: Labels = {}): Metrics {
  const values = new Map<string, number>();
  const kinds = new Map<string, 'counter' | 'gauge'>();
  return {
    inc(name, labels, by = 1) {
      const k = keyOf(name, { ...constLabels, ...labels });
      values.set(k, (values.get(k) ?? 0) + by);
      kinds.set(name, 'counter');
    },
    set(name, value, labels) {
      values.set(keyOf(name, { ...constLabels, ...labels }), value);
      kinds.set(name, 'gauge');
    },
    get(name, labels) {
      return values.get(keyOf(name, { ...constLabels, ...labels })) ?? 0;
    },
    snapshot() {
      return Object.fromEntries([...values.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
    },
    prometheus() {
      const lines: string[] = [];
      for (const [name, kind] of [...kinds.entries()].sort()) {
        lines.push(`# TYPE ringwatch_${name} ${kind}`);
        for (const [k, v] of values) if (k === name || k.startsWith(`${name}{`)) lines.push(`ringwatch_${k} ${v}`);
      }
      return lines.join('\n') + '\n';
    },
  };
}
