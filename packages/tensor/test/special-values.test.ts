/**
 * −0, ±Infinity and NaN through the ops, against what IEEE 754 and numpy 2.x give (each expected
 * value below was checked with numpy). Where tapegrad deliberately differs, the test says so and
 * docs/tensors.md ("Special values") lists the difference.
 */
import { describe, expect, it } from 'vitest';
import { argmax, argmin, maximum, minimum, tensor, type Tensor } from '@tapegrad/tensor';

const v = (...values: number[]) => tensor(values);
/** The values of `x`, flat. */
const values = (x: Tensor) => Array.from(x.buffer);

/** [what, computed, numpy's result]: compared with Object.is, so −0 and +0 differ and NaN equals NaN. */
const CASES: [string, () => number[], number[]][] = [
  ['relu(−0) is +0, as np.maximum(x, 0)', () => values(v(-0).relu()), [0]],
  ['relu passes NaN and +Infinity, and sends −Infinity to 0', () => values(v(NaN, Infinity, -Infinity).relu()), [NaN, Infinity, 0]],
  ['abs(−0) is +0 and abs(−Infinity) is Infinity', () => values(v(-0, -Infinity).abs()), [0, Infinity]],
  ['neg(0) is −0', () => values(v(0).neg()), [-0]],
  ['leakyRelu(−0) is −0, as np.where(x > 0, x, slope·x)', () => values(v(-0).leakyRelu()), [-0]],
  ['sqrt(−0) is −0, sqrt(−1) is NaN, sqrt(Infinity) is Infinity', () => values(v(-0, -1, Infinity).sqrt()), [-0, NaN, Infinity]],
  ['exp(−Infinity) is 0, exp(Infinity) is Infinity, exp(NaN) is NaN', () => values(v(-Infinity, Infinity, NaN).exp()), [0, Infinity, NaN]],
  ['log(±0) is −Infinity, log(−1) is NaN, log(Infinity) is Infinity', () => values(v(0, -0, -1, Infinity).log()), [-Infinity, -Infinity, NaN, Infinity]],
  ['tanh keeps −0 and gives ±1 at ±Infinity', () => values(v(-0, Infinity, -Infinity).tanh()), [-0, 1, -1]],
  ['sigmoid gives 0 and 1 at ∓Infinity and NaN at NaN', () => values(v(-Infinity, Infinity, NaN).sigmoid()), [0, 1, NaN]],
  ['clamp passes NaN through, as np.clip', () => values(v(NaN).clamp(0, 1)), [NaN]],
  ['clamp keeps −0 at a bound of 0 on either side, as np.clip', () => [...values(v(-0).clamp(0, 1)), ...values(v(-0).clamp(-1, 0))], [-0, -0]],
  ['division by ±0 gives ±Infinity by the signs, and 0/0 NaN', () => values(v(1, 1, -1, -1, 0).div(v(0, -0, 0, -0, 0))), [Infinity, -Infinity, -Infinity, Infinity, NaN]],
  ['−0 divided or multiplied by a positive number stays −0', () => [...values(v(-0).div(5)), ...values(v(-0).mul(5))], [-0, -0]],
  ['pow: 0⁻¹ is Infinity, (−0)⁻¹ is −Infinity, a negative base to a fractional power is NaN', () => values(v(0, -0, -8).pow(v(-1, -1, 1 / 3))), [Infinity, -Infinity, NaN]],
  ['sum of Infinity and −Infinity is NaN', () => values(v(Infinity, -Infinity).sum()), [NaN]],
  ['sum of Infinity and a number is Infinity', () => values(v(Infinity, 1).sum()), [Infinity]],
  ['sum of −0 and −0 is +0, as numpy (the sum starts at +0)', () => values(v(-0, -0).sum()), [0]],
  ['mean of Infinity and −Infinity is NaN', () => values(v(Infinity, -Infinity).mean()), [NaN]],
  ['max and min with a NaN are NaN, as np.max', () => [...values(v(1, NaN, 3).max()), ...values(v(NaN, 1).min())], [NaN, NaN]],
  ['max along an axis is NaN only in the column holding the NaN', () => values(tensor([[1, NaN], [3, 4]]).max(0)), [3, NaN]],
  ['maximum and minimum with a NaN on either side are NaN, as np.maximum', () => [
    ...values(maximum(v(NaN, 1), v(1, NaN))),
    ...values(minimum(v(NaN, 1), v(1, NaN))),
  ], [NaN, NaN, NaN, NaN]],
  ['argmax and argmin return the index of the first NaN, as numpy', () => [
    ...values(argmax(v(1, 5, NaN, 7, NaN))),
    ...values(argmin(v(1, -5, NaN, -7))),
    ...values(argmax(tensor([[1, 5], [NaN, 7], [3, NaN]]), 0)),
  ], [2, 2, 1, 2]],
  ['argmax of a NaN in first place is 0', () => values(argmax(v(NaN, 1))), [0]],
  ['logsumexp of only −Infinity is −Infinity (log 0), and with +Infinity is Infinity', () => [
    ...values(v(-Infinity, -Infinity).logsumexp()),
    ...values(v(Infinity, 1).logsumexp()),
  ], [-Infinity, Infinity]],
  ['softmax and logSoftmax of [Infinity, 1] are NaN throughout, as exp(x − max(x)) / Σ in numpy (∞ − ∞ is NaN)', () => [
    ...values(v(Infinity, 1).softmax()),
    ...values(v(Infinity, 1).logSoftmax()),
  ], [NaN, NaN, NaN, NaN]],
  ['softmax of a row of only −Infinity is NaN, as numpy', () => values(v(-Infinity, -Infinity).softmax()), [NaN, NaN]],
  ['matmul of 0 · Infinity is NaN', () => values(tensor([[0, 1]]).matmul(tensor([[Infinity], [1]]))), [NaN]],
];

