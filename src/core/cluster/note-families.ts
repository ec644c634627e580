/**
 * Template families inside a ring: notes joined by content evidence — near-duplicate SimHash or
 * semantic (embedding) similarity — between different members, grouped by connected component.
 * A family is one brief written out by several personas; the reviewer sees how many accounts and
 * notes it spans, the weakest similarity that holds it together, and example notes to open.
 *
 * Built from the example note pairs the link stage keeps on each edge (up to three per account
 * pair), so a family lists what the evidence shows, not every note of the template. Pure and
 * deterministic: the output depends only on the set of edges.
 */
import type { RingEvidence } from '../../contracts/ring.ts';
import type { EdgeRecord } from '../link/score-edge.ts';

export type NoteFamily = RingEvidence['template_families'][number];

const CONTENT = new Set(['near_duplicate', 'semantic']);

export function noteFamilies(internal: readonly EdgeRecord[], opts: { maxFamilies: number; maxExamples: number }): NoteFamily[] {
  const parent = new Map<string, string>();
  const author = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    while (parent.get(x) !== r) {
      const next = parent.get(x)!;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  const links: { a: string; b: string; signal: string; similarity: number }[] = [];
  for (const e of internal)
    for (const ex of e.examples) {
      if (!CONTENT.has(ex.signal)) continue;
      for (const [note, acc] of [[ex.a_note, e.a], [ex.b_note, e.b]] as const) {
        if (!parent.has(note)) parent.set(note, note);
        author.set(note, acc);
      }
      links.push({ a: ex.a_note, b: ex.b_note, signal: ex.signal, similarity: ex.similarity });
    }
  for (const l of links) {
    const [ra, rb] = [find(l.a), find(l.b)];
    if (ra !== rb) ra < rb ? parent.set(rb, ra) : parent.set(ra, rb);
  }
  const families = new Map<string, { notes: string[]; signals: Set<string>; min: number }>();
  for (const note of [...parent.keys()].sort()) {
    const r = find(note);
    const f = families.get(r) ?? families.set(r, { notes: [], signals: new Set(), min: 1 }).get(r)!;
    f.notes.push(note);
  }
  for (const l of links) {
    const f = families.get(find(l.a))!;
    f.signals.add(l.signal);
    f.min = Math.min(f.min, l.similarity);
  }
  return [...families.values()]
    .map((f) => ({
      accounts: new Set(f.notes.map((n) => author.get(n)!)).size,
      notes: f.notes.length,
      signals: [...f.signals].sort(),
      min_similarity: f.min,
      example_notes: f.notes.slice(0, opts.maxExamples).map((n) => ({ account_id: author.get(n)!, note_id: n })),
    }))
    .sort((x, y) => y.accounts - x.accounts || y.notes - x.notes || (x.example_notes[0].note_id < y.example_notes[0].note_id ? -1 : 1))
    .slice(0, opts.maxFamilies);
}
