import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'examples',
    // guides/**/*.test.ts: guide files that show a test suite (see guides.test.ts)
    include: ['*.test.ts', 'guides/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
