/**
 * Incremental grouping of notes into "template families": notes whose
 * embeddings lie within a similarity threshold of a family's leader.
 *
 * Leader clustering (Hartigan, "Clustering Algorithms", 1975, ch. 3): each note
 * joins the most similar existing leader if that similarity ≥ threshold,
 * otherwise it founds a new family and becomes its leader. One pass, O(1)
 * index query per note, and — unlike single-linkage union-find — no chaining:
 * every member is within the threshold of its leader, so a family cannot drift
 * from "the same AI-written template" into "everything about face cream".
 * The result depends on arrival order, which the stream makes deterministic.
 */
import { ExactIndex } from './exact-index.ts';
import type { NeighbourIndex } from './neighbour-index.ts';

export const TEMPLATE_FAMILY_DEFAULTS: Readonly<{ threshold: number; maxExamples: number }> = Object.freeze({
  /** Cosine similarity to the leader needed to join a family. */
  threshold: 0.9,
  /** Members kept as examples per family (the leader first). */
  maxExamples: 5,
});

export type TemplateFamilyOptions = typeof TEMPLATE_FAMILY_DEFAULTS & {
  /** Index over leaders; defaults to the exact scan. */
  createIndex: (dims: number) => NeighbourIndex;
};

export type FamilyAssignment = {
  noteId: string;
  familyId: string;
  leaderId: string;
  /** Cosine similarity to the leader (1 for the leader itself). */
  similarity: number;
  isNewFamily: boolean;
};

export type FamilyExample = { noteId: string; similarity: number };

export type TemplateFamily = {
  familyId: string;
  leaderId: string;
  size: number;
  /** Lowest and mean similarity of members to the leader, leader included. */
  minSimilarity: number;
  meanSimilarity: number;
  examples: FamilyExample[];
};

type FamilyState = { leaderId: string; size: number; simSum: number; minSim: number; examples: FamilyExample[] };

export function familyIdFor(leaderId: string): string {
  return `tf:${leaderId}`;
}

export class TemplateFamilies {
  private readonly options: TemplateFamilyOptions;
  private readonly leaders: NeighbourIndex;
  private readonly byFamily = new Map<string, FamilyState>();
  private readonly assigned = new Map<string, FamilyAssignment>();

  constructor(dims: number, options: Partial<TemplateFamilyOptions> = {}) {
    this.options = { ...TEMPLATE_FAMILY_DEFAULTS, createIndex: (d) => new ExactIndex(d), ...options };
    if (!(this.options.threshold > -1 && this.options.threshold <= 1)) {
      throw new RangeError(`threshold must be in (-1, 1], got ${this.options.threshold}`);
    }
    this.leaders = this.options.createIndex(dims);
  }

  /** Places a note; a note seen before keeps its first assignment. */
  assign(noteId: string, vec: Float32Array): FamilyAssignment {
    const seen = this.assigned.get(noteId);
    if (seen) return seen;
    const [hit] = this.leaders.search(vec, 1, this.options.threshold);
    let result: FamilyAssignment;
    if (hit) {
      const familyId = familyIdFor(hit.id);
      const fam = this.byFamily.get(familyId)!;
      fam.size++;
      fam.simSum += hit.similarity;
      fam.minSim = Math.min(fam.minSim, hit.similarity);
      if (fam.examples.length < this.options.maxExamples) fam.examples.push({ noteId, similarity: hit.similarity });
      result = { noteId, familyId, leaderId: hit.id, similarity: hit.similarity, isNewFamily: false };
    } else {
      const familyId = familyIdFor(noteId);
      this.leaders.add(noteId, vec);
      this.byFamily.set(familyId, {
        leaderId: noteId,
        size: 1,
        simSum: 1,
        minSim: 1,
        examples: this.options.maxExamples > 0 ? [{ noteId, similarity: 1 }] : [],
      });
      result = { noteId, familyId, leaderId: noteId, similarity: 1, isNewFamily: true };
    }
    this.assigned.set(noteId, result);
    return result;
  }

  familyOf(noteId: string): string | undefined {
    return this.assigned.get(noteId)?.familyId;
  }

  family(familyId: string): TemplateFamily | undefined {
    const s = this.byFamily.get(familyId);
    return s && toFamily(familyId, s);
  }

  /** Families with at least `minSize` members, largest first, then by family id. */
  families(minSize = 1): TemplateFamily[] {
    const out: TemplateFamily[] = [];
    for (const [id, s] of this.byFamily) if (s.size >= minSize) out.push(toFamily(id, s));
    return out.sort((a, b) => b.size - a.size || (a.familyId < b.familyId ? -1 : a.familyId > b.familyId ? 1 : 0));
  }

  get familyCount(): number {
    return this.byFamily.size;
  }
}

function toFamily(familyId: string, s: FamilyState): TemplateFamily {
  return {
    familyId,
    leaderId: s.leaderId,
    size: s.size,
    minSimilarity: s.minSim,
    meanSimilarity: s.simSum / s.size,
    examples: s.examples.map((e) => ({ ...e })),
  };
}
