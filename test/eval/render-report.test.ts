import { describe, expect, it } from 'vitest';
import { delayBins } from '../../src/eval/delay-histogram-svg.ts';
import { evaluate } from '../../src/eval/evaluate.ts';
import { renderReport, SVG_FILES } from '../../src/eval/render-report.ts';
import { assertWellFormed } from './_xml.ts';
import { buildTruth, HOUR, ids, ringEvent, T0 } from './_build.ts';

const truth = buildTruth({
  rings: [
    { id: 'R1', members: ids('a', 6), ts: T0, strategy: { persona: 'mom|baby <3' } },
    { id: 'R2', members: ids('b', 5), ts: T0 },
    { id: 'R3', members: ids('c', 5), ts: T0 },
  ],
  hardNegatives: [{ group: 'h', cls: 'repost_chain', accounts: ['h1', 'h2'] }],
  genuine: ids('g', 3),
});
const events = [
  ringEvent('F1', 1, 'flagged', ids('a', 6), T0 + 0.5 * HOUR, 0.9),
  ringEvent('F2', 1, 'flagged', ids('b', 5), T0 + 3.2 * HOUR, 0.7),
  ringEvent('F3', 1, 'flagged', ['h1', 'g1'], T0, 0.3),
];
const result = evaluate(truth, events);
const report = renderReport(result);

describe('renderReport', () => {
  it('json is the result plus the bar check', () => {
    expect(report.json.ring).toEqual(result.ring);
    expect(report.json.bar.pass).toBe(false);
    expect(report.json.bar.minRingPrecision).toBe(0.98);
    expect(report.json.bar.failures.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(report.json))).toEqual(report.json);
  });

  it('markdown states the verdict, the figures and explains misses and false rings', () => {
    const md = report.markdown;
    expect(md).toContain('## Against the bar: **FAIL**');
    expect(md).toContain(`| ring precision | ${(2 / 3).toFixed(4)} (2/3) | ≥ 0.98 | **fail** |`);
    expect(md).toContain(`| ring recall (≥ 5 accounts) | ${(2 / 3).toFixed(4)} (2/3) | ≥ 0.95 | **fail** |`);
    expect(md).toContain('| false-flag rate: repost_chain | 0.5000 (1/2) | ≤ 0.001 | **fail** |');
    expect(md).toMatch(/\| R3 \| 5 \(2\) \| persona=beauty \| \*\*missed\*\* \|/);
    expect(md).toContain('persona=mom\\|baby <3');
    expect(md).toContain('## Flagged rings matching no true ring (1)');
    expect(md).toContain('| F3 | flagged | 2 | 0.300 | 0 | 2 | repost_chain 1 | 0 |');
    expect(md).toContain('median 1.85 h');
    expect(md).toContain('viral_product'); // absent classes are named
    for (const f of Object.values(SVG_FILES)) expect(md).toContain(`](${f})`);
    // missed rings come first
    expect(md.indexOf('| R3 |')).toBeLessThan(md.indexOf('| R1 |'));
  });

  it('svgs are well-formed and carry the data', () => {
    expect(Object.keys(report.svgs).sort()).toEqual(Object.values(SVG_FILES).sort());
    for (const svg of Object.values(report.svgs)) assertWellFormed(svg);

    const pr = report.svgs[SVG_FILES.pr];
    const precision = /data-series="precision"[^>]*points="([^"]+)"/.exec(pr)![1].split(' ');
    expect(precision).toHaveLength(result.pr_curve.length);

    const hist = report.svgs[SVG_FILES.delay];
    const counts = [...hist.matchAll(/data-count="(\d+)"/g)].map((m) => Number(m[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2);

    const ff = report.svgs[SVG_FILES.falseFlags];
    const bars = [...ff.matchAll(/<rect data-rate="([^"]+)"[^>]*fill="([^"]+)"/g)].map((m) => [Number(m[1]), m[2]]);
    expect(bars).toEqual([
      [2 / 5, '#d62728'],
      [0.5, '#d62728'],
    ]);
  });

  it('renders empty plots when nothing was flagged', () => {
    const empty = renderReport(evaluate(truth, []));
    for (const svg of Object.values(empty.svgs)) assertWellFormed(svg);
    expect(empty.svgs[SVG_FILES.pr]).toContain('no flagged rings');
    expect(empty.svgs[SVG_FILES.delay]).toContain('no matched rings');
    expect(empty.markdown).toContain('None.');
  });

  it('shows at most 15 PR rows in markdown, always first and last', () => {
    const many = Array.from({ length: 40 }, (_, i) => ringEvent(`Z${String(i).padStart(2, '0')}`, 1, 'flagged', [`g${(i % 3) + 1}`], T0, (i + 1) / 40));
    const md = renderReport(evaluate(truth, many)).markdown;
    const rows = md.split('\n').filter((l) => /^\| [01]\.\d{4} \|/.test(l));
    expect(rows).toHaveLength(15);
    expect(rows[0].startsWith('| 1.0000 |')).toBe(true);
    expect(rows[14].startsWith('| 0.0250 |')).toBe(true);
  });
});

describe('delayBins', () => {
  it('covers 0 and the limit, puts the upper edge in the last bin', () => {
    // span 0..5 → step niceStep(5, 10) = 0.5, 10 bins
    expect(delayBins([0, 0.2, 0.5, 5], 2)).toEqual({ start: 0, width: 0.5, counts: [2, 1, 0, 0, 0, 0, 0, 0, 0, 1] });
    // negative delays open the range below zero: span −1..2 → step 0.5
    expect(delayBins([-1, 1.9], 2)).toEqual({ start: -1, width: 0.5, counts: [1, 0, 0, 0, 0, 1] });
  });
});
