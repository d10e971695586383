// examples/guides/gradcheck/softplus.test.ts
import { describe, it } from 'vitest';
import { randn, manualSeed } from '@tapegrad/tensor';
import { assertGradcheck } from '@tapegrad/gradcheck';
import { softplus } from './softplus.js';

describe('softplus', () => {
  it('has a backward that matches centered differences', () => {
    manualSeed(0);
    assertGradcheck((x, W, b) => softplus.apply([x.matmul(W).add(b)]), [randn([4, 3]), randn([3, 2]), randn([2])]);
  });
});
