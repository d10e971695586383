import { describe, expect, it } from 'vitest';
import {
  concat, conv2d, formatShape, full, gather, getOp, indexAdd, linear, listOps, maxPool2d, maximum, minimum, ones, scatterAdd,
  softmaxCrossEntropy, stack, tensor, where, zeros, type Tensor,
} from '@tapegrad/tensor';
import { messageOf } from './message-of.js';

const empty = (shape: number[]) => zeros(shape, { requiresGrad: true });

describe('tensors with a zero-size axis', () => {
  it('pass through elementwise ops and broadcasting, and backprop to empty gradients', () => {
    const x = empty([0, 3]);
    const y = x.exp().mul(ones([3])).add(1).relu();
    expect(y.shape).toEqual([0, 3]);
    y.sum().backward();
    expect(x.grad!.shape).toEqual([0, 3]);
  });

  it('sum to zeros and mean to NaN over the empty axis, as numpy', () => {
    const x = empty([0, 3]);
    expect(x.sum(0).toArray()).toEqual([0, 0, 0]);
    expect(x.sum(1).shape).toEqual([0]);
    expect(x.sum().item()).toBe(0);
    expect(Number.isNaN(x.mean().item())).toBe(true);
  });

  it('refuses max, min, argmax over an empty axis, naming it', () => {
    const x = empty([0, 3]);
    expect(() => x.max(0)).toThrow(/max: cannot reduce the empty axis 0 of \[0,3\]/);
    expect(() => x.min()).toThrow(/min: cannot reduce the empty axis/);
    expect(() => x.argmax(0)).toThrow(/argmax: axis 0 of \[0,3\] float64 is empty/);
    expect(x.max(1).shape).toEqual([0]);
  });

  it('multiplies matrices with an empty outer or inner dimension', () => {
    expect(empty([0, 3]).matmul(ones([3, 2])).shape).toEqual([0, 2]);
    const a = empty([2, 0]);
    const b = empty([0, 3]);
    const product = a.matmul(b);
    expect(product.toArray()).toEqual([[0, 0, 0], [0, 0, 0]]);
    product.sum().backward();
    expect(a.grad!.shape).toEqual([2, 0]);
    expect(b.grad!.shape).toEqual([0, 3]);
  });

  it('reshapes, transposes, softmaxes, pads and concatenates', () => {
    const x = empty([0, 3]);
    expect(x.reshape([3, 0]).shape).toEqual([3, 0]);
    expect(x.reshape([-1, 3]).shape).toEqual([0, 3]);
    expect(x.transpose().shape).toEqual([3, 0]);
    expect(x.softmax(-1).shape).toEqual([0, 3]);
    expect(x.pad([[1, 0]]).toArray()).toEqual([[0, 0, 0]]);
    const joined: Tensor = concat([x, tensor([[1, 2, 3]])], 0);
    expect(joined.toArray()).toEqual([[1, 2, 3]]);
  });

  it('gathers and selects nothing with an empty index', () => {
    const x = tensor([[1, 2], [3, 4]], { requiresGrad: true });
    expect(x.indexSelect(0, []).shape).toEqual([0, 2]);
    const none = tensor(new Int32Array(0), { shape: [0, 2] });
    expect(x.gather(0, none).shape).toEqual([0, 2]);
  });

  it('prints an empty tensor', () => {
    expect(zeros([0]).toString()).toBe('tensor([], dtype=float64)');
    expect(zeros([2, 0]).toString()).toBe('tensor([], shape=[2,0], dtype=float64)');
  });

  it('prints an empty tensor whose other extent is huge without listing its indices', () => {
    expect(zeros([2 ** 32, 0]).toString()).toBe('tensor([], shape=[4294967296,0], dtype=float64)');
  });
});

describe('IEEE special values', () => {
  it('propagate NaN through elementwise ops, reductions and matmul, as numpy', () => {
    const x = tensor([1, NaN, 3]);
    expect(Number.isNaN(x.exp().buffer[1])).toBe(true);
    expect(Number.isNaN(x.sum().item())).toBe(true);
    expect(Number.isNaN(x.max().item())).toBe(true);
    expect(Number.isNaN(tensor([NaN, 1]).min().item())).toBe(true);
    expect(Number.isNaN(x.relu().buffer[1])).toBe(true);
    expect(Number.isNaN(tensor([[0, 1]]).matmul(tensor([[Infinity], [1]])).item())).toBe(true);
    expect(x.argmax().item()).toBe(1);
  });

  it('keeps infinities and the sign of zero where IEEE does', () => {
    expect(tensor([Infinity]).tanh().item()).toBe(1);
    expect(tensor([-Infinity]).sigmoid().item()).toBe(0);
    expect(tensor([Infinity]).sigmoid().item()).toBe(1);
    expect(Object.is(tensor([0]).neg().item(), -0)).toBe(true);
    expect(tensor([-0]).div(tensor([-1])).item()).toBe(0);
    expect(tensor([1]).div(tensor([0])).item()).toBe(Infinity);
    expect(tensor([-Infinity, 0]).logsumexp().item()).toBe(0);
    expect(Array.from(tensor([-Infinity, -Infinity]).softmax().buffer).every(Number.isNaN)).toBe(true);
  });
});

