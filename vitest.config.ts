import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Tests wait for conditions, never for an amount of time (README, "Testing"); each wait has its
    // own bound that names what it waited for. These two only catch a hang. They are far above what
    // any test needs on an idle machine because CPU-bound tests (a 50 MB line tokenized: 2 s idle,
    // 14 s in the stress check) and the real-time end-to-end runs take several times longer while
    // every core is busy, and a 2-core CI machine may be.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One process per test file: a file's globals, env changes and child processes end with it.
    // Files run on one worker per core but one (vitest's default), the tests of a file in order.
    pool: 'forks',
    globalSetup: ['test/setup/tempRoot.ts'],
  },
});
