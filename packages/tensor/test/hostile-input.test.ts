/**
 * Input a program should never send but sometimes does: shapes whose results cannot be held,
 * nested arrays that are absurdly deep, sparse, ragged or not numbers. Each must fail at once
 * with an error naming the op, the shape and the limit, never after trying to allocate
 * terabytes or recursing into a stack overflow.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_NESTING, MAX_SIZE, arange, concat, conv2d, eye, full, linspace, maxPool2d, oneHot, ones, rand, randint, randn, tensor, where,
  zeros, type Tensor,
} from '@tapegrad/tensor';
import { messageOf } from './message-of.js';

/** The error message of `fn`, after checking it threw within 100 ms: fast means nothing was allocated. */
function fastMessage(fn: () => unknown): string {
  const started = performance.now();
  const message = messageOf(fn);
  expect(performance.now() - started, 'milliseconds until the error').toBeLessThan(100);
  return message;
}

const LIMIT = String(MAX_SIZE);
const int = (shape: number[]) => zeros(shape, { dtype: 'int32' });

/** [what, call, op the error must start with, the shape it must show]. */
const GIGANTIC: [string, () => unknown, string, string][] = [
  ['zeros of [2²⁰, 2²⁰]', () => zeros([2 ** 20, 2 ** 20]), 'zeros', '[1048576,1048576]'],
  ['a tensor of 2⁴⁰ elements', () => ones([2 ** 40]), 'ones', '[1099511627776]'],
  ['full', () => full([2 ** 20, 2 ** 20], 7), 'full', '[1048576,1048576]'],
  ['randn', () => randn([2 ** 40]), 'randn', '[1099511627776]'],
  ['rand', () => rand([2 ** 21, 2 ** 21]), 'rand', '[2097152,2097152]'],
  ['randint', () => randint(0, 9, [2 ** 40]), 'randint', '[1099511627776]'],
  ['eye', () => eye(2 ** 20), 'eye', '[1048576,1048576]'],
  ['linspace', () => linspace(0, 1, 2 ** 40), 'linspace', '[1099511627776]'],
  ['a broadcast of [2¹⁶,1] against [1,2¹⁶] (2³² elements)', () => zeros([2 ** 16, 1]).add(zeros([1, 2 ** 16])), 'add', '[65536,65536]'],
  ['a broadcast in a comparison', () => zeros([2 ** 20, 1]).lt(zeros([2 ** 20])), 'lt', '[1048576,1048576]'],
  ['a broadcast in where', () => where(int([2 ** 20, 1]), zeros([2 ** 20]), 0), 'where', '[1048576,1048576]'],
  ['broadcastTo', () => zeros([1]).broadcastTo([2 ** 20, 2 ** 20]), 'broadcastTo', '[1048576,1048576]'],
  ['an outer product by matmul', () => zeros([2 ** 20, 1]).matmul(zeros([1, 2 ** 20])), 'matmul', '[1048576,1048576]'],
  ['a batched matmul whose batch broadcasts', () => zeros([2 ** 12, 1, 1]).matmul(zeros([1, 2 ** 20])), 'matmul', '[4096,1,1048576]'],
  ['pad with a huge width', () => zeros([2, 2]).pad([[0, 2 ** 40]]), 'pad', '[1099511627778,2]'],
  ['oneHot with a huge class count', () => oneHot([0, 1], 2 ** 31), 'oneHot', '[2,2147483648]'],
  ['conv2d with a huge padding', () => conv2d(zeros([1, 1, 2, 2]), zeros([1, 1, 1, 1]), null, { padding: 2 ** 20 }), 'conv2d', '[1,1,2097154,2097154]'],
  // The output [1,1,2050,2050] fits; the [C·kh·kw, Ho·Wo] column matrix behind it does not.
  ['conv2d whose im2col columns would be huge', () => conv2d(zeros([1, 1024, 4, 4]), zeros([1, 1024, 3, 3]), null, { padding: 1024 }), 'conv2d', '[9216,4202500]'],
  ['indexSelect repeating a long slice', () => zeros([1, 2 ** 20]).indexSelect(0, int([2 ** 12])), 'indexSelect', '[4096,1048576]'],
  ['concat of one long tensor 2048 times', () => concat(Array<Tensor>(2048).fill(zeros([2 ** 20]))), 'concat', '[2147483648]'],
];

