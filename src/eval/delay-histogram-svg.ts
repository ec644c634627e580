/**
 * Histogram of time to detection (hours) over matched true rings, with the median and the bar's
 * limit drawn as vertical lines. Bin width is a 1/2/5 step chosen for about ten bins; bins are
 * [lo, lo + w) except the last, which also holds its upper edge.
 */
import { axes, COLORS, emptyNote, esc, linear, n, niceStep, svgDocument, ticks, type Area } from './svg-kit.ts';

const W = 560;
const H = 320;

export interface Bins {
  start: number;
  width: number;
  counts: number[];
}

export function delayBins(delays: readonly number[], limitHours: number): Bins {
  const lo = Math.min(0, ...delays);
  const hi = Math.max(limitHours, ...delays);
  const width = niceStep(hi - lo, 10);
  const start = Math.floor(lo / width) * width;
  const count = Math.max(1, Math.ceil((hi - start) / width - 1e-9));
  const counts = new Array<number>(count).fill(0);
  for (const d of delays) counts[Math.min(count - 1, Math.floor((d - start) / width))]++;
  return { start, width, counts };
}

export function delayHistogramSvg(delays: readonly number[], median: number | null, limitHours: number): string {
  const title = 'Time to detection (matched true rings)';
  if (delays.length === 0) return svgDocument(W, H, title, [emptyNote(W, H, 'no matched rings')]);
  const { start, width, counts } = delayBins(delays, limitHours);
  const end = start + width * counts.length;
  const a: Area = { left: 56, right: W - 20, top: 36, bottom: H - 48 };
  const x = linear(start, end, a.left, a.right);
  const maxCount = Math.max(...counts);
  const yStep = Math.max(1, Math.round(niceStep(maxCount, 5)));
  // headroom above the tallest bar for the median / bar labels
  const yMax = Math.ceil((maxCount * 1.3) / yStep) * yStep;
  const y = linear(0, yMax, a.bottom, a.top);
  const xTicks = ticks(start, end, width * Math.max(1, Math.ceil(counts.length / 10)));
  const body = axes(
    a,
    { scale: x, ticks: xTicks, format: (v) => String(Number(v.toPrecision(6))), label: 'hours from first coordinated post to first flag' },
    { scale: y, ticks: ticks(0, yMax, yStep), format: (v) => String(v), label: 'true rings' },
  );
  counts.forEach((c, i) => {
    if (c === 0) return;
    const x0 = x(start + i * width);
    const x1 = x(start + (i + 1) * width);
    body.push(`<rect data-count="${c}" x="${n(x0 + 1)}" y="${n(y(c))}" width="${n(x1 - x0 - 2)}" height="${n(a.bottom - y(c))}" fill="${COLORS.a}"/>`);
  });
  const vline = (v: number, color: string, label: string, row: number): void => {
    const px = n(x(v));
    body.push(`<line x1="${px}" y1="${a.top}" x2="${px}" y2="${a.bottom}" stroke="${color}" stroke-width="1.5" stroke-dasharray="4 3"/>`);
    body.push(`<text x="${px}" y="${a.top + 12 + row * 14}" dx="4" fill="${color}">${esc(label)}</text>`);
  };
  if (median !== null) vline(median, COLORS.ink, `median ${Number(median.toFixed(2))} h`, 0);
  vline(limitHours, COLORS.bad, `bar ${limitHours} h`, 1);
  return svgDocument(W, H, title, body);
}
