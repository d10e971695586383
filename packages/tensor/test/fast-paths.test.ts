/**
 * The shortcuts that keep per-op overhead low must not change a single result: same-shape and
 * scalar operands skip the broadcast machinery, small buffers come from shared slabs, version
 * counters are created lazily, and gradient sums are written in place when only the walk holds them.
 */
import { describe, expect, it } from 'vitest';
import { grad, ones, randn, scalar, tensor, zeros, type Tensor } from '@tapegrad/tensor';

const values = (t: Tensor | null) => Array.from(t!.buffer);

describe('binary ops on same-shape and scalar operands', () => {
  const a = tensor([[1, -2, 3], [4, 5.5, -6]]);
  const ops = ['add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum'] as const;

  for (const op of ops) {
    it(`gives ${op} the same values whether the operand is full, [1,1], [1] or 0-d, on either side`, () => {
      const base = op === 'pow' ? a.abs() : a;
      const full = tensor([[2, 2, 2], [2, 2, 2]]);
      for (const other of [scalar(2), tensor([2]), tensor([[2]])]) {
        expect(base[op](other).toArray()).toEqual(base[op](full).toArray());
        expect(other[op](base).toArray()).toEqual(full[op](base).toArray());
        expect(base[op](other).shape).toEqual([2, 3]);
      }
      expect(base[op](2).toArray()).toEqual(base[op](full).toArray());
    });
  }

  it('broadcasts a 0-d scalar against a 0-d scalar to a 0-d result', () => {
    const y = scalar(3).mul(scalar(4));
    expect(y.shape).toEqual([]);
    expect(y.item()).toBe(12);
  });

  it('still broadcasts [2,1] against [3] to [2,3]', () => {
    expect(tensor([[1], [2]]).add(tensor([10, 20, 30])).toArray()).toEqual([[11, 21, 31], [12, 22, 32]]);
  });

  it('wraps int32 overflow as before on the same-shape, scalar and broadcast paths', () => {
    const big = tensor([2 ** 31 - 1, -(2 ** 31)], { dtype: 'int32' });
    expect(big.add(tensor([1, -1], { dtype: 'int32' })).toArray()).toEqual([-(2 ** 31), 2 ** 31 - 1]);
    expect(big.add(1).toArray()).toEqual([-(2 ** 31), -(2 ** 31) + 1]);
    expect(big.reshape([2, 1]).add(tensor([0, 1], { dtype: 'int32' })).toArray()).toEqual([[2 ** 31 - 1, -(2 ** 31)], [-(2 ** 31), -(2 ** 31) + 1]]);
    expect(big.add(1).dtype).toBe('int32');
  });

  it('gives a scalar operand the gradient summed over the broadcast, on either side', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    const s = scalar(2, { requiresGrad: true });
    x.mul(s).sum().backward();
    s.mul(x).sum().backward();
    expect(values(x.grad)).toEqual([4, 4, 4]);
    expect(s.grad!.item()).toBe(12);
  });
});

describe('small buffers', () => {
  it('start zeroed and do not overlap, across dtypes, odd float32 lengths and every size group', () => {
    // Element counts around the 8 … 1024-byte group edges, and past the largest slab request.
    const sizes = [1, 2, 3, 4, 5, 8, 9, 16, 17, 33, 64, 65, 127, 128, 129, 255, 256, 257, 300];
    const made: Tensor[] = [];
    for (let i = 0; i < 1500; i++) {
      const size = sizes[i % sizes.length];
      made.push(zeros([size], { dtype: i % 3 === 0 ? 'float32' : i % 3 === 1 ? 'float64' : 'int32' }));
    }
    for (const t of made) expect(values(t).every((v) => v === 0)).toBe(true);
    made.forEach((t, i) => t.fill_(i));
    made.forEach((t, i) => expect(values(t).every((v) => v === i)).toBe(true));
  });

  it('give clone() storage of its own', () => {
    const x = tensor([1, 2, 3]);
    const copy = x.clone();
    x.add_(10);
    expect(values(copy)).toEqual([1, 2, 3]);
  });

  it('are handed to users as copies with storage of their own by data()', () => {
    const x = randn([16]).add(1);
    const copy = x.data();
    expect(copy.byteOffset).toBe(0);
    expect(copy.buffer.byteLength).toBe(16 * 8);
    copy[0] = 123;
    expect(x.buffer[0]).not.toBe(123);
  });
});

describe('version counters', () => {
  it('start at 0, bump on every in-place write, and are shared by views and detach', () => {
    const x = tensor([1, 2, 3, 4]);
    expect(x.version.value).toBe(0);
    const view = x.reshape([2, 2]);
    const detached = x.detach();
    x.add_(1);
    view.mul_(2);
    expect([x.version.value, view.version.value, detached.version.value]).toEqual([2, 2, 2]);
    expect(values(detached)).toEqual([4, 6, 8, 10]);
  });

  it('catch an in-place write to a saved input made after the op, through a view created later', () => {
    const w = tensor([1, 2], { requiresGrad: true });
    const x = tensor([[3, 4]]);
    const y = w.mul(x.reshape([2])).sum();
    x.reshape([1, 2]).add_(1);
    expect(() => y.backward()).toThrow(/^mul: input 1 \[2\] float64 was modified in place after the op saved it \(version 0 → 1\)/);
  });

  it('compare against the version at record time, also for inputs written before the op', () => {
    const w = tensor([1, 2], { requiresGrad: true });
    const x = tensor([3, 4]);
    x.add_(1);
    const fine = w.mul(x).sum();
    const stale = w.mul(x).sum();
    const fresh = w.mul(tensor([1, 1])).sum(); // a call whose inputs were never written
    fine.backward();
    expect(values(w.grad)).toEqual([4, 5]);
    x.add_(1);
    expect(() => stale.backward()).toThrow(/^mul: input 1 \[2\] float64 was modified in place after the op saved it \(version 1 → 2\)/);
    fresh.backward();
    expect(values(w.grad)).toEqual([5, 6]);
  });

  it('catch an in-place write to a saved output', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = x.tanh();
    const before = y.detach();
    const loss = y.sum();
    before.mul_(0);
    expect(() => loss.backward()).toThrow(/tanh: its output .* modified in place/);
  });
});

