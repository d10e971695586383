/**
 * Predicting a step's time from two smaller ones, for libraries whose cost grows with the graph
 * faster than linearly (jax-js's eager grad, tfjs's tape): fit time ∝ size^p through the two
 * probes (p ≥ 1), so a step that would blow the run's limits is reported with its numbers
 * instead of being waited for.
 */
export interface Extrapolation {
  smallMs: number;
  largeMs: number;
  exponent: number;
  targetMs: number;
}

export async function extrapolate(run: (size: number) => unknown, small: number, large: number, target: number): Promise<Extrapolation> {
  const time = async (size: number) => {
    const started = performance.now();
    await run(size);
    return performance.now() - started;
  };
  const [smallMs, largeMs] = [await time(small), await time(large)];
  const exponent = Math.max(1, Math.log(largeMs / smallMs) / Math.log(large / small));
  return { smallMs, largeMs, exponent, targetMs: largeMs * (target / large) ** exponent };
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms.toFixed(0)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3.6e6) return `${(ms / 60_000).toFixed(0)} min`;
  return `${(ms / 3.6e6).toFixed(0)} h`;
}
