import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // Integration tests talk to a real broker and real models on a shared 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Starts a throwaway Kafka broker (infra/kafka/start.sh) when a selected test file needs one,
    // unless KAFKA_BROKERS points at an existing cluster.
    globalSetup: ['test/setup/global-kafka.ts'],
  },
});
