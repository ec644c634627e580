/**
 * Horizontal bars of the false-flag rate of genuine accounts overall and of each hard-negative
 * class, with the bar's limit as a dashed line. The x range always shows the limit, so a chart
 * that is all zeros still says how far below the limit it is.
 */
import type { EvalResult } from './eval-result.ts';
import { axes, COLORS, esc, linear, n, niceStep, svgDocument, ticks, type Area } from './svg-kit.ts';

const W = 620;
const ROW = 26;

export function falseFlagSvg(ff: EvalResult['false_flags'], limit: number): string {
  const rows = [{ label: 'genuine (all)', ...ff.genuine }, ...ff.by_class.map((c) => ({ label: c.class, ...c }))];
  const a: Area = { left: 170, right: W - 90, top: 52, bottom: 52 + rows.length * ROW };
  const H = a.bottom + 48;
  const maxRate = Math.max(limit * 2, ...rows.map((r) => r.rate ?? 0));
  const step = niceStep(maxRate, 5);
  const xMax = Math.ceil(maxRate / step - 1e-9) * step;
  const x = linear(0, xMax, a.left, a.right);
  const body = axes(
    a,
    { scale: x, ticks: ticks(0, xMax, step), format: (v) => String(Number(v.toPrecision(6))), label: 'flagged / accounts in class' },
    { scale: () => a.top, ticks: [], format: String, label: '' },
  );
  rows.forEach((r, i) => {
    const cy = a.top + i * ROW + ROW / 2;
    body.push(`<text x="${a.left - 6}" y="${cy}" text-anchor="end" dominant-baseline="middle">${esc(r.label)}</text>`);
    const over = r.rate !== null && r.rate > limit;
    if (r.rate !== null && r.rate > 0) {
      const w = Math.max(1, x(Math.min(r.rate, xMax)) - a.left);
      body.push(`<rect data-rate="${r.rate}" x="${a.left}" y="${cy - 8}" width="${n(w)}" height="16" fill="${over ? COLORS.bad : COLORS.a}"/>`);
    }
    const text = r.rate === null ? 'n/a' : `${r.flagged}/${r.total}`;
    body.push(`<text x="${a.right + 6}" y="${cy}" dominant-baseline="middle">${esc(text)}</text>`);
  });
  const lx = n(x(limit));
  body.push(`<line x1="${lx}" y1="${a.top - 4}" x2="${lx}" y2="${a.bottom}" stroke="${COLORS.bad}" stroke-width="1.5" stroke-dasharray="4 3"/>`);
  body.push(`<text x="${lx}" y="${a.top - 8}" text-anchor="middle" fill="${COLORS.bad}">limit ${limit}</text>`);
  return svgDocument(W, H, 'False-flag rate of genuine accounts by class', body);
}
