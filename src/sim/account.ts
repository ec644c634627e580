/**
 * One simulated account. Genuine, ring and hard-negative accounts are the same shape and come
 * from the same profile generator; only `ring` (never emitted) says which is which.
 */
import type { CategoryKey } from './text/bank-types.ts';
import type { Writer } from './text/note-text.ts';

export interface SimAccount {
  id: string;
  /** index into the run's account table */
  idx: number;
  writer: Writer;
  interests: CategoryKey[];
  registeredAt: number;
  /** devices this account posts from; first is primary */
  devices: string[];
  ip: string;
  nickname: string;
  bio: string;
  avatar: string;
  verified: boolean;
  partner: boolean;
  /** relative rate of posting notes (heavy-tailed) */
  noteWeight: number;
  /** relative rate of liking/collecting/commenting */
  actWeight: number;
  /** -1 for non-ring accounts, else the ring index */
  ring: number;
  /** has a register (or snapshot) event been emitted */
  announced: boolean;
  /** deleted during the stream: no further actions */
  deleted: boolean;
  /** registration falls inside the stream: emit register at registeredAt */
  registersInStream: boolean;
  /** profile to switch to on a scheduled update (bought accounts renamed before use) */
  pendingProfile?: { nickname: string; bio: string; avatar: string };
}

