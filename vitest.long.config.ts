import { defineConfig } from 'vitest/config';

/**
 * The long proofs, run after the fast suite (`npm run test:long`): kill -9 under load, 100,000
 * fuzzed requests, sqlmap, Lighthouse. One file at a time: each loads the machine on its own.
 */
export default defineConfig({
  test: {
    name: 'long',
    environment: 'node',
    include: ['test/long/**/*.long.ts'],
    testTimeout: 900_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
