/**
 * vitest globalSetup: provides a real Kafka broker to tests that need one.
 *
 * - KAFKA_BROKERS set → used as is, nothing started.
 * - Otherwise, if any selected test file mentions `kafkaBrokers` (i.e. uses test/setup/kafka-env.ts),
 *   starts a throwaway KRaft broker with infra/kafka/start.sh (own state file, watchdog bound to
 *   this process) and stops it in teardown.
 * Tests read it with `kafkaBrokers()` from test/setup/kafka-env.ts.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const MARKER = 'kafkaBrokers';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Comma-separated host:port list, or '' when no broker was started. */
    kafkaBrokers: string;
  }
}

async function needsKafka(project: TestProject): Promise<boolean> {
  // The CLI filters aren't public API; if they can't be read, assume the whole suite runs.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const { testFiles } = await project.globTestFiles(filters);
  return testFiles.some((f) => readFileSync(f, 'utf8').includes(MARKER));
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.KAFKA_BROKERS;
  if (external) {
    project.provide('kafkaBrokers', external);
    return undefined;
  }
  if (!(await needsKafka(project))) {
    project.provide('kafkaBrokers', '');
    return undefined;
  }
  const stateDir = mkdtempSync(join(tmpdir(), 'ringwatch-vitest-'));
  const state = join(stateDir, 'kafka.state');
  const started = Date.now();
  const { stdout } = await run('bash', [join(root, 'infra/kafka/start.sh'), state, '--owner-pid', String(process.pid)], {
    cwd: root,
    timeout: 150_000,
  }).catch((err: { stderr?: string; message: string }) => {
    throw new Error(`could not start Kafka for tests: ${err.stderr ?? err.message}`);
  });
  const brokers = /^KAFKA_BROKERS=(.+)$/m.exec(stdout)?.[1];
  if (!brokers) throw new Error(`start.sh printed no KAFKA_BROKERS:\n${stdout}`);
  console.log(`[global-kafka] broker ${brokers} ready in ${Date.now() - started} ms`);
  process.env.KAFKA_BROKERS = brokers;
  project.provide('kafkaBrokers', brokers);

  return async () => {
    try {
      await run('bash', [join(root, 'infra/kafka/stop.sh'), state], { cwd: root, timeout: 60_000 });
      rmSync(stateDir, { recursive: true, force: true });
    } catch (err) {
      const e = err as { stderr?: string; message: string };
      console.error(`[global-kafka] stop failed (state in ${state}): ${e.stderr ?? e.message}`);
    }
  };
}
