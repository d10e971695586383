import { describe, expect, it } from 'vitest';
import { detectAnomaly, noGrad, tensor, type Tensor } from '@tapegrad/tensor';
import { backwardFrames, explainBackward, renderBackwardFrames } from '@tapegrad/viz';

describe('explainBackward refuses', () => {
  it('a non-scalar output without grad, as backward does, naming the shape and the fix', () => {
    const y = tensor([[1, 2, 3], [4, 5, 6]], { requiresGrad: true, label: 'h' }).mul(2);
    expect(() => explainBackward(y)).toThrow(/explainBackward: .*\[2,3\].* has 6 elements; without \{ grad \} it needs a scalar .*y\.sum\(\).*grad of shape \[2,3\]/);
  });

  it('a grad of the wrong shape or type', () => {
    const y = tensor([1, 2], { requiresGrad: true }).mul(2);
    expect(() => explainBackward(y, { grad: tensor([1, 2, 3]) })).toThrow(/explainBackward: grad of shape \[3\] does not match .*\[2\]/);
    expect(() => explainBackward(y, { grad: [1, 2] as unknown as Tensor })).toThrow(/explainBackward: grad must be a Tensor of shape \[2\] or a number, got a plain array/);
  });

  it('an output that does not require grad', () => {
    expect(() => explainBackward(tensor([1, 2]).sum())).toThrow(/explainBackward: .* does not require grad .*requiresGrad: true/);
  });

  it('something that is not a tensor', () => {
    expect(() => explainBackward(3 as unknown as Tensor)).toThrow(/explainBackward: expected a Tensor, got the number 3/);
  });

  it('a graph freed by an earlier backward, saying to explain first or retain the graph', () => {
    const y = tensor([1, 2], { requiresGrad: true }).mul(3).sum();
    y.backward();
    expect(() => explainBackward(y)).toThrow(/explainBackward: the graph behind .* was freed .*before y\.backward\(\).*retainGraph: true/);
  });

  it('a graph whose saved values were changed in place since, at the step backward would refuse, with its message', () => {
    const x = tensor([1, 2], { requiresGrad: true, label: 'x' });
    const e = x.exp();
    const y = e.sum();
    noGrad(() => e.add_(1));
    expect(() => explainBackward(y)).toThrow(
      /^explainBackward: step 2 \(exp → %1\) fails as y\.backward\(\) would: exp: its output .* was modified in place after the op saved it \(version 0 → 1\).*clone\(\)/,
    );
    expect(() => y.backward()).toThrow(/^exp: its output .* was modified in place/);
  });

  it('an input modified in place through a view (reshape shares storage and version)', () => {
    const x = tensor([1, 2, 3, 4], { requiresGrad: true, label: 'x' });
    const c = tensor([1, 2, 3, 4], { label: 'c' });
    const y = x.reshape([2, 2]).mul(c.reshape([2, 2])).sum();
    c.add_(1);
    expect(() => explainBackward(y)).toThrow(/^explainBackward: step 2 \(mul → %3\) fails as y\.backward\(\) would: mul: input 1 \[2,2\] float64 was modified in place/);
  });

  it('inside detectAnomaly, a non-finite gradient as backward reports it: by the op whose backward made it', () => {
    detectAnomaly(() => {
      const x = tensor([0, 1], { requiresGrad: true, label: 'x' });
      const y = x.sqrt().sum();
      expect(() => explainBackward(y)).toThrow(
        /^explainBackward: step 2 \(sqrt → %1\) fails as y\.backward\(\) would: detectAnomaly: the backward of sqrt produced Infinity in the gradient of input 0 \[2\] float64 \(x\) at flat index 0/,
      );
    });
  });

  it('a step count outside the walk, and frames of something that is not an explanation', () => {
    const explanation = explainBackward(tensor(2, { requiresGrad: true }).mul(3));
    expect(() => explanation.gradsAfter(2)).toThrow(/gradsAfter: stepCount must be an integer from 0 to 1 .*got 2/);
    expect(() => explanation.nameOf(tensor(1))).toThrow(/nameOf: .* is not part of the graph/);
    expect(() => backwardFrames({} as never)).toThrow(/backwardFrames: expected the result of explainBackward\(y\)/);
  });

  it('bad frame options and non-explanations, naming the function called (not the toDot drawing each frame)', async () => {
    const explanation = explainBackward(tensor(2, { requiresGrad: true }).mul(3));
    expect(() => backwardFrames(explanation, { maxValues: -1 })).toThrow(/^backwardFrames: maxValues must be a whole number >= 0, got -1$/);
    expect(() => backwardFrames(explanation, { rankdir: 'RL' as never })).toThrow(/^backwardFrames: rankdir must be 'LR' or 'TB', got "RL"$/);
    expect(() => backwardFrames(explanation, { caption: 'yes' as never })).toThrow(/^backwardFrames: caption must be true or false, got the string "yes"$/);
    expect(() => backwardFrames(explanation, null as never)).toThrow(/^backwardFrames: options must be an object such as \{ caption: false, rankdir: 'TB' \}, got null$/);
    await expect(renderBackwardFrames(null as never)).rejects.toThrow(
      /^renderBackwardFrames: expected the result of explainBackward\(y\), got null; call renderBackwardFrames\(explainBackward\(y\)\)$/,
    );
    await expect(renderBackwardFrames(explanation, { maxValues: 1.5 })).rejects.toThrow(/^renderBackwardFrames: maxValues must be a whole number >= 0, got 1\.5$/);
    await expect(renderBackwardFrames(explanation, { collapse: 'no' as never })).rejects.toThrow(/^renderBackwardFrames: collapse must be true, false or 'auto', got "no"$/);
  });
});
