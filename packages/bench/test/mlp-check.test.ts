import { describe, expect, it } from 'vitest';
import { referenceMlpLosses, type MlpParameter } from '../src/reference/mlp.js';
import { makeMlpInput, mlpWorkload } from '../src/workloads/mlp.js';

describe('the MLP check', () => {
  // The benchmark's own sizes: how far a run that skips an update lands depends on them.
  it.each([64, 256])('at batch %i, fails a float32 run that leaves any one parameter out of the SGD update', (batch) => {
    const input = makeMlpInput(batch, 'float32');
    const steps = mlpWorkload.checkedSteps!;
    expect(mlpWorkload.check(referenceMlpLosses(input, steps), input, 'float32')).toBeNull();
    for (const frozen of ['w1', 'b1', 'w2', 'b2'] satisfies MlpParameter[]) {
      expect(mlpWorkload.check(referenceMlpLosses(input, steps, [frozen]), input, 'float32'), `${frozen} never updated`).toMatch(/loss per step/);
    }
  });

  it('passes float32 rounding of the right losses (jax-js is 9e-7 off)', () => {
    const input = makeMlpInput(64, 'float32');
    const losses = referenceMlpLosses(input, mlpWorkload.checkedSteps!).map((loss) => loss * (1 + 2e-6));
    expect(mlpWorkload.check(losses, input, 'float32')).toBeNull();
  });
});
