/**
 * One-line summary of a truth ring's strategy record for the per-ring table, e.g.
 * `persona=beauty; posts_per_day=3; evasion=paraphrase+jitter`. Keys keep the simulator's order;
 * numbers are shown to 3 significant digits; the line is cut at `maxLength` characters.
 */
export function summarizeStrategy(strategy: Record<string, unknown>, maxLength = 120): string {
  const parts = Object.entries(strategy).map(([k, v]) => `${k}=${show(v)}`);
  const line = parts.join('; ');
  return line.length <= maxLength ? line : `${line.slice(0, maxLength - 1)}…`;
}

function show(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(3)));
  if (typeof v === 'string' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return v.map(show).join('+');
  return JSON.stringify(v);
}
