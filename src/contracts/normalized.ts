/**
 * Internal contract between stages: an input event after ingest (validated, de-duplicated,
 * event-time ordered). Timestamps are epoch milliseconds (UTC). Text is kept as sent;
 * normalisation for fingerprints happens in featurize.
 */
import type { AccountEvent, InteractionEvent, NoteEvent } from './events.ts';

type WithMs<T> = Omit<T, 'ts' | 'registered_at'> & { ts: number };

export type NormalizedAccount = WithMs<AccountEvent> & { registered_at?: number };
export type NormalizedNote = WithMs<NoteEvent>;
export type NormalizedInteraction = WithMs<InteractionEvent>;
export type NormalizedEvent = NormalizedAccount | NormalizedNote | NormalizedInteraction;

/** A note after featurize: the fingerprints later stages link on. */
export interface NoteFeatures {
  /** 64-bit Charikar SimHash of the normalised title+body, 16 lower-case hex digits. */
  simhash: string;
  /** Optional sentence embedding (L2-normalised), present when the semantic signal is on. */
  embedding?: number[];
}

export type FeaturedEvent = NormalizedEvent & { features?: NoteFeatures };

/**
 * Gated semantic mode (params.featurize.embeddings.mode): the transformer vector of a note that was
 * already emitted without one, sent on `features` just before the later note whose static match
 * made it needed. Link keeps it if the note is still in its window.
 */
export interface NoteEmbeddingRecord {
  kind: 'embedding';
  note_id: string;
  account_id: string;
  /** The note's own event time. */
  ts: number;
  embedding: number[];
}
