import { describe, it, expect } from 'vitest';
import { messageOf } from './message-of.js';
import {
  MAX_NESTING, concat, grad, noGrad, ones, rand, stack, tensor, valueAndGrad, where, zeros, type Tensor,
} from '@tapegrad/tensor';


const int = (values: number[] | number[][]) => tensor(values, { dtype: 'int32' });

describe('binary ops that cannot broadcast', () => {
  it('names the op, both shapes, the failing axis and the fix', () => {
    const message = messageOf(() => zeros([2, 3]).add(zeros([4])));
    expect(message).toMatch(/^add: /);
    expect(message).toContain('[2,3]');
    expect(message).toContain('[4]');
    expect(message).toMatch(/cannot broadcast/);
    expect(message).toMatch(/extents 3 and 4/);
    expect(message).toMatch(/reshape or unsqueeze/);
  });

  it('shows the labels of both operands', () => {
    const x = zeros([2, 3], { label: 'x' });
    const b = zeros([4], { label: 'bias' });
    expect(messageOf(() => x.add(b))).toMatch(/add: shapes \[2,3\] \(x\) and \[4\] \(bias\) cannot broadcast/);
    expect(messageOf(() => x.mul(b))).toMatch(/^mul: .*\(x\).*\(bias\)/);
  });

  it('keeps the labels when an operand is promoted to another dtype first', () => {
    const labels = tensor([[1, 2, 3], [4, 5, 6]], { dtype: 'int32', label: 'y' });
    const message = messageOf(() => labels.sub(zeros([4], { label: 'p' })));
    expect(message).toMatch(/sub: shapes \[2,3\] \(y\) and \[4\] \(p\) cannot broadcast/);
  });

  it('applies to comparisons too', () => {
    expect(messageOf(() => zeros([2], { label: 'p' }).lt(zeros([3], { label: 'q' })))).toMatch(/^lt: shapes \[2\] \(p\) and \[3\] \(q\)/);
  });
});

describe('matmul with mismatched inner dimensions', () => {
  it('names matmul, both shapes and both labels', () => {
    const x = zeros([64, 784], { label: 'x' });
    const w2 = zeros([256, 10], { label: 'W2' });
    const message = messageOf(() => x.matmul(w2));
    expect(message).toMatch(/^matmul: inner dimensions differ/);
    expect(message).toMatch(/a \[64,784\] .*\(x\) @ b \[256,10\] .*\(W2\)/);
    expect(message).toMatch(/784/);
    expect(message).toMatch(/256/);
  });

  it('keeps the labels when the operands have different dtypes', () => {
    const x = zeros([64, 784], { label: 'x', dtype: 'float32' });
    const message = messageOf(() => x.matmul(zeros([256, 10], { label: 'W2' })));
    expect(message).toMatch(/a \[64,784\] float32 \(x\) @ b \[256,10\] float64 \(W2\)/);
  });

  it('explains the vector case', () => {
    expect(messageOf(() => zeros([3]).matmul(zeros([4])))).toMatch(/matmul: inner dimensions differ: a \[3\].*@ b \[4\].*only axis \(4\)/);
  });

  it('reports batch axes that cannot broadcast', () => {
    const message = messageOf(() => zeros([2, 2, 3], { label: 'a' }).matmul(zeros([3, 3, 2], { label: 'b' })));
    expect(message).toMatch(/matmul \(batch axes\): shapes \[2\] \(a\) and \[3\] \(b\) cannot broadcast/);
  });
});

describe('axis out of range', () => {
  const x = zeros([2, 3]);

  it('rejects sum(2) on a 2-D tensor, listing the valid axes', () => {
    expect(messageOf(() => x.sum(2))).toMatch(/^sum: axis 2 is out of range for a tensor of shape \[2,3\] \(rank 2\); valid axes are -2…1/);
  });

  it('rejects softmax(5)', () => {
    expect(messageOf(() => x.softmax(5))).toMatch(/^softmax: axis 5 is out of range .*\[2,3\]/);
  });

  it('rejects a negative axis that reaches too far', () => {
    expect(messageOf(() => x.sum(-3))).toMatch(/^sum: axis -3 is out of range/);
    expect(messageOf(() => x.mean([0, -3]))).toMatch(/^mean: axis -3 is out of range/);
    expect(messageOf(() => x.argmax(-3))).toMatch(/^argmax: axis -3 is out of range/);
  });

  it('names the composite reduction that was called, not the sum inside it', () => {
    expect(messageOf(() => x.mean(2))).toMatch(/^mean: axis 2 is out of range/);
    expect(messageOf(() => x.var(2))).toMatch(/^var: axis 2 is out of range/);
    expect(messageOf(() => x.std(2))).toMatch(/^std: axis 2 is out of range/);
    expect(messageOf(() => x.logsumexp(2))).toMatch(/^logsumexp: axis 2 is out of range/);
  });

  it('rejects an unsqueeze axis past the new rank, naming the tensor', () => {
    expect(messageOf(() => zeros([3]).unsqueeze(3))).toMatch(/^unsqueeze: axis 3 is out of range for shape \[3\]; the new axis can go at -2…1/);
  });
});

