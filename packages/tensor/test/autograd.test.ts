import { describe, expect, it } from 'vitest';
import {
  grad, hvp, jacobian, noGrad, randn, scalar, tape, tensor, valueAndGrad, vjp, manualSeed, type Tensor,
} from '@tapegrad/tensor';

const values = (t: Tensor | null) => Array.from(t!.buffer);

describe('backward on the course circuits', () => {
  it('gives ∂f/∂x = ∂f/∂y = −4 and ∂f/∂z = 3 for f = (x + y)·z at (−2, 5, −4)', () => {
    const x = scalar(-2, { requiresGrad: true });
    const y = scalar(5, { requiresGrad: true });
    const z = scalar(-4, { requiresGrad: true });
    const f = x.add(y).mul(z);
    expect(f.item()).toBe(-12);
    f.backward();
    expect([x.grad!.item(), y.grad!.item(), z.grad!.item()]).toEqual([-4, -4, 3]);
  });

  it('reproduces the 2-input sigmoid neuron of the notes', () => {
    const w = tensor([2, -3, -3], { requiresGrad: true });
    const x = tensor([-1, -2], { requiresGrad: true });
    const dot = w.slice([0], [2]).mul(x).sum().add(w.slice([2], [3]).sum());
    const out = dot.sigmoid();
    expect(out.item()).toBeCloseTo(0.7311, 4);
    out.backward();
    const dx = values(x.grad);
    const dw = values(w.grad);
    expect(dx[0]).toBeCloseTo(0.39, 2);
    expect(dx[1]).toBeCloseTo(-0.59, 2);
    expect(dw[0]).toBeCloseTo(-0.2, 2);
    expect(dw[1]).toBeCloseTo(-0.39, 2);
    expect(dw[2]).toBeCloseTo(0.2, 2);
  });
});

describe('accumulation', () => {
  it('gives 2 for each entry of x + x', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    x.add(x).sum().backward();
    expect(values(x.grad)).toEqual([2, 2, 2]);
  });

  it('adds the gradients of both paths of a diamond', () => {
    const x = scalar(3, { requiresGrad: true });
    const a = x.mul(2);
    const b = x.mul(x);
    a.add(b).backward();
    expect(x.grad!.item()).toBe(2 + 2 * 3);
  });

  it('accumulates .grad across backward calls until zeroGrad', () => {
    const x = scalar(2, { requiresGrad: true });
    x.mul(x).backward();
    x.mul(x).backward();
    expect(x.grad!.item()).toBe(8);
    x.zeroGrad();
    expect(x.grad).toBeNull();
    x.mul(3).backward();
    expect(x.grad!.item()).toBe(3);
  });

  it('gives each input its own .grad storage even when a rule shares one tensor', () => {
    for (const createGraph of [false, true]) {
      const a = tensor([1, 2], { requiresGrad: true });
      const b = tensor([3, 4], { requiresGrad: true });
      a.add(b).sum().backward(undefined, { createGraph });
      expect(a.grad).not.toBe(b.grad);
      noGrad(() => a.grad!.mul_(10));
      expect(values(b.grad)).toEqual([1, 1]);
    }
  });
});

describe('leaves, retainGrad, noGrad and detach', () => {
  it('fills .grad on leaves only, and on intermediates after retainGrad', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const h = x.mul(3);
    const kept = x.mul(2).retainGrad();
    h.add(kept).sum().backward();
    expect(h.grad).toBeNull();
    expect(values(kept.grad)).toEqual([1, 1]);
    expect(values(x.grad)).toEqual([5, 5]);
  });

  it('records nothing inside noGrad and returns the callback value', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = noGrad(() => x.mul(2));
    expect(y.requiresGrad).toBe(false);
    expect(y.node).toBeNull();
    expect(() => y.sum().backward()).toThrow(/does not require grad/);
  });

  it('cuts the graph at detach', () => {
    const x = scalar(3, { requiresGrad: true });
    const y = x.mul(x.detach());
    y.backward();
    expect(x.grad!.item()).toBe(3);
  });

  it('propagates requiresGrad only from inputs that require it', () => {
    const a = tensor([1]);
    const b = tensor([2], { requiresGrad: true });
    expect(a.mul(2).requiresGrad).toBe(false);
    expect(a.mul(b).requiresGrad).toBe(true);
  });

  it('takes an explicit seed for a non-scalar output', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    x.mul(x).backward(tensor([1, 0, 2]));
    expect(values(x.grad)).toEqual([2, 0, 12]);
  });
});

