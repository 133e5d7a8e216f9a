import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Screen and e2e tests drive real timers and child processes; 2 cores here.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
