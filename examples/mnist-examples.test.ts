/**
 * The MNIST tutorials, each run with `--quick` (100 steps on 3,200 images) as a child process:
 * the loss falls and the accuracy ends far above chance (10 %).
 */
import { describe, expect, it } from 'vitest';
import { runExample } from './test-support/run-example.js';
import { numbersAfter } from './test-support/printed-numbers.js';

describe('MNIST tutorials', () => {
  it('mnist-mlp: the loss falls epoch by epoch and the MLP passes 80 % on the test digits', () => {
    const out = runExample('mnist-mlp.ts', '--quick');
    const losses = numbersAfter(out, 'loss');
    expect(losses).toHaveLength(2);
    expect(losses[1]).toBeLessThan(losses[0] / 2);
    expect(numbersAfter(out, 'validation accuracy')[1]).toBeGreaterThan(80);
    expect(numbersAfter(out, 'test accuracy')[0]).toBeGreaterThan(80);
    expect(out).toContain('reproduce: npx tsx examples/mnist-mlp.ts --epochs 2 --quick');
  });

  it('mnist-cnn: prints each layer’s output shape, the loss falls and the CNN passes 85 % on the test digits', () => {
    const out = runExample('mnist-cnn.ts', '--quick');
    for (const line of ['Unflatten → [64,1,28,28]', 'Conv2d    → [64,8,28,28]', 'MaxPool2d → [64,8,14,14]', 'MaxPool2d → [64,16,7,7]', 'Linear    → [64,10]']) {
      expect(out).toContain(line);
    }
    const losses = numbersAfter(out, 'last 50 steps');
    expect(losses).toHaveLength(2);
    expect(losses[1]).toBeLessThan(losses[0] / 2);
    expect(numbersAfter(out, 'test accuracy')[0]).toBeGreaterThan(85);
    expect(out).toContain('reproduce: npx tsx examples/mnist-cnn.ts --epochs 2 --quick');
  });
});
