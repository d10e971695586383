import { describe, it, expect } from 'vitest';
import * as fc from 'fast-check';
import { broadcastShapes } from '@tapegrad/tensor';
import { arbitraries, gradcheck } from '@tapegrad/gradcheck';

const settings = { numRuns: 200, seed: 7 };

describe('arbitraries', () => {
  it('produce shapes within their limits', () => {
    const limits = { minRank: 1, maxRank: 3, minExtent: 2, maxExtent: 3, maxSize: 12 };
    fc.assert(
      fc.property(arbitraries.shape(limits), (shape) => {
        expect(shape.length).toBeGreaterThanOrEqual(1);
        expect(shape.length).toBeLessThanOrEqual(3);
        for (const extent of shape) expect(extent === 2 || extent === 3).toBe(true);
        expect(shape.reduce((n, extent) => n * extent, 1)).toBeLessThanOrEqual(12);
      }),
      settings,
    );
  });

  it('produce shapes that broadcast together', () => {
    fc.assert(
      fc.property(arbitraries.broadcastShapes(3, { maxRank: 3 }), (shapes) => {
        expect(shapes).toHaveLength(3);
        const out = shapes.reduce((a, b) => broadcastShapes('test', a, b));
        expect(out.length).toBe(Math.max(...shapes.map((shape) => shape.length)));
      }),
      settings,
    );
  });

  it('produce tensors of the requested shape with values in range and away from kinks', () => {
    fc.assert(
      fc.property(arbitraries.tensor([2, 3], { min: -1, max: 1, awayFrom: [0], margin: 0.1 }), (x) => {
        expect(x.shape).toEqual([2, 3]);
        expect(x.dtype).toBe('float64');
        for (const v of x.buffer) {
          expect(Math.abs(v)).toBeGreaterThanOrEqual(0.1);
          expect(Math.abs(v)).toBeLessThanOrEqual(1);
        }
      }),
      settings,
    );
  });

  it('produce valid axes and in-range index tensors', () => {
    fc.assert(
      fc.property(arbitraries.axis(3), arbitraries.axes(3), arbitraries.indexTensor([4], 5), (axis, axes, index) => {
        expect(axis).toBeGreaterThanOrEqual(-3);
        expect(axis).toBeLessThanOrEqual(2);
        const list = axes === undefined ? [] : typeof axes === 'number' ? [axes] : axes;
        expect(new Set(list.map((a) => (a + 3) % 3)).size).toBe(list.length);
        expect(index.dtype).toBe('int32');
        for (const i of index.buffer) expect(i >= 0 && i < 5).toBe(true);
      }),
      settings,
    );
  });

  it('let a layer author property-test a gradient in a few lines', () => {
    // relu's kink sits at 0; keeping values 0.05 away means no check straddles it.
    fc.assert(
      fc.property(arbitraries.broadcastTensors(2, { maxSize: 12 }, { awayFrom: [0] }), ([a, b]) => {
        const report = gradcheck((a, b) => a.mul(b).relu(), [a, b]);
        expect(report.kinks).toEqual([]);
        return report.ok;
      }),
      { numRuns: 50, seed: 3 },
    );
  });
});

describe('limits no value or shape can meet', () => {
  it('keep values inside [min, max] and away from every point', () => {
    const values = fc.sample(arbitraries.values(1, { min: -1, max: 1, awayFrom: [1, -1, 0, 0.06] }), 2000).map((v) => v[0]);
    for (const v of values) {
      expect(Math.abs(v)).toBeLessThanOrEqual(0.95);
      expect(Math.abs(v)).toBeGreaterThanOrEqual(0.05);
      expect(Math.abs(v - 0.06)).toBeGreaterThanOrEqual(0.05);
    }
  });

  it('are errors, not endless searches', () => {
    expect(() => arbitraries.values(5, { min: 0.1, max: 0.3, awayFrom: [0], margin: 0.5 })).toThrow(/no value in \[0.1, 0.3\]/);
    expect(() => arbitraries.shape({ minRank: 4, minExtent: 3 })).toThrow(/no shape meets/);
    expect(() => arbitraries.indexTensor([3], 0)).toThrow(/no index lies in \[0, 0\)/);
  });
});