describe('IEEE special values, as numpy', () => {
  it.each(CASES)('%s', (_what, compute, expected) => {
    const actual = compute();
    expect(actual).toHaveLength(expected.length);
    actual.forEach((value, i) => expect(Object.is(value, expected[i]), `entry ${i}: ${Object.is(value, -0) ? '-0' : value}, numpy gives ${Object.is(expected[i], -0) ? '-0' : expected[i]}`).toBe(true));
  });

  it('keep float32 NaN, ±Infinity and −0 as they are', () => {
    const x = tensor([NaN, Infinity, -Infinity, -0], { dtype: 'float32' });
    expect(values(x.neg()).map((value) => (Object.is(value, 0) ? '+0' : String(value)))).toEqual(['NaN', '-Infinity', 'Infinity', '+0']);
    expect(values(x.max())).toEqual([NaN]);
  });
});

describe('where tapegrad differs from numpy on special values (docs/tensors.md, "Special values")', () => {
  it('maximum(+0, −0) is +0 and minimum is −0 in either order (IEEE 754-2019), where numpy returns the second operand', () => {
    expect(Object.is(maximum(v(-0), v(0)).item(), 0)).toBe(true);
    expect(Object.is(maximum(v(0), v(-0)).item(), 0)).toBe(true); // numpy: -0.0
    expect(Object.is(minimum(v(-0), v(0)).item(), -0)).toBe(true); // numpy: 0.0
    expect(Object.is(minimum(v(0), v(-0)).item(), -0)).toBe(true);
  });

  it('max and min over tied zeros keep the first one, where numpy keeps the last', () => {
    expect(Object.is(v(-0, 0).max().item(), -0)).toBe(true); // numpy: 0.0
    expect(Object.is(v(0, -0).min().item(), 0)).toBe(true); // numpy: -0.0
  });

  it('refuses an int32 sum that leaves int32, where numpy would widen to int64', () => {
    expect(() => tensor([2 ** 30, 2 ** 30], { dtype: 'int32' }).sum()).toThrow(/sum: 2147483648 .* does not fit in int32/);
  });

  it('sums float32 in a float64 accumulator, rounding once, where numpy sums pairwise in float32', () => {
    // 2²⁴ + 1 + 1: float32 cannot hold 2²⁴ + 1, so adding the ones one at a time in float32 loses both.
    const x = tensor([2 ** 24, 1, 1], { dtype: 'float32' });
    expect(x.sum().item()).toBe(2 ** 24 + 2);
  });
});
