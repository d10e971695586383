/**
 * The test projects: one per package, plus the examples (vitest 4 dropped workspace files, so `vitest.config.ts`
 * passes this list to `test.projects`).
 */
export const projects = ['packages/*', 'examples', 'examples/playground'];
