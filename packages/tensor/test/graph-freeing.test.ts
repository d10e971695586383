/**
 * Memory: what backward frees and what nothing else may keep. The tests hold the tensors they
 * watch only through WeakRefs and force a garbage collection (the project runs with
 * --expose-gc); each "is kept" check is the control showing the test can see a tensor that is
 * still reachable.
 */
import { describe, expect, it } from 'vitest';
import { detectAnomaly, grad, manualSeed, noGrad, randn, tape, type Tensor } from '@tapegrad/tensor';
import { collected } from './collect-garbage.js';

/** The parameters and input of a small two-layer net, as leaves. */
interface Leaves {
  x: Tensor;
  w1: Tensor;
  w2: Tensor;
}

function leaves(): Leaves {
  manualSeed(0);
  return {
    x: randn([8, 5]),
    w1: randn([5, 6], { requiresGrad: true, label: 'W1' }),
    w2: randn([6, 3], { requiresGrad: true, label: 'W2' }),
  };
}

/**
 * `sum(relu(x·W1)·W2)`, returning the loss and WeakRefs to the four intermediates between the
 * leaves and it. Built in a function of its own so that no local variable of the caller holds
 * an intermediate.
 */
function twoLayerLoss({ x, w1, w2 }: Leaves): { loss: Tensor; intermediates: WeakRef<Tensor>[] } {
  const hidden = x.matmul(w1);
  const activation = hidden.relu();
  const scores = activation.matmul(w2);
  const squared = scores.mul(scores);
  const loss = squared.sum();
  return { loss, intermediates: [hidden, activation, scores, squared].map((t) => new WeakRef(t)) };
}

const allCollected = async (refs: readonly WeakRef<object>[]) => (await collected(refs)).every(Boolean);
const noneCollected = async (refs: readonly WeakRef<object>[]) => (await collected(refs)).every((freed) => !freed);

describe('backward frees the graph', () => {
  it('lets the intermediates be collected after backward while the loss is still referenced', async () => {
    const params = leaves();
    const { loss, intermediates } = twoLayerLoss(params);
    expect(await noneCollected(intermediates)).toBe(true); // the recorded graph keeps them, for backward
    loss.backward();
    expect(await allCollected(intermediates)).toBe(true);
    expect(loss.node).not.toBeNull(); // the loss itself stays usable: its node only lost its inputs
    expect(params.w1.grad!.shape).toEqual([5, 6]);
    expect(params.w2.grad!.shape).toEqual([6, 3]);
  });

  it('keeps a retainGraph graph until the last reference to its output goes', async () => {
    const params = leaves();
    const held: { loss: Tensor | null } = { loss: null };
    const built = twoLayerLoss(params);
    held.loss = built.loss;
    built.loss.backward(undefined, { retainGraph: true });
    built.loss = null as unknown as Tensor;
    expect(await noneCollected(built.intermediates)).toBe(true);
    held.loss.backward(); // the retained graph runs a second time, then is freed like any other
    expect(await allCollected(built.intermediates)).toBe(true);

    const again = twoLayerLoss(params);
    again.loss.backward(undefined, { retainGraph: true });
    again.loss = null as unknown as Tensor; // dropped without a second backward
    expect(await allCollected(again.intermediates)).toBe(true);
  });

  it('frees a createGraph graph once the gradients built from it are cleared', async () => {
    const params = leaves();
    const built = twoLayerLoss(params);
    built.loss.backward(undefined, { createGraph: true });
    built.loss = null as unknown as Tensor;
    // W1's gradient is itself recorded, through the forward values its backward rules read
    // (x·W1, its relu, and the scores); the square of the scores, which no rule reads, is freed.
    expect(params.w1.grad!.node).not.toBeNull();
    expect(await collected(built.intermediates)).toEqual([false, false, false, true]);
    params.w1.grad = null;
    params.w2.grad = null;
    expect(await allCollected(built.intermediates)).toBe(true);
  });
});

describe('nothing global keeps tensors alive', () => {
  /** Every tensor a forward and backward made, leaves and gradients included, weakly held. */
  async function everythingCollected(run: (params: Leaves) => Tensor[]): Promise<boolean> {
    const refs = ((): WeakRef<Tensor>[] => {
      const params = leaves();
      const made = run(params);
      return [params.x, params.w1, params.w2, params.w1.grad, params.w2.grad, ...made]
        .filter((t): t is Tensor => t !== null)
        .map((t) => new WeakRef(t));
    })();
    return allCollected(refs);
  }

  it('after a training step (forward, backward, gradients read)', async () => {
    expect(
      await everythingCollected((params) => {
        const { loss } = twoLayerLoss(params);
        loss.backward();
        return [loss];
      }),
    ).toBe(true);
  });

  it('after noGrad', async () => {
    expect(await everythingCollected(({ x, w1 }) => [noGrad(() => x.matmul(w1).relu())])).toBe(true);
  });

  it('after detectAnomaly, which records a creation stack per op', async () => {
    expect(
      await everythingCollected((params) =>
        detectAnomaly(() => {
          const { loss } = twoLayerLoss(params);
          loss.backward();
          return [loss];
        }),
      ),
    ).toBe(true);
  });

  it('after tape(), once its listing is dropped', async () => {
    expect(
      await everythingCollected((params) => {
        const { loss } = twoLayerLoss(params);
        expect(tape(loss).nodes.length).toBe(5);
        return [loss];
      }),
    ).toBe(true);
  });

  it('after grad() and a createGraph backward', async () => {
    expect(
      await everythingCollected(({ x, w1, w2 }) => {
        const dw1 = grad((w: Tensor) => x.matmul(w).relu().matmul(w2).sum())(w1);
        const { loss } = twoLayerLoss({ x, w1, w2 });
        loss.backward(undefined, { createGraph: true });
        return [dw1, loss];
      }),
    ).toBe(true);
  });
});