describe('freed graphs and in-place changes', () => {
  it('frees the graph after backward and explains retainGraph on a second one', () => {
    const x = scalar(2, { requiresGrad: true });
    const y = x.exp().mul(3);
    y.backward();
    expect(() => y.backward()).toThrow(/retainGraph/);
  });

  it('allows a second backward with retainGraph: true, as the first argument or after a seed', () => {
    const x = scalar(2, { requiresGrad: true });
    const y = x.mul(x);
    y.backward({ retainGraph: true });
    y.backward(undefined, { retainGraph: true });
    y.backward();
    expect(x.grad!.item()).toBe(12);
  });

  it('lists the tape before backward, and says why it cannot after', () => {
    const a = tensor([1, 2], { requiresGrad: true });
    const loss = a.mul(3).sum();
    expect(tape(loss).nodes).toHaveLength(2);
    loss.backward();
    expect(() => tape(loss)).toThrow(/^tape: the graph through sum .* freed .* Call tape\(y\) before y\.backward\(\)/);
  });

  it('refuses a backward that needs a saved tensor changed in place since', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const e = x.exp();
    const y = e.sum();
    noGrad(() => e.mul_(2));
    expect(() => y.backward()).toThrow(/exp: its output .* modified in place/);
  });

  it('lets an op whose backward does not read the changed tensor proceed', () => {
    const a = tensor([1, 2]);
    const w = tensor([3, 4], { requiresGrad: true });
    const y = w.add(a).sum();
    a.mul_(2);
    y.backward();
    expect(values(w.grad)).toEqual([1, 1]);
  });
});

describe('createGraph and the functional transforms', () => {
  const numericSecond = (f: (v: number) => number, v: number, h = 1e-4) => (f(v + h) - 2 * f(v) + f(v - h)) / (h * h);
  const cases: [string, (t: Tensor) => Tensor, (v: number) => number][] = [
    ['tanh', (t) => t.tanh().sum(), Math.tanh],
    ['exp', (t) => t.exp().sum(), Math.exp],
    ['mul', (t) => t.mul(t).mul(t).sum(), (v) => v ** 3],
    ['sum of sigmoid·x', (t) => t.sigmoid().mul(t).sum(), (v) => v / (1 + Math.exp(-v))],
  ];
  for (const [name, f, scalarF] of cases) {
    it(`matches the numerical second derivative of ${name}`, () => {
      const x = tensor([0.3, -0.7]);
      // f is a sum of independent terms, so the gradient of Σ ∂f/∂x_i is the Hessian's diagonal.
      const second = grad((t: Tensor) => (grad(f)(t) as Tensor).sum())(x) as Tensor;
      const expected = [0.3, -0.7].map((v) => numericSecond(scalarF, v));
      values(second).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 4));
    });
  }

  it('computes Hessian-vector products through matmul and softmax', () => {
    manualSeed(1);
    const A = randn([3, 3]);
    const f = (x: Tensor) => A.matmul(x).softmax().mul(tensor([1, 2, 3])).sum();
    const x = randn([3]);
    const v = randn([3]);
    const hv = values(hvp(f, x, v));
    // Central differences of the gradient along v.
    const h = 1e-5;
    const g = (t: Tensor) => values(grad(f)(t) as Tensor);
    const plus = g(x.add(v.mul(h)));
    const minus = g(x.sub(v.mul(h)));
    hv.forEach((value, i) => expect(value).toBeCloseTo((plus[i] - minus[i]) / (2 * h), 5));
  });

  it('returns [value, grad] and several gradients for an argnums array', () => {
    const [value, grads] = valueAndGrad((a: Tensor, b: Tensor) => a.mul(b).sum(), [0, 1])(tensor([1, 2]), tensor([3, 4]));
    expect(value.item()).toBe(11);
    expect((grads as Tensor[]).map(values)).toEqual([[3, 4], [1, 2]]);
  });

  it('does not touch .grad of the arguments', () => {
    const w = tensor([1, 2], { requiresGrad: true });
    grad((t: Tensor) => t.mul(t).sum())(w);
    expect(w.grad).toBeNull();
  });

  it('stops at its argument: the graph that produced a non-leaf argument stays usable', () => {
    const w = tensor([1, 2], { requiresGrad: true });
    const h = w.mul(3);
    const dh = grad((t: Tensor) => t.mul(t).sum())(h) as Tensor;
    expect(values(dh)).toEqual([6, 12]);
    expect(w.grad).toBeNull();
    h.sum().backward();
    expect(values(w.grad)).toEqual([3, 3]);
  });

  it('treats the argument as a fresh variable, apart from a closed-over tensor it equals (as JAX)', () => {
    const x = tensor([3], { requiresGrad: true });
    expect(values(grad((y: Tensor) => y.mul(x).sum())(x) as Tensor)).toEqual([3]);
    const z = tensor([2], { requiresGrad: true });
    const both = grad((a: Tensor, b: Tensor) => a.mul(b).mul(b).sum(), [0, 1])(z, z) as Tensor[];
    expect(both.map(values)).toEqual([[4], [8]]);
  });

  it('differentiates a function that calls grad on a closed-over variable', () => {
    // f(x) = x · ∂(x·y)/∂y = x², so f'(2) = 4.
    const f = (x: Tensor) => x.mul(grad((y: Tensor) => x.mul(y).sum())(x) as Tensor).sum();
    expect(values(grad(f)(tensor([2])) as Tensor)).toEqual([4]);
  });

  it('leaves a graph the function merely closes over usable', () => {
    const W = tensor([1, 2], { requiresGrad: true });
    const h = W.mul(2);
    grad((q: Tensor) => q.mul(h).sum())(tensor([3, 4]));
    h.sum().backward();
    expect(values(W.grad)).toEqual([2, 2]);
  });

  it('returns gradients with storage of their own', () => {
    const v = tensor([1, 1]);
    expect(vjp((t: Tensor) => t, [tensor([1, 2])], v).grads[0]).not.toBe(v);
    const [ga, gb] = grad((a: Tensor, b: Tensor) => a.add(b).sum(), [0, 1])(tensor([1]), tensor([2])) as Tensor[];
    expect(ga).not.toBe(gb);
  });

  it('gives zeros for an argument the output does not depend on', () => {
    const g = grad((_a: Tensor, b: Tensor) => b.sum(), 0)(tensor([1, 2]), tensor([3]));
    expect(values(g as Tensor)).toEqual([0, 0]);
  });

  it('computes vector-Jacobian products', () => {
    const { out, grads } = vjp((a: Tensor) => a.mul(a), [tensor([1, 2, 3])], tensor([1, 1, 0.5]));
    expect(values(out)).toEqual([1, 4, 9]);
    expect(values(grads[0])).toEqual([2, 4, 3]);
  });

  it('builds the Jacobian with shape [...out, ...x]', () => {
    const J = jacobian((x: Tensor) => x.mul(x).slice([0], [2]))(tensor([1, 2, 3]));
    expect(J.shape).toEqual([2, 3]);
    expect(J.toArray()).toEqual([[2, 0, 0], [0, 4, 0]]);
  });
});