/**
 * One call of a registered op with a zero-size axis somewhere, and what it must give: a result of
 * `shape` (with `values` where numpy fixes them: zeros for a sum, NaN for a mean), or an error
 * naming the op and the empty shape, as numpy raises for a max of nothing.
 */
interface EmptyCase {
  readonly what: string;
  readonly run: () => Tensor;
  readonly shape?: readonly number[];
  readonly values?: readonly number[];
  readonly throws?: RegExp;
}

/** Leaves created by the running case, whose gradients its backward must fill. */
let leaves: Tensor[] = [];
/** A float leaf that requires grad, filled with 0.5 (inside every op's domain). */
const leaf = (shape: number[]): Tensor => {
  const x = full(shape, 0.5, { requiresGrad: true });
  leaves.push(x);
  return x;
};
const index = (shape: number[]): Tensor => zeros(shape, { dtype: 'int32' });
const window = { kernel: [2, 2], stride: [1, 1], padding: [0, 0] };
const elementwise = (what: string, f: (x: Tensor) => Tensor): EmptyCase[] => [{ what, run: () => f(leaf([0, 3])), shape: [0, 3] }];
const broadcasting = (f: (a: Tensor, b: Tensor) => Tensor): EmptyCase[] => [
  { what: '[0,3] against a [3] row gives [0,3]; the row gets a zero gradient', run: () => f(leaf([0, 3]), leaf([3])), shape: [0, 3] },
];