describe('reshape to a different size', () => {
  it('names both shapes and element counts', () => {
    const message = messageOf(() => zeros([2, 3], { label: 'h' }).reshape([4]));
    expect(message).toMatch(/^reshape: cannot reshape \[2,3\] float64 \(h\) \(6 elements\) to \[4\] \(4 elements\)/);
    expect(message).toMatch(/element count must stay the same/);
  });

  it('rejects an inferred extent that does not divide the size', () => {
    expect(messageOf(() => zeros([6]).reshape([-1, 4]))).toMatch(/^reshape: cannot reshape \[6\].*to \[-1,4\]/);
  });

  it('rejects more than one -1', () => {
    expect(messageOf(() => zeros([6]).reshape([-1, -1]))).toMatch(/^reshape: invalid target \[-1,-1\].*at most one -1/);
  });
});

describe('backward misuse', () => {
  it('requires a seed for a non-scalar output, showing its shape', () => {
    const y = zeros([2, 3], { requiresGrad: true }).mul(2);
    const message = messageOf(() => y.backward());
    expect(message).toMatch(/^backward: \[2,3\] float64 has 6 elements/);
    expect(message).toMatch(/seed/);
    expect(message).toMatch(/y\.sum\(\)/);
  });

  it('refuses a second backward through a freed graph and explains retainGraph', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = x.mul(x).sum();
    y.backward();
    const message = messageOf(() => y.backward());
    expect(message).toMatch(/already freed/);
    expect(message).toMatch(/retainGraph: true/);
  });

  it('allows a second backward with retainGraph: true, accumulating into .grad', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = x.mul(x).sum();
    y.backward(undefined, { retainGraph: true });
    expect(x.grad!.toArray()).toEqual([2, 4]);
    y.backward();
    expect(x.grad!.toArray()).toEqual([4, 8]);
  });

  it('rejects backward on a tensor that does not require grad', () => {
    expect(messageOf(() => zeros([1]).sum().backward())).toMatch(/^backward: .*does not require grad/);
  });
});

describe('gradients of int32 tensors', () => {
  it('refuses requiresGrad on an int32 tensor', () => {
    const message = messageOf(() => tensor([1], { dtype: 'int32', requiresGrad: true }));
    expect(message).toMatch(/requiresGrad: \[1\] int32/);
    expect(message).toMatch(/never differentiable/);
    expect(message).toMatch(/astype\('float64'\)/);
  });

  it('refuses grad(f) of an int32 argument', () => {
    const f = grad((x: Tensor) => x.mul(x).sum());
    const message = messageOf(() => f(int([1, 2])));
    expect(message).toMatch(/^grad: argument 0 \[2\] int32/);
    expect(message).toMatch(/astype\('float64'\)/);
  });
});

describe('bad nested arrays', () => {
  it('reports a ragged array and where it is ragged', () => {
    const message = messageOf(() => tensor([[1, 2], [3]]));
    expect(message).toMatch(/^tensor: row at \[1\] has length 1 but the first row at this depth has 2/);
    expect(message).toMatch(/ragged/);
  });

  it('reports rows that are arrays at one place and numbers at another', () => {
    expect(messageOf(() => tensor([[1, 2], 3]))).toMatch(/^tensor: element at \[1\] is number 3 .*ragged/);
  });

  it('names the position and value of a non-numeric element', () => {
    expect(messageOf(() => tensor([1, 'a']))).toMatch(/^tensor: element at \[1\] is string "a", expected a number/);
    expect(messageOf(() => tensor([[1, 2], [3, null]]))).toMatch(/^tensor: element at \[1\]\[1\] is object null/);
  });

  it('rejects nesting deeper than MAX_NESTING but accepts exactly that depth', () => {
    let tooDeep: unknown = 1;
    for (let i = 0; i <= MAX_NESTING; i++) tooDeep = [tooDeep];
    expect(messageOf(() => tensor(tooDeep))).toMatch(new RegExp(`^tensor: the nested array is more than ${MAX_NESTING} levels deep`));
    let deepest: unknown = 1;
    for (let i = 0; i < MAX_NESTING; i++) deepest = [deepest];
    expect(tensor(deepest).ndim).toBe(MAX_NESTING);
  });

  it('rejects a self-containing array instead of looping forever', () => {
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(messageOf(() => tensor(cyclic))).toMatch(/more than \d+ levels deep/);
  });

  it('rejects a value that is no array, number or typed array', () => {
    expect(messageOf(() => tensor('abc'))).toMatch(/^tensor: cannot make a tensor from string/);
    expect(messageOf(() => tensor(new Uint8Array(2)))).toMatch(/^tensor: Uint8Array is not supported/);
  });

  it('rejects a shape option that does not fit the values', () => {
    expect(messageOf(() => tensor(new Float64Array(6), { shape: [4] }))).toMatch(/^tensor: shape \[4\] needs 4 elements but the typed array has 6/);
  });
});

