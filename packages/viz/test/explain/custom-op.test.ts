// A file of its own: registering an op changes the registry every test in the file sees.
import { describe, expect, it } from 'vitest';
import { defineOp, tensor } from '@tapegrad/tensor';
import { explainBackward, localRule } from '@tapegrad/viz';

const cube = defineOp({
  name: 'cube',
  forward: ([x]) => ({ buffer: x.buffer.map((v) => v ** 3), shape: x.shape }),
  backward: (g, [x]) => [g.mul(x.mul(x).mul(3))],
  sample: (fc) => fc.constant({ inputs: [tensor([1, 2])], attrs: undefined }),
});

describe('a custom op from defineOp', () => {
  it('has no described rule: localRule names it and says where rules are added', () => {
    expect(() => localRule('cube')).toThrow(/localRule: 'cube' is a primitive without a described rule .*local-rules\.ts/);
  });

  it('is still explained, with the gradient its own backward computes', () => {
    const x = tensor([1, 2], { requiresGrad: true, label: 'x' });
    const explanation = explainBackward(cube.apply([x]).sum());
    const step = explanation.steps[1];
    expect(step.op).toBe('cube');
    expect(step.rule.words).toBe('cube: its own backward rule (a custom op, no description)');
    expect(explanation.leafGrads.get(x)!.toArray()).toEqual([3, 12]);
  });
});