/** Every op of the registry, by name: the registry test below fails when one is missing here. */
const CASES: Record<string, EmptyCase[]> = {
  astype: elementwise('converts an empty tensor', (x) => x.astype('float32')),
  clone: elementwise('copies an empty tensor', (x) => x.clone()),
  broadcastTo: [{ what: 'broadcasts an extent 1 to 0, as numpy', run: () => leaf([1, 3]).broadcastTo([0, 3]), shape: [0, 3] }],
  where: [{ what: 'picks from nothing', run: () => where(index([0, 3]), leaf([0, 3]), leaf([3])), shape: [0, 3] }],
  add: broadcasting((a, b) => a.add(b)),
  sub: broadcasting((a, b) => a.sub(b)),
  mul: broadcasting((a, b) => a.mul(b)),
  div: broadcasting((a, b) => a.div(b)),
  pow: broadcasting((a, b) => a.pow(b)),
  maximum: broadcasting(maximum),
  minimum: broadcasting(minimum),
  neg: elementwise('maps nothing', (x) => x.neg()),
  exp: elementwise('maps nothing', (x) => x.exp()),
  log: elementwise('maps nothing', (x) => x.log()),
  sqrt: elementwise('maps nothing', (x) => x.sqrt()),
  abs: elementwise('maps nothing', (x) => x.abs()),
  tanh: elementwise('maps nothing', (x) => x.tanh()),
  sigmoid: elementwise('maps nothing', (x) => x.sigmoid()),
  relu: elementwise('maps nothing', (x) => x.relu()),
  leakyRelu: elementwise('maps nothing', (x) => x.leakyRelu()),
  clamp: elementwise('maps nothing', (x) => x.clamp(-1, 1)),
  sum: [
    { what: 'sums an empty axis to zeros, as numpy', run: () => leaf([0, 3]).sum(0), shape: [3], values: [0, 0, 0] },
    { what: 'sums everything of an empty tensor to 0', run: () => leaf([0, 3]).sum(), shape: [], values: [0] },
    { what: 'sums a non-empty axis of an empty tensor to an empty result', run: () => leaf([0, 3]).sum(1), shape: [0] },
  ],
  max: [
    { what: 'refuses the empty axis, as numpy', run: () => leaf([0, 3]).max(0), throws: /^max: cannot reduce the empty axis 0 of \[0,3\] float64/ },
    { what: 'reduces a non-empty axis of an empty tensor to an empty result', run: () => leaf([0, 3]).max(1), shape: [0] },
  ],
  min: [{ what: 'refuses the empty axis, as numpy', run: () => leaf([0, 3]).min(), throws: /^min: cannot reduce the empty axis 0 of \[0,3\] float64/ }],
  mean: [{ what: 'is NaN over an empty axis, as numpy (which also warns)', run: () => leaf([0, 3]).mean(0), shape: [3], values: [NaN, NaN, NaN] }],
  var: [{ what: 'is NaN over an empty axis, as numpy', run: () => leaf([0, 3]).var(0), shape: [3], values: [NaN, NaN, NaN] }],
  std: [{ what: 'is NaN over an empty axis, as numpy', run: () => leaf([0, 3]).std(0), shape: [3], values: [NaN, NaN, NaN] }],
  logsumexp: [{ what: 'is log 0 = -Infinity over an empty axis, as scipy', run: () => leaf([0, 3]).logsumexp(0), shape: [3], values: [-Infinity, -Infinity, -Infinity] }],
  matmul: [
    { what: 'multiplies zero rows', run: () => leaf([0, 3]).matmul(leaf([3, 2])), shape: [0, 2] },
    { what: 'contracts an empty inner axis to zeros', run: () => leaf([2, 0]).matmul(leaf([0, 3])), shape: [2, 3], values: [0, 0, 0, 0, 0, 0] },
  ],
  softmax: [
    { what: 'normalises zero rows', run: () => leaf([0, 3]).softmax(-1), shape: [0, 3] },
    { what: 'normalises rows of no entries', run: () => leaf([3, 0]).softmax(-1), shape: [3, 0] },
  ],
  logSoftmax: [{ what: 'normalises rows of no entries', run: () => leaf([3, 0]).logSoftmax(-1), shape: [3, 0] }],
  reshape: [
    { what: 'reshapes nothing to another empty shape', run: () => leaf([0, 3]).reshape([3, 0]), shape: [3, 0] },
    { what: 'infers a -1 beside non-zero extents', run: () => leaf([0, 3]).reshape([-1, 3]), shape: [0, 3] },
    { what: 'refuses to guess a -1 beside a 0, as numpy and PyTorch', run: () => leaf([0, 3]).reshape([0, -1]), throws: /^reshape: cannot infer the -1 in \[0,-1\] for \[0,3\]/ },
  ],
  squeeze: [{ what: 'drops a size-1 axis', run: () => leaf([0, 1, 3]).squeeze(1), shape: [0, 3] }],
  unsqueeze: [{ what: 'adds a size-1 axis', run: () => leaf([0, 3]).unsqueeze(0), shape: [1, 0, 3] }],
  flatten: [{ what: 'flattens to [0]', run: () => leaf([0, 3]).flatten(), shape: [0] }],
  permute: [{ what: 'moves the empty axis', run: () => leaf([0, 3, 2]).permute([2, 0, 1]), shape: [2, 0, 3] }],
  transpose: [{ what: 'swaps the empty axis', run: () => leaf([0, 3]).transpose(), shape: [3, 0] }],
  slice: [
    { what: 'takes an empty range of a full tensor', run: () => leaf([2, 3]).slice([1], [1]), shape: [0, 3] },
    { what: 'clips a range of an empty tensor', run: () => leaf([0, 3]).slice([0, 1], [5, 2]), shape: [0, 1] },
  ],
  pad: [{ what: 'pads nothing into a tensor of the pad value', run: () => leaf([0, 3]).pad([[1, 1]], { value: 2 }), shape: [2, 3], values: [2, 2, 2, 2, 2, 2] }],
  gather: [
    { what: 'gathers nothing with an empty index', run: () => gather(leaf([2, 3]), 0, index([0, 3])), shape: [0, 3] },
    { what: 'gathers from an empty tensor', run: () => gather(leaf([0, 3]), 1, index([0, 2])), shape: [0, 2] },
  ],
  scatterAdd: [{ what: 'adds nothing', run: () => scatterAdd(leaf([2, 3]), 0, index([0, 3]), leaf([0, 3])), shape: [2, 3], values: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5] }],
  indexSelect: [
    { what: 'selects no slices', run: () => leaf([2, 3]).indexSelect(0, []), shape: [0, 3] },
    { what: 'selects from an empty tensor', run: () => leaf([0, 3]).indexSelect(1, [2, 0]), shape: [0, 2] },
  ],
  indexAdd: [{ what: 'adds no slices', run: () => indexAdd(leaf([2, 3]), 0, [], leaf([0, 3])), shape: [2, 3], values: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5] }],
  concat: [
    { what: 'joins an empty tensor to a full one', run: () => concat([leaf([0, 3]), leaf([2, 3])]), shape: [2, 3], values: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5] },
    { what: 'joins empty tensors along a full axis', run: () => concat([leaf([0, 3]), leaf([0, 2])], 1), shape: [0, 5] },
  ],
  stack: [{ what: 'stacks empty tensors', run: () => stack([leaf([0, 3]), leaf([0, 3])]), shape: [2, 0, 3] }],
  linear: [
    { what: 'maps an empty batch', run: () => linear(leaf([0, 4]), leaf([3, 4]), leaf([3])), shape: [0, 3] },
    { what: 'maps zero features to the bias', run: () => linear(leaf([2, 0]), leaf([3, 0]), leaf([3])), shape: [2, 3], values: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5] },
  ],
  im2col: [{ what: 'unfolds an empty batch', run: () => getOp('im2col')!.call([leaf([0, 1, 3, 3])], window), shape: [0, 4, 4] }],
  col2im: [{ what: 'folds an empty batch', run: () => getOp('col2im')!.call([leaf([0, 4, 4])], { ...window, height: 3, width: 3 }), shape: [0, 1, 3, 3] }],
  conv2d: [
    { what: 'convolves an empty batch', run: () => conv2d(leaf([0, 1, 3, 3]), leaf([2, 1, 2, 2]), leaf([2])), shape: [0, 2, 2, 2] },
    { what: 'gives the bias for zero input channels', run: () => conv2d(leaf([1, 0, 3, 3]), leaf([2, 0, 2, 2]), leaf([2])), shape: [1, 2, 2, 2], values: Array(8).fill(0.5) },
    { what: 'gives zero output channels', run: () => conv2d(leaf([1, 1, 3, 3]), leaf([0, 1, 2, 2])), shape: [1, 0, 2, 2] },
  ],
  maxPool2d: [
    { what: 'pools an empty batch', run: () => maxPool2d(leaf([0, 1, 4, 4]), 2), shape: [0, 1, 2, 2] },
    { what: 'refuses an empty image, which no window fits', run: () => maxPool2d(leaf([1, 1, 0, 0]), 1), throws: /^maxPool2d: kernel 1×1 is larger than the input 0×0 of x \[1,1,0,0\]/ },
  ],
  softmaxCrossEntropy: [
    { what: 'gives no losses for an empty batch', run: () => softmaxCrossEntropy(leaf([0, 3]), []), shape: [0] },
    { what: 'refuses rows of no classes', run: () => softmaxCrossEntropy(leaf([2, 0]), [0, 0]), throws: /^softmaxCrossEntropy: logits \[2,0\] have no classes/ },
  ],
};