describe('item', () => {
  it('refuses a tensor with more than one element, saying how to reduce it', () => {
    const message = messageOf(() => zeros([2, 2]).item());
    expect(message).toMatch(/^item: \[2,2\] float64 has 4 elements; item\(\) needs exactly one/);
    expect(message).toMatch(/\.sum\(\)/);
  });
});

describe('index errors', () => {
  it('names the out-of-range gather index, its position and the valid range', () => {
    const message = messageOf(() => zeros([2, 3]).gather(1, int([[0, 5]])));
    expect(message).toMatch(/^gather: index 5 at flat position 1 is out of range for axis 1 of \[2,3\] float64 \(valid: 0…2\)/);
  });

  it('rejects a negative index', () => {
    expect(messageOf(() => zeros([3]).scatterAdd(0, int([-1]), tensor([1])))).toMatch(/^scatterAdd: index -1 .*valid: 0…2/);
    expect(messageOf(() => zeros([2, 3]).indexSelect(1, [3]))).toMatch(/^indexSelect: index 3 .*valid: 0…2/);
  });

  it('requires an int32 index', () => {
    const message = messageOf(() => zeros([2, 3]).gather(1, tensor([[0, 1]])));
    expect(message).toMatch(/^gather: index \[1,2\] float64 must be int32/);
    expect(message).toMatch(/dtype: 'int32'/);
  });
});

describe('in-place changes', () => {
  it('refuses in place on a leaf that requires grad outside noGrad', () => {
    const w = tensor([1, 2], { requiresGrad: true, label: 'w' });
    const message = messageOf(() => w.add_(1));
    expect(message).toMatch(/^add_: \[2\] float64 \(w\) is a leaf that requires grad/);
    expect(message).toMatch(/noGrad/);
    expect(w.toArray()).toEqual([1, 2]);
  });

  it('allows in place on such a leaf inside noGrad, as optimizers do', () => {
    const w = tensor([1, 2], { requiresGrad: true });
    noGrad(() => w.sub_(tensor([0.5, 0.5])));
    expect(w.toArray()).toEqual([0.5, 1.5]);
    expect(w.requiresGrad).toBe(true);
  });

  it('fails backward when a saved input was modified in place, naming the op', () => {
    const a = tensor([1, 2]);
    const w = tensor([3, 4], { requiresGrad: true });
    const y = w.mul(a).sum();
    a.mul_(2);
    const message = messageOf(() => y.backward());
    expect(message).toMatch(/^mul: input 1 \[2\] float64 was modified in place/);
    expect(message).toMatch(/clone\(\)/);
  });

  it('backpropagates normally when the saved input is left alone', () => {
    const a = tensor([1, 2]);
    const w = tensor([3, 4], { requiresGrad: true });
    w.mul(a).sum().backward();
    expect(w.grad!.toArray()).toEqual([1, 2]);
  });
});

describe('invalid shapes', () => {
  it('rejects negative and non-integer extents, naming the creation function', () => {
    expect(messageOf(() => zeros([2, -1]))).toMatch(/^zeros: shape \[2,-1\] has an invalid extent -1; extents are integers ≥ 0/);
    expect(messageOf(() => ones([1.5]))).toMatch(/^ones: shape \[1.5\] has an invalid extent 1.5/);
    expect(messageOf(() => rand([3, NaN]))).toMatch(/^rand: .*invalid extent NaN/);
  });

  it('fails fast on a tensor of 2**40 elements instead of allocating it', () => {
    const started = performance.now();
    const message = messageOf(() => zeros([2 ** 20, 2 ** 20]));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(message).toMatch(/^zeros: shape \[1048576,1048576\] has 1099511627776 elements, more than the 2147483647/);
  });

  it('rejects broadcastTo a shape the source cannot fill', () => {
    expect(messageOf(() => tensor([1, 2, 3]).broadcastTo([2, 2]))).toMatch(/^broadcastTo: \[3\] float64 cannot broadcast to \[2,2\]/);
  });
});

