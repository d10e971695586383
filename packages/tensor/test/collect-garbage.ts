/**
 * Forced garbage collection for the memory tests. The tensor project runs its tests with
 * `--expose-gc` (see vitest.config.ts), so `gc` is a global there; anywhere else this throws.
 */

/**
 * Whether each weakly held object has been collected, after a full collection. It first waits
 * for a macrotask: a `WeakRef` keeps its target alive until the end of the job that created or
 * dereferenced it, so a collection in that same job could not free it anyway.
 */
export async function collected(refs: readonly WeakRef<object>[]): Promise<boolean[]> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== 'function') throw new Error('collected: run the tests with --expose-gc (the tensor project sets execArgv)');
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc();
  return refs.map((ref) => ref.deref() === undefined);
}