describe('tape', () => {
  it('lists the nodes in recording order with shapes, dtypes and labels', () => {
    const x = randn([64, 784], { label: 'x' });
    const W = randn([784, 10], { requiresGrad: true, label: 'W' });
    const y = x.matmul(W).relu();
    const listing = tape(y);
    expect(listing.nodes.map((n) => n.op.name)).toEqual(['matmul', 'relu']);
    expect(listing.toString()).toBe(
      ['%0 = const (x)  [64,784] float64', '%1 = leaf (W)  [784,10] float64', '%2 = matmul %0 %1  [64,10] float64', '%3 = relu %2  [64,10] float64'].join('\n'),
    );
  });
});

describe('deep graphs', () => {
  it('backpropagates through 1,000,000 scalar ops without a stack overflow', () => {
    const x = scalar(1, { requiresGrad: true });
    let y = x;
    for (let i = 0; i < 1_000_000; i++) y = y.mul(1);
    y.backward();
    expect(x.grad!.item()).toBe(1);
  }, 120_000);
});

describe('masked gradients and shared storage', () => {
  it('gives pow the gradient 0 where PyTorch masks 0·0⁻¹ and 0·ln 0', () => {
    expect(values(grad((x: Tensor) => x.pow(0).sum())(tensor([0, 1])) as Tensor)).toEqual([0, 0]);
    const dp = values(grad((p: Tensor) => tensor([0, 2]).pow(p).sum())(tensor([2, 2])) as Tensor);
    expect(dp[0]).toBe(0);
    expect(dp[1]).toBeCloseTo(4 * Math.log(2), 12);
  });

  it('divides the variance by max(N − ddof, 0), as numpy', () => {
    expect(tensor([1, 2]).var(undefined, false, { ddof: 3 }).item()).toBe(Infinity);
  });

  it('sees an in-place write through another tensor made from the same typed array', () => {
    const storage = new Float64Array([1, 2]);
    const a = tensor(storage);
    const b = tensor(storage);
    const w = tensor([3, 4], { requiresGrad: true });
    const y = w.mul(a).sum();
    b.mul_(2);
    expect(() => y.backward()).toThrow(/mul: input 1 .* was modified in place/);
  });
});
