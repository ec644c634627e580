/**
 * What the engine schedules: notes to publish, interactions, account lifecycle events and note
 * edits/deletes, each at an event time. Note content is composed lazily at publish time so that
 * a long stream never holds more than the pending future in memory.
 */
import type { Target } from '../contracts/events.ts';
import type { SimAccount } from './account.ts';
import type { Product } from './catalog.ts';
import type { Rng } from './rng.ts';
import type { NoteText } from './text/note-text.ts';

export interface PublishedNote {
  id: string;
  time: number;
  author: SimAccount;
  product: Product | null;
  text: NoteText;
  targets: Target[];
}

/** The scheduling surface plans and callbacks see. */
export interface Scheduler {
  readonly start: number;
  readonly end: number;
  schedule(item: Item): void;
  /** schedule the organic (genuine) reactions a note would get with this appeal */
  organicReactions(note: PublishedNote, appeal: number): void;
  /** a recent note with high organic appeal, for camouflage likes; undefined early on */
  popularRecent(rng: Rng): PublishedNote | undefined;
}

export interface NoteSpec {
  author: SimAccount;
  product: Product | null;
  compose: (rng: Rng) => NoteText;
  /** organic-reaction multiplier (1 = an average genuine note) */
  appeal: number;
  aiLabel?: boolean;
  adDisclosure?: boolean;
  /** media hashes; default: 0–6 fresh images, sometimes an official product image */
  media?: (rng: Rng) => string[];
  extraTargets?: { kind: 'url' | 'merchant' | 'brand'; id: string }[];
  /** probability of adding brand / merchant targets */
  brandP?: number;
  merchantP?: number;
  /** ring index for coordinated posts (drives first_coordinated_ts) */
  coordinatedRing?: number;
  onPublish?: (s: Scheduler, note: PublishedNote) => void;
}

export interface NoteItem {
  kind: 'note';
  time: number;
  seq: number;
  spec: NoteSpec;
}

export type InteractionAction = 'like' | 'collect' | 'comment' | 'share' | 'follow';

export interface InteractionItem {
  kind: 'interaction';
  time: number;
  seq: number;
  actor: SimAccount;
  action: InteractionAction;
  noteId?: string;
  /** resolve the note at emission (camouflage likes on whatever is popular then) */
  popular?: boolean;
  targetAccount?: string;
  text?: string | ((rng: Rng) => string);
}

export interface AccountItem {
  kind: 'account';
  time: number;
  seq: number;
  acc: SimAccount;
  action: 'register' | 'update' | 'delete';
}

export interface NoteChangeItem {
  kind: 'note_edit' | 'note_delete';
  time: number;
  seq: number;
  note: PublishedNote;
}

export type Item = NoteItem | InteractionItem | AccountItem | NoteChangeItem;

/** Items are created without seq; the engine stamps one when scheduling. */
export type Unsequenced<T> = T extends Item ? Omit<T, 'seq'> & { seq?: number } : never;
