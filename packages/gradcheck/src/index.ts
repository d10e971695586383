/**
 * `@tapegrad/gradcheck`: is this backward right? Numerical gradients by centered differences,
 * a `gradcheck` whose report names the input, the entry and both values, the course's sparse
 * check and relative error, and fast-check arbitraries for property-testing ops and layers.
 *
 * ```ts
 * import { assertGradcheck } from '@tapegrad/gradcheck';
 * assertGradcheck((x, w) => x.matmul(w).tanh(), [randn([4, 3]), randn([3, 2])]);
 * ```
 * @module
 */
export { numericalGradient, type NumericalGradientOptions } from './numerical-gradient.js';
export {
  assertGradcheck,
  type EntryComparison,
  gradcheck,
  type GradcheckOptions,
  type GradcheckReport,
  type InputCheck,
} from './gradcheck.js';
export type { Kink } from './kink.js';
export type { Tolerance } from './tolerance.js';
export { relError } from './rel-error.js';
export { gradcheckSparse, type SparseCheck, type SparseCheckOptions, type SparseCheckReport } from './gradcheck-sparse.js';
export { arbitraries, type Arbitraries } from './arbitraries.js';