describe('shape errors of the joining and layout ops', () => {
  it('rejects concat of tensors that differ outside the axis', () => {
    const message = messageOf(() => concat([zeros([2, 3], { label: 'a' }), zeros([2, 4], { label: 'b' })]));
    expect(message).toMatch(/^concat: tensor 1 \[2,4\] float64 \(b\) does not match tensor 0 \[2,3\] float64 \(a\) outside axis 0/);
  });

  it('rejects stack of tensors with different shapes', () => {
    expect(messageOf(() => stack([zeros([2]), zeros([3])]))).toMatch(/^stack: tensor 1 \[3\] float64 differs in shape/);
  });

  it('rejects permute with a repeated axis', () => {
    expect(messageOf(() => zeros([2, 3]).permute([0, 0]))).toMatch(/^permute: dims \[0,0\] repeat an axis of \[2,3\] float64/);
  });

  it('rejects permute with the wrong number of axes', () => {
    expect(messageOf(() => zeros([2, 3]).permute([0]))).toMatch(/^permute: dims \[0\] must list each of the 2 axes/);
  });

  it('rejects where with shapes that cannot broadcast, showing the labels', () => {
    const cond = tensor([1, 0], { dtype: 'int32', label: 'mask' });
    expect(messageOf(() => where(cond, zeros([3], { label: 'a' }), zeros([2])))).toMatch(/^where: shapes \[2\] \(mask\) and \[3\] \(a\) cannot broadcast/);
    expect(messageOf(() => where(cond, zeros([2]), zeros([3], { label: 'b' })))).toMatch(/^where: shapes \[2\] and \[3\] \(b\) cannot broadcast/);
  });

  it('rejects pad with negative widths', () => {
    expect(messageOf(() => zeros([2, 3]).pad([[-1, 0]]))).toMatch(/^pad: widths \[\[-1,0\]\] must be \[before, after\] pairs of integers ≥ 0/);
  });

  it('rejects clamp with min > max', () => {
    expect(messageOf(() => zeros([2]).clamp(1, 0))).toMatch(/^clamp: needs min ≤ max, got min 1, max 0/);
  });

  it('rejects squeezing an axis that is not of size 1', () => {
    expect(messageOf(() => zeros([2, 3]).squeeze(0))).toMatch(/^squeeze: axis 0 of \[2,3\] float64 has extent 2, not 1/);
  });
});

describe('assigning .grad', () => {
  it('refuses a gradient of another shape or dtype, and accepts null', () => {
    const w = tensor([1, 2, 3], { requiresGrad: true, label: 'w' });
    expect(() => (w.grad = tensor([1]))).toThrow(/grad: cannot assign \[1\] float64 as the gradient of \[3\] float64 \(w\)/);
    expect(() => (w.grad = tensor([1, 2, 3], { dtype: 'float32' }))).toThrow(/same shape and dtype/);
    w.grad = tensor([0, 0, 1]);
    expect(w.grad!.toArray()).toEqual([0, 0, 1]);
    w.grad = null;
    expect(w.grad).toBeNull();
  });
});

describe('numbers that int32 cannot hold', () => {
  const int = (v: number) => tensor([v], { dtype: 'int32' });

  it('are refused instead of wrapping: operands, creation, fill_ and sums', () => {
    expect(() => int(0).eq(2 ** 32)).toThrow(/eq: 4294967296 .* does not fit in int32/);
    expect(() => int(1).add(2 ** 40)).toThrow(/add: .* does not fit in int32/);
    expect(() => tensor([1, 3e9], { dtype: 'int32' })).toThrow(/tensor: 3000000000 \(at flat position 1\) does not fit in int32/);
    expect(() => tensor(new Float64Array([NaN]), { dtype: 'int32' })).toThrow(/tensor: NaN .* does not fit in int32/);
    expect(() => int(1).fill_(3e9)).toThrow(/fill_: 3000000000 .* does not fit in int32/);
    expect(() => tensor([2 ** 30, 2 ** 30], { dtype: 'int32' }).sum()).toThrow(/sum: 2147483648 .* does not fit in int32/);
  });

  it('still allow sums and comparisons that fit', () => {
    expect(tensor([2 ** 30, 5], { dtype: 'int32' }).sum().item()).toBe(2 ** 30 + 5);
    expect(int(5).lt(3.5).item()).toBe(0);
    expect(int(5).lt(Infinity).item()).toBe(1);
  });
});

