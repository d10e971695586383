import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'tensor',
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    // The memory tests (graph-freeing, bounded-resources) force garbage collections.
    execArgv: ['--expose-gc'],
  },
});
