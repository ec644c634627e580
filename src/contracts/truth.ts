/** Ground truth written by the simulator (`ringwatch simulate --truth`) and read by `ringwatch eval`. */
import { z } from 'zod';

export const HardNegativeClass = z.enum([
  'viral_product',
  'ai_assisted_creators',
  'fan_community',
  'declared_campaign',
  'shared_device_household',
  'repost_chain',
]);
export type HardNegativeClass = z.infer<typeof HardNegativeClass>;

export const Truth = z.object({
  scenario: z.string(),
  seed: z.number().int(),
  params: z.record(z.string(), z.unknown()),
  events: z.number().int(),
  start: z.string(),
  end: z.string(),
  rings: z.array(
    z.object({
      ring_id: z.string(),
      operator_id: z.string(),
      strategy: z.record(z.string(), z.unknown()),
      members: z.array(z.object({ account_id: z.string(), role: z.enum(['core', 'periphery']) })),
      /** event time (epoch ms) of the ring's first coordinated post */
      first_coordinated_ts: z.number(),
    }),
  ),
  hard_negatives: z.array(z.object({ group_id: z.string(), class: HardNegativeClass, accounts: z.array(z.string()) })),
  /** every account in the stream that is not a ring member (hard-negative accounts included) */
  genuine_accounts: z.array(z.string()),
});
export type Truth = z.infer<typeof Truth>;
