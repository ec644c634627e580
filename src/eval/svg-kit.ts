/**
 * The few pieces the hand-written report plots share: escaping, a linear scale, "nice" tick
 * steps, axes with gridlines, and the document wrapper. Output is plain SVG 1.1 text with fixed
 * number formatting, so the same result always renders to the same bytes.
 */

export const COLORS = Object.freeze({ a: '#1f77b4', b: '#ff7f0e', c: '#2ca02c', bad: '#d62728', grid: '#e5e5e5', ink: '#333333' });

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Coordinates with at most 2 decimals, no trailing zeros. */
export function n(v: number): string {
  return String(Math.round(v * 100) / 100);
}

export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** A 1/2/5 × 10^k step giving about `target` intervals over `span`. */
export function niceStep(span: number, target: number): number {
  if (!(span > 0)) return 1;
  const raw = span / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

/** Ticks from 0 (or lo) to hi inclusive at `step`, rounded to kill float noise. */
export function ticks(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  for (let i = Math.ceil(lo / step - 1e-9); i * step <= hi + step * 1e-9; i++) out.push(Number((i * step).toPrecision(12)));
  return out;
}

export interface Area {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export function axes(
  a: Area,
  x: { scale: (v: number) => number; ticks: number[]; format: (v: number) => string; label: string },
  y: { scale: (v: number) => number; ticks: number[]; format: (v: number) => string; label: string },
): string[] {
  const out: string[] = [];
  for (const t of y.ticks) {
    const py = n(y.scale(t));
    out.push(`<line x1="${a.left}" y1="${py}" x2="${a.right}" y2="${py}" stroke="${COLORS.grid}"/>`);
    out.push(`<text x="${a.left - 6}" y="${py}" text-anchor="end" dominant-baseline="middle">${esc(y.format(t))}</text>`);
  }
  for (const t of x.ticks) {
    const px = n(x.scale(t));
    out.push(`<line x1="${px}" y1="${a.bottom}" x2="${px}" y2="${a.bottom + 4}" stroke="${COLORS.ink}"/>`);
    out.push(`<text x="${px}" y="${a.bottom + 16}" text-anchor="middle">${esc(x.format(t))}</text>`);
  }
  out.push(`<line x1="${a.left}" y1="${a.bottom}" x2="${a.right}" y2="${a.bottom}" stroke="${COLORS.ink}"/>`);
  out.push(`<line x1="${a.left}" y1="${a.top}" x2="${a.left}" y2="${a.bottom}" stroke="${COLORS.ink}"/>`);
  out.push(`<text x="${n((a.left + a.right) / 2)}" y="${a.bottom + 34}" text-anchor="middle">${esc(x.label)}</text>`);
  const cy = n((a.top + a.bottom) / 2);
  out.push(`<text x="14" y="${cy}" text-anchor="middle" transform="rotate(-90 14 ${cy})">${esc(y.label)}</text>`);
  return out;
}

export function svgDocument(width: number, height: number, title: string, body: readonly string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12" fill="${COLORS.ink}">`,
    `<title>${esc(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${esc(title)}</text>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

/** A centred message for plots with nothing to show. */
export function emptyNote(width: number, height: number, msg: string): string {
  return `<text x="${width / 2}" y="${height / 2}" text-anchor="middle" font-style="italic">${esc(msg)}</text>`;
}