describe('more bad input', () => {
  it('explains a seed that is not a tensor', () => {
    const y = tensor([1, 2], { requiresGrad: true }).mul(2);
    expect(() => y.backward([1, 1] as never)).toThrow(/backward: the seed must be a Tensor of shape \[2\] or a number, got a plain array/);
  });

  it('rejects a fractional axis as not an integer', () => {
    expect(() => tensor([[1, 2]]).sum(0.5)).toThrow(/sum: axis 0.5 is not an integer/);
  });

  it('rejects fractional indices instead of truncating them', () => {
    expect(() => tensor([1, 2]).indexSelect(0, [0.7])).toThrow(/indexSelect: index 0.7 at position 0 is not an integer/);
  });

  it('names a custom op whose forward returns the wrong number of values', async () => {
    const { defineOp } = await import('@tapegrad/tensor');
    const broken = defineOp({
      name: 'test_wrong_length',
      forward: ([x]) => ({ buffer: x.buffer.slice(1), shape: x.shape }),
      backward: (g) => [g],
      sample: (fc) => fc.constant({ inputs: [tensor([1, 2])], attrs: undefined }),
    });
    expect(() => broken.apply([tensor([1, 2])])).toThrow(/test_wrong_length: forward returned 1 values for shape \[2\], which needs 2/);
  });
});

describe('int32 creation beyond the range', () => {
  it('is refused by scalar, arange, linspace and randint too', async () => {
    const { arange, linspace, randint, scalar } = await import('@tapegrad/tensor');
    expect(() => scalar(2 ** 40, { dtype: 'int32' })).toThrow(/scalar: 1099511627776 .* does not fit in int32/);
    expect(() => arange(2 ** 31 - 2, 2 ** 31 + 1)).toThrow(/arange: 2147483648 .* does not fit in int32/);
    expect(() => linspace(0, 3e9, 3, { dtype: 'int32' })).toThrow(/linspace: .* does not fit in int32/);
    expect(() => randint(0, 2 ** 32, [3])).toThrow(/randint: .* does not fit in int32/);
  });

  it('requires an integer seed and lets every bit of it count', async () => {
    const { manualSeed, rand } = await import('@tapegrad/tensor');
    expect(() => manualSeed(0.7)).toThrow(/manualSeed: seed must be an integer/);
    manualSeed(0);
    const a = rand([2]).toArray();
    manualSeed(2 ** 32);
    expect(rand([2]).toArray()).not.toEqual(a);
  });
});

describe('transform errors', () => {
  it('name the transform that was called', () => {
    expect(() => grad((t: Tensor) => t)(tensor([1, 2]))).toThrow(/^grad: the function must return a scalar/);
    expect(() => valueAndGrad((t: Tensor) => t)(tensor([1, 2]))).toThrow(/^valueAndGrad: the function must return a scalar/);
    expect(() => grad((t: Tensor) => t.sum(), 3)(tensor([1]))).toThrow(/grad: argnums 3 is out of range for 1 arguments/);
  });

  it('refuse plain-number indices beyond int32', () => {
    expect(() => tensor([[1], [2]]).indexSelect(0, [2 ** 32])).toThrow(/indexSelect: 4294967296 .* does not fit in int32/);
  });
});

describe('registering an op', () => {
  it('refuses an op without a sample, so none escapes the gradient property test', async () => {
    const { defineOp } = await import('@tapegrad/tensor');
    const noSample = { name: 'test_no_sample', forward: ([x]: never[]) => x, backward: (g: Tensor) => [g] };
    expect(() => defineOp(noSample as never)).toThrow(/defineOp: 'test_no_sample' has no sample; every op needs one so the gradient property test reaches it/);
  });

  it('refuses an op without a backward', async () => {
    const { defineOp } = await import('@tapegrad/tensor');
    const noBackward = { name: 'test_no_backward', forward: ([x]: never[]) => x, sample: () => null };
    expect(() => defineOp(noBackward as never)).toThrow(/'test_no_backward' has no backward; an op without one cannot be registered as differentiable/);
  });

  it('refuses a second op of the same name', async () => {
    const { defineOp } = await import('@tapegrad/tensor');
    expect(() => defineOp({ name: 'add', forward: ([x]) => x, backward: (g) => [g], sample: (fc) => fc.constant({ inputs: [], attrs: undefined }) })).toThrow(
      /defineOp: an op named 'add' is already registered; give yours a unique name/,
    );
  });
});
