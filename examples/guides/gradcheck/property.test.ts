// examples/guides/gradcheck/property.test.ts
import * as fc from 'fast-check';
import { it } from 'vitest';
import type { Tensor } from '@tapegrad/tensor';
import { arbitraries, gradcheck } from '@tapegrad/gradcheck';

// a gated linear unit: a·σ(b)
const myGatedUnit = (a: Tensor, b: Tensor) => a.mul(b.sigmoid());

it('has a correct gradient for every broadcastable pair of shapes', () => {
  fc.assert(
    fc.property(arbitraries.broadcastTensors(2, { maxSize: 16 }, { awayFrom: [0] }), ([a, b]) => {
      const report = gradcheck((a, b) => myGatedUnit(a, b), [a, b]);
      if (!report.ok) throw new Error(report.toString()); // fast-check prints it for the shrunk case
    }),
    { numRuns: 100 },
  );
});
