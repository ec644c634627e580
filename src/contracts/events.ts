/**
 * Input contract v1 — the one source of truth for every event Ringwatch consumes.
 * JSON Schemas under schemas/ are generated from these definitions (npm run schemas).
 * Extra fields are allowed (accepted and ignored) so producers can evolve ahead of us.
 */
import { z } from 'zod';

const id = z.string().min(1).max(256);
/** ISO-8601 with zone, or epoch milliseconds. */
export const Timestamp = z.union([
  z.number().int().nonnegative(),
  z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/, 'ISO-8601 with zone'),
]);

export const TargetKind = z.enum(['product', 'merchant', 'brand', 'topic', 'url']);
export const Target = z.object({ kind: TargetKind, id });

const base = {
  event_id: id,
  ts: Timestamp,
  account_id: id,
};

export const AccountEvent = z
  .object({
    ...base,
    type: z.literal('account'),
    action: z.enum(['register', 'update', 'delete']),
    nickname: z.string().max(512).optional(),
    bio: z.string().max(4096).optional(),
    avatar_hash: z.string().max(256).optional(),
    registered_at: Timestamp.optional(),
    device_id: id.optional(),
    ip_prefix: z.string().max(64).optional(),
    verified: z.boolean().optional(),
    declared_partner: z.boolean().optional(),
  })
  ;

export const NoteEvent = z
  .object({
    ...base,
    type: z.literal('note'),
    note_id: id,
    action: z.enum(['publish', 'edit', 'delete']),
    title: z.string().max(1024),
    body: z.string().max(65536),
    targets: z.array(Target).max(64),
    lang: z.string().max(16).optional(),
    tags: z.array(z.string().max(256)).max(64).optional(),
    media_hashes: z.array(z.string().max(256)).max(64).optional(),
    ai_label: z.boolean().optional(),
    ad_disclosure: z.boolean().optional(),
    device_id: id.optional(),
    ip_prefix: z.string().max(64).optional(),
  })
  ;

export const InteractionEvent = z
  .object({
    ...base,
    type: z.literal('interaction'),
    action: z.enum(['like', 'collect', 'comment', 'share', 'follow']),
    note_id: id.optional(),
    target_account_id: id.optional(),
    text: z.string().max(8192).optional(),
  })
  
  .superRefine((e, ctx) => {
    if (e.action === 'follow' && !e.target_account_id)
      ctx.addIssue({ code: 'custom', path: ['target_account_id'], message: 'follow requires target_account_id' });
    if (e.action !== 'follow' && !e.note_id)
      ctx.addIssue({ code: 'custom', path: ['note_id'], message: `${e.action} requires note_id` });
  });

export const InputEvent = z.discriminatedUnion('type', [AccountEvent, NoteEvent, InteractionEvent]);

export type AccountEvent = z.infer<typeof AccountEvent>;
export type NoteEvent = z.infer<typeof NoteEvent>;
export type InteractionEvent = z.infer<typeof InteractionEvent>;
export type InputEvent = AccountEvent | NoteEvent | InteractionEvent;
export type Target = z.infer<typeof Target>;

export const EVENT_SCHEMAS = { account: AccountEvent, note: NoteEvent, interaction: InteractionEvent } as const;
export type EventType = keyof typeof EVENT_SCHEMAS;

export const DEFAULT_TOPICS = {
  accounts: 'ringwatch.accounts.v1',
  notes: 'ringwatch.notes.v1',
  interactions: 'ringwatch.interactions.v1',
  events: 'ringwatch.events.v1',
  features: 'ringwatch.features.v1',
  links: 'ringwatch.links.v1',
  clusters: 'ringwatch.clusters.v1',
  rings: 'ringwatch.rings.v1',
  dlq: 'ringwatch.dlq.v1',
} as const;
export type TopicRole = keyof typeof DEFAULT_TOPICS;

export function topicRoleFor(type: EventType): 'accounts' | 'notes' | 'interactions' {
  return type === 'account' ? 'accounts' : type === 'note' ? 'notes' : 'interactions';
}
