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
