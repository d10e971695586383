/**
 * The two distances of the course's KNN and the ways of computing a distance matrix.
 * @module
 */

/**
 * How far apart two examples are (course notes, "L1/L2 distance"):
 * - `'l1'`, Manhattan: `d₁(a, b) = Σ_p |a_p − b_p|`;
 * - `'l2'`, Euclidean: `d₂(a, b) = √(Σ_p (a_p − b_p)²)`.
 */
export type Distance = 'l1' | 'l2';

/** Every {@link Distance}, for validation and grids. */
export const DISTANCES: readonly Distance[] = ['l1', 'l2'];

/**
 * How to compute the `[numTest, numTrain]` distance matrix. The first three are the course's
 * exercise and agree to rounding; they differ in speed only.
 *
 * - `'twoLoops'`: one pair (test row, training row) at a time, each distance from tensor ops on
 *   the two rows. Slow (a few tensor ops per pair); for reading and checking.
 * - `'oneLoop'`: one test row at a time against every training row at once, by broadcasting
 *   (`xTrain − row` is `[numTrain, D]`).
 * - `'noLoops'`: the whole matrix without a loop. For `'l2'` that is the fast one: the identity
 *   `‖a − b‖² = ‖a‖² − 2 a·b + ‖b‖²` turns it into one matrix product (in float64 even for
 *   float32 inputs, whose terms would cancel to noise). For `'l1'` there is no
 *   such identity: it broadcasts to a `[numTest, numTrain, D]` tensor, which only fits small
 *   inputs (it refuses more than 2²⁴ elements).
 * - `'blocked'`: a tight loop over the raw typed arrays, four test rows at a time against each
 *   training row, so each training value is loaded once for four differences and four sums run
 *   side by side. The fast one for `'l1'`; exact (no cancellation) for `'l2'` too, but slower
 *   there than the matrix product.
 */
export type DistanceMethod = 'twoLoops' | 'oneLoop' | 'noLoops' | 'blocked';

/** Every {@link DistanceMethod}, for validation. */
export const DISTANCE_METHODS: readonly DistanceMethod[] = ['twoLoops', 'oneLoop', 'noLoops', 'blocked'];

/** The fast method for each distance: one matrix product for `'l2'`, the blocked loop for `'l1'`. */
export function fastestMethod(distance: Distance): DistanceMethod {
  return distance === 'l2' ? 'noLoops' : 'blocked';
}