describe('results too large to hold', () => {
  it.each(GIGANTIC)('fail within 100 ms, naming the op, the shape and the limit: %s', (_what, call, op, shape) => {
    const message = fastMessage(call);
    expect(message.startsWith(`${op}: `), message).toBe(true);
    expect(message).toContain(shape);
    expect(message).toContain(LIMIT);
  });

  it('fail for arange with a tiny step, naming the step', () => {
    for (const step of [1e-12, 5e-324]) {
      const message = fastMessage(() => arange(0, 1, step));
      expect(message).toMatch(new RegExp(`^arange: start 0, stop 1, step ${step} give (\\d+|Infinity) elements, more than the ${LIMIT}`));
      expect(message).toMatch(/use a larger step, or linspace/);
    }
  });

  it('fail for a reshape to a gigantic shape, which can only be a wrong element count', () => {
    const message = fastMessage(() => zeros([4]).reshape([2 ** 20, 2 ** 20]));
    expect(message).toMatch(/^reshape: cannot reshape \[4\] float64 \(4 elements\) to \[1048576,1048576\] \(1099511627776 elements\)/);
  });

  it('do not stop maxPool2d, whose output is never larger than its input', () => {
    expect(maxPool2d(zeros([1, 1, 4, 4]), 2).shape).toEqual([1, 1, 2, 2]);
  });

  it('refuse an extent beyond 2^53 − 1 even beside a 0, and take a huge exact one there', () => {
    expect(fastMessage(() => zeros([2 ** 60, 0]))).toMatch(/^zeros: shape \[1152921504606847000,0\] has an extent 1152921504606847000 beyond 2\^53 − 1/);
    expect(fastMessage(() => zeros([1e308, 1e308, 0]))).toMatch(/^zeros: .*beyond 2\^53 − 1/);
    expect(zeros([2 ** 40, 0]).size).toBe(0);
  });
});

describe('hostile nested arrays in tensor()', () => {
  it('rejects nesting 10⁵ deep (built iteratively) at MAX_NESTING, with a message instead of a stack overflow', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const message = fastMessage(() => tensor(deep));
    expect(message).toBe(`tensor: the nested array is more than ${MAX_NESTING} levels deep; tensors of that rank are not supported`);
  });

  it('rejects rows that repeat one array into 2³² numbers before walking them', () => {
    const row = new Array<number>(2 ** 16).fill(0);
    const rows = new Array<number[]>(2 ** 16).fill(row); // 2³² numbers, but one row in memory
    const message = fastMessage(() => tensor(rows));
    expect(message).toBe(`tensor: the nested array has shape [65536,65536], 4294967296 elements, more than the ${LIMIT} (MAX_SIZE) a tensor can hold`);
  });

  it('rejects a sparse array of length 2³² − 1 at once', () => {
    const message = fastMessage(() => tensor(new Array(2 ** 32 - 1)));
    expect(message).toMatch(/^tensor: the nested array has shape \[4294967295\], 4294967295 elements/);
  });

  it('names a hole in a sparse array as a hole', () => {
    const sparse: number[] = [1];
    sparse.length = 3;
    expect(fastMessage(() => tensor(sparse))).toBe(
      'tensor: element at [1] is a hole (the array is sparse: that index was never assigned), expected a number; every row must have the same length and depth',
    );
  });

  it('names each kind of non-number without failing to describe it (undefined, bigint, symbol, function, object, string)', () => {
    expect(fastMessage(() => tensor([1, undefined]))).toMatch(/^tensor: element at \[1\] is undefined, expected a number/);
    expect(fastMessage(() => tensor([[1], [2n]]))).toMatch(/^tensor: element at \[1\]\[0\] is bigint 2n \(convert it with Number\(…\)\), expected a number/);
    expect(fastMessage(() => tensor([Symbol('s')]))).toMatch(/^tensor: element at \[0\] is symbol, expected a number/);
    expect(fastMessage(() => tensor([() => 1]))).toMatch(/^tensor: element at \[0\] is function, expected a number/);
    expect(fastMessage(() => tensor([{ valueOf: () => 1 }]))).toMatch(/^tensor: element at \[0\] is object \{\}, expected a number/);
    expect(fastMessage(() => tensor([[1, 2], '34']))).toMatch(/^tensor: element at \[1\] is string "34" but rows at this depth are arrays of length 2; the nested array is ragged/);
  });

  it('rejects ragged rows, naming where', () => {
    expect(fastMessage(() => tensor([[[1, 2], [3, 4]], [[5, 6], [7]]]))).toMatch(/^tensor: row at \[1\]\[1\] has length 1 but the first row at this depth has 2; the nested array is ragged/);
  });
});
