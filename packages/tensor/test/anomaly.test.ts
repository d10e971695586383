import { describe, expect, it } from 'vitest';
import { defineOp, detectAnomaly, grad, noGrad, tape, tensor, type Tensor } from '@tapegrad/tensor';
import { messageOf } from './message-of.js';

/** The line of this file the call to `here()` sits on, as stack frames number it. */
function here(): number {
  const caller = new Error().stack!.split('\n')[2];
  return Number(/anomaly\.test\.ts:(\d+):\d+/.exec(caller)![1]);
}

/** The stack frames an anomaly error lists under "The op was created at:". */
function creationFrames(message: string): string[] {
  const [, stack] = message.split('The op was created at:\n');
  expect(stack, 'the message shows where the op was created').toBeDefined();
  return stack.split('\n');
}

/** Asserts the first frame shown is this test file at `line`, and no frame is tapegrad's own source. */
function expectCreatedAt(message: string, line: number): void {
  const frames = creationFrames(message);
  expect(frames[0]).toMatch(new RegExp(`anomaly\\.test\\.ts:${line}:\\d+`));
  for (const frame of frames) expect(frame).not.toMatch(/packages\/\w+\/src\//);
}

describe('detectAnomaly in the forward pass', () => {
  it('names the op whose forward produced -Infinity, log(0), its input and the user line that created it', () => {
    const x = tensor([1, 0], { requiresGrad: true, label: 'x' });
    const line = here() + 1;
    const message = messageOf(() => detectAnomaly(() => x.log()));
    expect(message).toMatch(/^detectAnomaly: log produced -Infinity at flat index 1 of its output \[2\] from inputs \[2\] float64 \(x\)/);
    expectCreatedAt(message, line);
  });

  it('catches 0/0 as NaN, naming both operands', () => {
    const a = tensor([1, 0], { label: 'num' });
    const b = tensor([1, 0], { label: 'den' });
    const line = here() + 1;
    const message = messageOf(() => detectAnomaly(() => a.div(b)));
    expect(message).toMatch(/^detectAnomaly: div produced NaN at flat index 1 of its output \[2\] from inputs \[2\] float64 \(num\), \[2\] float64 \(den\)/);
    expectCreatedAt(message, line);
  });

  it('catches overflow in exp: exp(1000) is Infinity', () => {
    const line = here() + 1;
    const message = messageOf(() => detectAnomaly(() => tensor([1, 1000], { dtype: 'float32' }).exp()));
    expect(message).toMatch(/^detectAnomaly: exp produced Infinity at flat index 1 of its output \[2\] from inputs \[2\] float32/);
    expectCreatedAt(message, line);
  });

  it('stops at the first anomaly: the ops after it never run', () => {
    const x = tensor([0]);
    let reached = false;
    const message = messageOf(() =>
      detectAnomaly(() => {
        const y = x.log(); // -Infinity
        reached = true;
        return y.exp();
      }),
    );
    expect(message).toMatch(/log produced -Infinity/);
    expect(reached).toBe(false);
  });

  it('checks under noGrad too, where nothing is recorded', () => {
    expect(() => detectAnomaly(() => noGrad(() => tensor([-1]).sqrt()))).toThrow(/sqrt produced NaN/);
  });

  it('passes finite results through and returns the callback value', () => {
    const out = detectAnomaly(() => tensor([1, 2]).exp().sum());
    expect(out.item()).toBeCloseTo(Math.E + Math.E ** 2, 12);
  });
});

describe('detectAnomaly in the backward pass', () => {
  it('lets sqrt at 0 through forward (√0 = 0) and names it when its backward gives Infinity, with the line that created it', () => {
    const x = tensor([0, 4], { requiresGrad: true, label: 'x' });
    let line = 0;
    const message = messageOf(() =>
      detectAnomaly(() => {
        const root = x.sqrt(); line = here();
        expect(Array.from(root.buffer)).toEqual([0, 2]);
        root.sum().backward();
      }),
    );
    expect(message).toMatch(/^detectAnomaly: the backward of sqrt produced Infinity in the gradient of input 0 \[2\] float64 \(x\) at flat index 0/);
    // The rule's own g / (2·√x) divides by 0; that is reported once, as sqrt's, not as a div.
    expect(message).not.toMatch(/div produced/);
    expectCreatedAt(message, line);
  });

  it('points at the user line, not at tapegrad, for an op created deep inside a composite (std of a constant)', () => {
    // std = sqrt(var): the sqrt is created in statistics.ts, several tapegrad frames below the call.
    const x = tensor([3, 3, 3], { requiresGrad: true, label: 'x' });
    let line = 0;
    const message = messageOf(() =>
      detectAnomaly(() => {
        const spread = x.std(); line = here();
        spread.backward();
      }),
    );
    expect(message).toMatch(/^detectAnomaly: the backward of sqrt produced (Infinity|NaN)/);
    expectCreatedAt(message, line);
  });

  it('names a custom defineOp whose backward rule produces NaN, with its input label and the user line', () => {
    // A layer author's op with a broken rule: at w = 0 the rule's 0 · −log(0) = 0 · Infinity is NaN,
    // reported as the op's, not as the mul inside the rule.
    const brokenSquare = defineOp({
      name: 'brokenSquare',
      forward: ([x]) => ({ buffer: x.buffer.map((v) => v * v), shape: x.shape }),
      backward: (g, [x]) => [g.mul(x).mul(2).mul(x.log().neg())],
      sample: (fc) => fc.constant({ inputs: [tensor([1, 2])], attrs: undefined }),
    });
    const w = tensor([0, 2], { requiresGrad: true, label: 'w' });
    let line = 0;
    const message = messageOf(() =>
      detectAnomaly(() => {
        const y = brokenSquare.apply([w]); line = here();
        y.sum().backward();
      }),
    );
    expect(message).toMatch(/^detectAnomaly: the backward of brokenSquare produced NaN in the gradient of input 0 \[2\] float64 \(w\) at flat index 0/);
    expect(message).not.toMatch(/mul produced/);
    expectCreatedAt(message, line);
  });

  it('under createGraph, names a node recorded by a backward rule, the rule it came from and the user line', () => {
    // d²/dx² √x at the smallest subnormal: the first gradient 1/(2√x) is finite, but the second
    // backward's div rule squares 2√x ≈ 4e-162 to 0 and divides by it.
    const x = tensor([5e-324, 4], { requiresGrad: true, label: 'x' });
    let line = 0;
    const message = messageOf(() =>
      detectAnomaly(() => {
        const root = x.sqrt(); line = here();
        root.sum().backward({ createGraph: true });
        const slope = x.grad!;
        expect(Number.isFinite(slope.buffer[0])).toBe(true);
        x.grad = null;
        slope.sum().backward();
      }),
    );
    expect(message).toMatch(/^detectAnomaly: the backward of div produced -Infinity in the gradient of input 1/);
    expect(message).toMatch(/recorded by the backward of sqrt under createGraph; that sqrt was created at:/);
    expect(message).not.toMatch(/not captured/);
    const frames = creationFrames(message);
    expect(frames[1]).toMatch(new RegExp(`anomaly\\.test\\.ts:${line}:\\d+`));
    for (const frame of frames) expect(frame).not.toMatch(/packages\/\w+\/src\//);
  });

  it('checks gradients of gradients: grad(grad(f)) reports the op at the user line', () => {
    // (√x)'' = −x^(−3/2)/4 overflows to −Infinity at 1e-250, while (√x)' = 5e124 is finite.
    const x = tensor([1e-250, 4], { requiresGrad: true, label: 'x' });
    let line = 0;
    const message = messageOf(() =>
      detectAnomaly(() =>
        grad((u: Tensor) => grad((t: Tensor) => {
          const root = t.sqrt(); line = here();
          return root.sum();
        })(u).sum())(x),
      ),
    );
    expect(message).toMatch(/^detectAnomaly: the backward of \w+ produced -Infinity/);
    expect(message).not.toMatch(/not captured/);
    expect(creationFrames(message).some((frame) => new RegExp(`anomaly\\.test\\.ts:${line}:\\d+`).test(frame))).toBe(true);
  });

  it('says so when the graph was recorded outside detectAnomaly and no creation stack exists', () => {
    const x = tensor([0], { requiresGrad: true });
    const y = x.sqrt().sum();
    const message = messageOf(() => detectAnomaly(() => y.backward()));
    expect(message).toMatch(/backward of sqrt produced Infinity/);
    expect(message).toMatch(/not captured: the op was recorded outside detectAnomaly; run the forward pass inside it too/);
  });
});

describe('the anomaly mode itself', () => {
  it('checks nothing outside its callback', () => {
    expect(tensor([0]).log().item()).toBe(-Infinity);
  });

  it('captures no stack outside detectAnomaly: no node holds one and no stack is even formatted', () => {
    const errorClass = Error as { prepareStackTrace?: (error: Error, frames: unknown[]) => unknown };
    const previous = errorClass.prepareStackTrace;
    let formatted = 0;
    errorClass.prepareStackTrace = (error, frames) => {
      formatted++;
      return previous ? previous(error, frames) : `${error}`;
    };
    let outside: Tensor;
    try {
      const x = tensor([1, 2], { requiresGrad: true });
      outside = x.mul(x).tanh().mean();
      outside.backward(undefined, { retainGraph: true });
    } finally {
      errorClass.prepareStackTrace = previous;
    }
    expect(formatted).toBe(0);
    expect(tape(outside).nodes.length).toBeGreaterThan(2);
    expect(tape(outside).nodes.every((node) => node.creationStack === undefined)).toBe(true);
    const inside = detectAnomaly(() => tensor([1, 2], { requiresGrad: true }).mul(2).sum());
    expect(tape(inside).nodes.every((node) => typeof node.creationStack === 'string')).toBe(true);
  });

  it('nests: an inner detectAnomaly leaves the outer one checking when it returns', () => {
    const message = messageOf(() =>
      detectAnomaly(() => {
        const inner = detectAnomaly(() => tensor([2]).log());
        expect(inner.item()).toBeCloseTo(Math.LN2, 15);
        return tensor([-1]).log();
      }),
    );
    expect(message).toMatch(/log produced NaN/);
  });

  it('nests through an inner one that throws: the outer one still checks afterwards', () => {
    const message = messageOf(() =>
      detectAnomaly(() => {
        expect(() => detectAnomaly(() => tensor([0]).log())).toThrow(/log produced -Infinity/);
        return tensor([1000]).exp();
      }),
    );
    expect(message).toMatch(/exp produced Infinity/);
  });

  it('is switched off again after an exception inside it, anomaly or not', () => {
    expect(() => detectAnomaly(() => tensor([0]).log())).toThrow(/detectAnomaly/);
    expect(tensor([0]).log().item()).toBe(-Infinity);
    expect(() =>
      detectAnomaly(() => {
        throw new Error('user code failed');
      }),
    ).toThrow('user code failed');
    expect(tensor([-1]).sqrt().item()).toBeNaN();
    const y = tensor([1], { requiresGrad: true }).exp();
    expect(tape(y).nodes[0].creationStack).toBeUndefined();
  });
});
