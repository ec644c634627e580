/** Ring-level precision, recall and large-ring recall against the ring-score threshold. */
import type { PrPoint } from './eval-result.ts';
import { axes, COLORS, emptyNote, esc, linear, n, svgDocument, ticks, type Area } from './svg-kit.ts';

const W = 560;
const H = 340;

export function prCurveSvg(points: readonly PrPoint[]): string {
  const title = 'Ring precision / recall vs score threshold';
  if (points.length === 0) return svgDocument(W, H, title, [emptyNote(W, H, 'no flagged rings')]);
  const a: Area = { left: 56, right: W - 130, top: 36, bottom: H - 48 };
  const x = linear(0, 1, a.left, a.right);
  const y = linear(0, 1, a.bottom, a.top);
  const grid = ticks(0, 1, 0.2);
  const body = axes(
    a,
    { scale: x, ticks: grid, format: (v) => v.toFixed(1), label: 'ring score threshold (keep score ≥ t)' },
    { scale: y, ticks: grid, format: (v) => v.toFixed(1), label: 'ring-level figure' },
  );
  const asc = [...points].sort((p, q) => p.threshold - q.threshold);
  const series: { key: 'precision' | 'recall' | 'recall_large'; label: string; color: string; dash?: string }[] = [
    { key: 'precision', label: 'precision', color: COLORS.a },
    { key: 'recall', label: 'recall', color: COLORS.b },
    { key: 'recall_large', label: 'recall (large)', color: COLORS.c, dash: '5 3' },
  ];
  series.forEach((s, i) => {
    const pts = asc.flatMap((p) => (p[s.key] === null ? [] : [[x(p.threshold), y(p[s.key] as number)]]));
    if (pts.length > 0) {
      const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : '';
      body.push(`<polyline data-series="${s.key}" fill="none" stroke="${s.color}" stroke-width="2"${dash} points="${pts.map(([px, py]) => `${n(px)},${n(py)}`).join(' ')}"/>`);
      for (const [px, py] of pts) body.push(`<circle cx="${n(px)}" cy="${n(py)}" r="2.5" fill="${s.color}"/>`);
    }
    const ly = a.top + 10 + i * 18;
    body.push(`<line x1="${a.right + 12}" y1="${ly}" x2="${a.right + 32}" y2="${ly}" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    body.push(`<text x="${a.right + 36}" y="${ly}" dominant-baseline="middle">${esc(s.label)}</text>`);
  });
  return svgDocument(W, H, title, body);
}
