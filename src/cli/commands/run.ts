import { parseArgs } from 'node:util';
import { KafkaBus } from '../../adapters/kafka/kafka-bus.ts';
import { startOpsServer } from '../../adapters/http/ops-server.ts';
import { loadDeployConfig } from '../../config/deploy-config.ts';
import { ERROR_CODES, RingwatchError } from '../../errors/codes.ts';
import { createLogger } from '../../runtime/logger.ts';
import { createMetrics } from '../../runtime/metrics.ts';
import { createStage } from '../../runtime/pipeline.ts';
import { makeProvenance } from '../../runtime/provenance.ts';
import { loadEmbedder, modelProvenance } from '../../runtime/load-embedder.ts';
import { runStage, type RunningStage } from '../../runtime/stage-runner.ts';
import { runSnapshotStage } from '../../runtime/snapshot-runner.ts';
import { STAGE_ORDER, type StageName } from '../../stages/stage.ts';

export async function runCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      stage: { type: 'string', default: 'all' },
      config: { type: 'string' },
      brokers: { type: 'string' },
      set: { type: 'string', multiple: true },
      'exit-when-idle': { type: 'boolean', default: false },
      'snapshot-dir': { type: 'string' },
      'snapshot-rotate': { type: 'string', default: '500000' },
    },
  });
  const requested = values.stage === 'all' ? [...STAGE_ORDER] : values.stage!.split(',');
  const withSnapshot = requested.includes('snapshot') || values['snapshot-dir'] !== undefined;
  if (withSnapshot && !values['snapshot-dir']) throw new RingwatchError(ERROR_CODES.USAGE, '--stage snapshot needs --snapshot-dir DIR');
  const names = requested.filter((n) => n !== 'snapshot') as StageName[];
  for (const n of names) if (!STAGE_ORDER.includes(n)) throw new RingwatchError(ERROR_CODES.STAGE_UNKNOWN, `unknown stage '${n}' (expected ${STAGE_ORDER.join('|')}|all)`);
  const cfg = loadDeployConfig({ file: values.config, sets: values.set, brokers: values.brokers });
  const logger = createLogger();
  const metrics = createMetrics();
  const { embedder } = names.includes('featurize') ? await loadEmbedder(cfg.params, logger) : { embedder: null };
  const provenance = makeProvenance(cfg.params, await modelProvenance(cfg.params));
  logger.info({ stages: names, kafka: cfg.kafka, topics: cfg.topics, groupPrefix: cfg.groupPrefix, provenance }, 'ringwatch run: resolved config');
  const bus = new KafkaBus({ brokers: cfg.kafka.brokers, clientId: cfg.kafka.clientId, logger, ...(cfg.kafka.sessionTimeoutMs ? { sessionTimeoutMs: cfg.kafka.sessionTimeoutMs, rebalanceTimeoutMs: cfg.kafka.sessionTimeoutMs * 2 } : {}) });
  const running: RunningStage[] = [];
  const state: Record<string, string> = {};
  const ops = await startOpsServer(cfg.metricsPort, metrics, () => ({ ok: Object.values(state).every((s) => s !== 'failed'), stages: state, provenance }));
  logger.info({ port: ops.port }, 'ops endpoints on /healthz and /metrics');
  for (const n of names) {
    state[n] = 'starting';
    running.push(await runStage({ bus, stage: createStage(n, cfg.params, provenance, metrics, { embedder }), topics: cfg.topics, groupPrefix: cfg.groupPrefix, logger, metrics, idleFlushMs: cfg.idleFlushMs }));
    state[n] = 'running';
  }
  if (withSnapshot) {
    state.snapshot = 'starting';
    running.push(
      await runSnapshotStage({ bus, root: values['snapshot-dir']!, topics: cfg.topics, groupPrefix: cfg.groupPrefix, params: cfg.params, provenance, logger, metrics, idleFlushMs: cfg.idleFlushMs, rotateRecords: Number(values['snapshot-rotate']) }),
    );
    state.snapshot = 'running';
  }
  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ why }, 'stopping');
    for (const r of running.reverse()) await r.stop().catch((err) => logger.error({ err }, 'stop failed'));
    await bus.close();
    await ops.close();
    await embedder?.close();
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  if (values['exit-when-idle']) {
    await Promise.all(running.map((r) => r.flushed()));
    await stop('inputs quiet (--exit-when-idle)');
  } else await new Promise<void>((resolve) => process.once('beforeExit', () => resolve()));
  return 0;
}
