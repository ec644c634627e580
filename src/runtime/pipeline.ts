/**
 * Build the five stages for one deployment from resolved params. Used by the embedded chain,
 * by `ringwatch run` (one stage or all) and by replay.
 */
import type { Params } from '../config/params.ts';
import type { Provenance } from '../contracts/ring.ts';
import { createClusterStage } from '../stages/cluster/cluster-stage.ts';
import { createFeaturizeStage } from '../stages/featurize/featurize-stage.ts';
import { createFlagStage } from '../stages/flag/flag-stage.ts';
import { createIngestStage } from '../stages/ingest/ingest-stage.ts';
import { createLinkStage } from '../stages/link/link-stage.ts';
import type { StageName, StageProcessor } from '../stages/stage.ts';
import { createNearDupIndex } from '../core/simhash/hex-near-dup-index.ts';
import type { Metrics } from './metrics.ts';
import { RingwatchError, ERROR_CODES } from '../errors/codes.ts';
import type { NoteEmbedder } from '../stages/featurize/note-embedder.ts';

export interface StageDeps {
  /** Sentence encoder for featurize; null runs SimHash-only. */
  embedder?: NoteEmbedder | null;
}

export function createStage(name: StageName, params: Params, provenance: Provenance, metrics: Metrics, deps: StageDeps = {}): StageProcessor {
  switch (name) {
    case 'ingest':
      return createIngestStage(params.ingest, metrics);
    case 'featurize':
      return createFeaturizeStage(metrics, deps.embedder ?? null);
    case 'link':
      return createLinkStage(params, createNearDupIndex({ maxK: params.link.nearDupMaxBits }), metrics);
    case 'cluster':
      return createClusterStage(params, metrics);
    case 'flag':
      return createFlagStage(params, provenance, metrics);
    default:
      throw new RingwatchError(ERROR_CODES.STAGE_UNKNOWN, `unknown stage ${String(name)}`);
  }
}
