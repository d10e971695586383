/** Workload 1: C = A·B for square N×N matrices, float32 and float64, in GFLOP/s (2N³ flops). */
import { compareArrays, TOLERANCE } from '../check.js';
import { toDtype, type BenchDtype, type FloatArray } from '../dtype.js';
import type { MatmulInput } from '../library.js';
import { referenceMatmul } from '../reference/matmul.js';
import { SeededRandom } from '../seeded-random.js';
import type { BenchCase, Workload } from '../workload.js';

export function matmulSizes(quick: boolean): number[] {
  return quick ? [128, 512] : [128, 256, 512, 1024];
}

function matmulCase(n: number, dtype: BenchDtype): BenchCase<MatmulInput> {
  return {
    id: `N=${n} ${dtype}`,
    dtype,
    makeInput() {
      const random = new SeededRandom(1000 + n);
      return { n, dtype, a: toDtype(random.normals(n * n), dtype), b: toDtype(random.normals(n * n), dtype) };
    },
  };
}

export const matmulWorkload: Workload<MatmulInput, FloatArray> = {
  id: 'matmul',
  title: 'matmul: C = A·B, N×N',
  unit: 'GFLOP/s',
  higherIsBetter: true,
  cases: (quick) => matmulSizes(quick).flatMap((n) => [matmulCase(n, 'float32'), matmulCase(n, 'float64')]),
  prepare: (library, input) => library.matmul?.(input),
  check([out], input, dtype) {
    return compareArrays('C', out, referenceMatmul(input.a, input.b, input.n, input.n, input.n), TOLERANCE[dtype]);
  },
  figure: (medianMs, { n }) => (2 * n ** 3) / (medianMs * 1e6),
};