describe('gradient sums', () => {
  it('add up a value used by many consumers, each gradient counted once', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const h = x.mul(3);
    let total = h.mul(1);
    for (let k = 2; k <= 20; k++) total = total.add(h.mul(k));
    total.sum().backward();
    // d/dx Σ_k k·3x = 3·210
    expect(values(x.grad)).toEqual([630, 630]);
  });

  it('accumulate a leaf used many times without touching a .grad the user kept from before', () => {
    const w = scalar(2, { requiresGrad: true });
    w.mul(w).backward();
    const first = w.grad!;
    let y = w.mul(1);
    for (let k = 0; k < 5; k++) y = y.add(w.mul(1));
    y.backward();
    expect(first.item()).toBe(4);
    expect(w.grad!.item()).toBe(10);
  });

  it('keep a summed gradient that a rule hands to two inputs apart when one keeps accumulating', () => {
    const u = tensor([1, 1], { requiresGrad: true });
    const v = tensor([1, 1], { requiresGrad: true });
    const p = u.mul(1);
    const q = v.mul(1);
    const r = p.mul(5); // a consumer of p walked after s
    const s = p.add(q); // add hands its (summed) gradient to p and q alike
    s.add(s).add(s).sum().add(r.sum()).backward();
    expect(values(u.grad)).toEqual([8, 8]);
    expect(values(v.grad)).toEqual([3, 3]);
  });

  it('start afresh on each walk through a retained graph', () => {
    const x = scalar(1.5, { requiresGrad: true });
    const h = x.mul(x);
    const y = h.add(h).add(h);
    y.backward({ retainGraph: true });
    y.backward();
    expect(x.grad!.item()).toBeCloseTo(2 * 3 * 2 * 1.5, 12);
  });

  it('leave nothing behind on a closed-over graph that a transform walked past', () => {
    const w = tensor([1, 2], { requiresGrad: true });
    const h = w.mul(2); // closed over by f, not a path to f's argument
    const f = (x: Tensor) => x.mul(h).sum();
    expect(values(grad(f)(tensor([5, 5])))).toEqual([2, 4]);
    h.sum().backward();
    expect(values(w.grad)).toEqual([2, 2]);
  });

  it('stay differentiable under createGraph where a value fans out three ways', () => {
    // f(x) = x³ + x³ + x³, written so that x² fans out: f' = 9x², f'' = 18x.
    const f = (x: Tensor) => {
      const sq = x.mul(x);
      return sq.mul(x).add(sq.mul(x)).add(sq.mul(x)).sum();
    };
    const x = tensor([1, 2]);
    expect(values(grad(f)(x))).toEqual([9, 36]);
    expect(values(grad((v: Tensor) => grad(f)(v).sum())(x))).toEqual([18, 36]);
  });

  it('give a value used twice in a float32 graph both contributions', () => {
    const x = ones([3], { dtype: 'float32', requiresGrad: true });
    const h = x.tanh();
    h.mul(h).add(h).add(h).sum().backward();
    const t = Math.tanh(1);
    const expected = (2 * t + 2) * (1 - t * t);
    for (const v of values(x.grad)) expect(v).toBeCloseTo(expected, 5);
  });
});

describe('walk order', () => {
  /** f = Σ (a·b + a)·b with a = x², b = x + 1, built with unrelated recorded ops in between. */
  function diamond(unrelatedBetween: number) {
    const x = tensor([0.5, -1.5], { requiresGrad: true });
    const noise = tensor([1, 2], { requiresGrad: true });
    let junk = noise;
    const a = x.mul(x);
    for (let i = 0; i < unrelatedBetween; i++) junk = junk.mul(1.0001);
    const b = x.add(1);
    for (let i = 0; i < unrelatedBetween; i++) junk = junk.add(0.5);
    a.mul(b).add(a).mul(b).sum().backward();
    // df/dx = (2x·b + a + 2x)·b + (a·b + a)
    return values(x.grad).map((g, i) => [g, [0.5, -1.5].map((v) => (2 * v * (v + 1) + v * v + 2 * v) * (v + 1) + (v * v * (v + 1) + v * v))[i]]);
  }

  it('processes every node after all its consumers when the graph is interleaved with unrelated ops', () => {
    for (const [got, expected] of diamond(3)) expect(got).toBeCloseTo(expected, 12);
  });

  it('does so too when the graph reaches far back in time (a sparse range of sequence numbers)', () => {
    for (const [got, expected] of diamond(200)) expect(got).toBeCloseTo(expected, 12);
  });
});
