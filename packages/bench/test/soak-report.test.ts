import { describe, expect, it } from 'vitest';
import { parseSoakArgs } from '../src/soak/soak-options.js';
import { growthLines, soakTable } from '../src/soak/soak-table.js';

const MB = 2 ** 20;

describe('the soak options', () => {
  it('default to the issue\'s run: 10,000 steps, a sample every 500, 1,000 steps of warm-up, 10 %', () => {
    expect(parseSoakArgs([])).toEqual({ steps: 10_000, every: 500, warmUp: 1000, limit: 0.1, hidden: 256, dtype: 'float32', json: false });
    expect(parseSoakArgs(['--', '--steps', '2000', '--dtype', 'float64']).steps).toBe(2000);
  });

  it('refuse a run too short to have a sample after the warm-up', () => {
    expect(() => parseSoakArgs(['--steps', '1200'])).toThrow(/--steps 1200 leaves no sample after the warm-up \(1000 steps, one sample every 500\)/);
    expect(() => parseSoakArgs(['--limit', '0'])).toThrow(/--limit must be a positive fraction/);
  });
});

describe('the soak printout', () => {
  it('lists each sample in MiB and flags a counter over the limit', () => {
    const sample = { step: 500, heapUsed: 9 * MB, external: 118.4 * MB, arrayBuffers: 116.2 * MB, rss: 270.5 * MB, threads: 13 };
    expect(soakTable([{ sample, meanLoss: 0.32571, msPerStep: 4.237 }]).split('\n')[2]).toBe(
      '|  500 |         9.00 |       118.40 |           116.20 |  270.50 |      13 |    0.3257 |    4.24 |',
    );
    const lines = growthLines(
      [
        { counter: 'heapUsed', baseline: 9 * MB, peak: 9.09 * MB, growth: 0.01, bytesPerStep: 1.5 },
        { counter: 'external', baseline: 100 * MB, peak: 120 * MB, growth: 0.2, bytesPerStep: 2330 },
      ],
      0.1,
    );
    expect(lines).toEqual([
      'heapUsed: 9.00 → peak 9.09 MiB after warm-up (+1.0 %, limit 10.0 %), trend +1.5 bytes/step',
      'external: 100.00 → peak 120.00 MiB after warm-up (+20.0 %, limit 10.0 %), trend +2330.0 bytes/step  ✗ GREW',
    ]);
  });
});
