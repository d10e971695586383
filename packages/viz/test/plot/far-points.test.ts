import { describe, expect, it } from 'vitest';
import { runsInBox } from '../../src/plot/far-points.js';

const box = { left: 0, top: 0, right: 10, bottom: 10 };

describe('runsInBox', () => {
  it('keeps a path inside the box whole, as the same points', () => {
    const pixels = [[1, 1], [5, 5], [9, 2]] as const;
    const [run, ...others] = runsInBox(pixels, box);
    expect(others).toEqual([]);
    run.forEach((point, i) => expect(point).toBe(pixels[i]));
  });

  it('cuts segments where they leave and come back, along the segment, each return a new run', () => {
    // Out through the right edge; two segments that miss the box; back in from 10³⁰⁰ pixels to the left.
    expect(runsInBox([[5, 5], [25, 5], [5, 25], [-1e300, 5], [5, 8]], box)).toEqual([
      [[5, 5], [10, 5]],
      [[0, 8], [5, 8]],
    ]);
    // Both ends outside, the segment across: its chord is drawn.
    expect(runsInBox([[-5, 0], [15, 10]], box)).toEqual([[[0, 2.5], [10, 7.5]]]);
  });

  it('keeps a lone point inside, and nothing of a lone point outside', () => {
    expect(runsInBox([[3, 4]], box)).toEqual([[[3, 4]]]);
    expect(runsInBox([[30, 4]], box)).toEqual([]);
  });
});