describe('every registered op on a zero-size axis', () => {
  it('has a case here for every op in the registry', () => {
    expect(listOps().map((op) => op.name).filter((name) => !Object.hasOwn(CASES, name))).toEqual([]);
  });

  const cases = Object.entries(CASES).flatMap(([op, list]) => list.map((c) => [`${op} ${c.what}`, op, c] as const));
  it.each(cases)('%s', (_name, op, c) => {
    leaves = [];
    if (c.throws) {
      const message = messageOf(c.run);
      expect(message).toMatch(c.throws);
      expect(message.startsWith(`${op}: `)).toBe(true);
      return;
    }
    const out = c.run();
    expect(out.shape).toEqual(c.shape);
    // No silent garbage: every value is the one numpy gives, or finite where numpy fixes none.
    if (c.values) expect(Array.from(out.buffer)).toEqual(c.values);
    else expect(Array.from(out.buffer).every(Number.isFinite)).toBe(true);
    out.sum().backward();
    for (const x of leaves) {
      if (x.grad === null) continue; // an input the output does not depend on (a size-1 row broadcast to nothing)
      expect(x.grad.shape, `the gradient of ${formatShape(x.shape)}`).toEqual(x.shape);
      expect(Array.from(x.grad.buffer).every(Number.isFinite), `the gradient of ${formatShape(x.shape)} is finite`).toBe(true);
    }
    expect(leaves.some((x) => x.grad !== null)).toBe(true);
  });

  it('refuses max and min of an empty axis through the registry too, not only the public functions', () => {
    const attrs = { axes: [0], keepdims: false };
    expect(() => getOp('max')!.call([zeros([0, 3])], attrs)).toThrow(/^max: cannot reduce the empty axis 0 of \[0,3\] float64/);
    expect(() => getOp('min')!.call([zeros([0, 3])], attrs)).toThrow(/^min: cannot reduce the empty axis 0/);
  });

  it('refuses softmaxCrossEntropy without classes or with a label out of range through the registry too', () => {
    const op = getOp('softmaxCrossEntropy')!;
    expect(() => op.call([zeros([2, 0]), tensor([0, 0], { dtype: 'int32' })], undefined)).toThrow(/^softmaxCrossEntropy: logits \[2,0\] have no classes/);
    // A label of C would read the next row's first logit: a wrong loss, silently.
    expect(() => op.call([zeros([2, 3]), tensor([0, 3], { dtype: 'int32' })], undefined)).toThrow(/labels\[1\] = 3 is outside \[0, 3\)/);
  });
});
