/**
 * Deployment configuration for `ringwatch run` / `produce`: brokers, topics, group prefix and
 * detection params. Precedence: defaults < config file < environment < CLI flags; validated once,
 * errors name the key.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_TOPICS } from '../contracts/events.ts';
import { ERROR_CODES, RingwatchError } from '../errors/codes.ts';
import { parseSet, resolveParams, type Params } from './params.ts';

export const DeployConfigSchema = z.object({
  kafka: z.object({ brokers: z.array(z.string()).min(1), clientId: z.string(), sessionTimeoutMs: z.number().int().min(6000).optional() }),
  topics: z.object(Object.fromEntries(Object.keys(DEFAULT_TOPICS).map((k) => [k, z.string().min(1)])) as Record<keyof typeof DEFAULT_TOPICS, z.ZodString>),
  groupPrefix: z.string().min(1),
  idleFlushMs: z.number().int().nonnegative(),
  metricsPort: z.number().int().min(0).max(65535),
  params: z.record(z.string(), z.unknown()),
});
export type DeployConfigInput = z.infer<typeof DeployConfigSchema>;
export type DeployConfig = Omit<DeployConfigInput, 'params'> & { params: Params };

export const DEPLOY_DEFAULTS: Readonly<DeployConfigInput> = Object.freeze({
  kafka: { brokers: ['127.0.0.1:9092'], clientId: 'ringwatch' },
  topics: { ...DEFAULT_TOPICS },
  groupPrefix: 'ringwatch',
  idleFlushMs: 2000,
  metricsPort: 0,
  params: {},
});

export function loadDeployConfig(opts: { file?: string; env?: NodeJS.ProcessEnv; sets?: string[]; brokers?: string }): DeployConfig {
  const env = opts.env ?? process.env;
  let fromFile: Record<string, unknown> = {};
  if (opts.file) {
    try {
      fromFile = JSON.parse(readFileSync(opts.file, 'utf8'));
    } catch (err) {
      throw new RingwatchError(ERROR_CODES.CONFIG_INVALID, `cannot read config ${opts.file}: ${(err as Error).message}`, { cause: err });
    }
  }
  const merged: Record<string, unknown> = { ...structuredClone(DEPLOY_DEFAULTS), ...fromFile };
  merged.kafka = { ...DEPLOY_DEFAULTS.kafka, ...(fromFile.kafka as object) };
  merged.topics = { ...DEPLOY_DEFAULTS.topics, ...(fromFile.topics as object) };
  const brokers = opts.brokers ?? env.RINGWATCH_KAFKA_BROKERS ?? env.KAFKA_BROKERS;
  if (brokers) (merged.kafka as { brokers: string[] }).brokers = brokers.split(',').map((s) => s.trim()).filter(Boolean);
  if (env.RINGWATCH_GROUP_PREFIX) merged.groupPrefix = env.RINGWATCH_GROUP_PREFIX;
  const parsed = DeployConfigSchema.safeParse(merged);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new RingwatchError(ERROR_CODES.CONFIG_INVALID, `config key ${i.path.join('.')}: ${i.message}`);
  }
  const overrides: Record<string, unknown>[] = [parsed.data.params];
  if (env.RINGWATCH_SEED) overrides.push({ seed: Number(env.RINGWATCH_SEED) });
  for (const s of opts.sets ?? []) overrides.push(parseSet(s));
  return { ...parsed.data, params: resolveParamsChecked(overrides) };
}

export function resolveParamsChecked(overrides: Record<string, unknown>[]): Params {
  let acc: Record<string, unknown> = {};
  for (const o of overrides) acc = mergeDeep(acc, o);
  try {
    return resolveParams(acc);
  } catch (err) {
    const issue = (err as { issues?: { path: PropertyKey[]; message: string }[] }).issues?.[0];
    throw new RingwatchError(ERROR_CODES.CONFIG_INVALID, issue ? `params.${issue.path.join('.')}: ${issue.message}` : String(err), { cause: err });
  }
}

function mergeDeep(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) {
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && out[k] && typeof out[k] === 'object' ? mergeDeep(out[k] as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}
