import { describe, expect, it } from 'vitest';
import { scalar, tensor } from '@tapegrad/tensor';

describe('JSON.stringify', () => {
  it('writes the values as nested arrays, as toArray', () => {
    expect(JSON.stringify(tensor([[1, 2], [3, 4]]))).toBe('[[1,2],[3,4]]');
    expect(JSON.stringify({ w: tensor([0.5], { dtype: 'float32' }), s: scalar(3) })).toBe('{"w":[0.5],"s":3}');
  });

  it('does not walk the recorded graph, however deep', () => {
    let y = scalar(1, { requiresGrad: true });
    for (let i = 0; i < 100_000; i++) y = y.mul(1);
    expect(JSON.stringify(y)).toBe('1');
  });
});
