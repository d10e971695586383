/**
 * The soak in the normal test command, short: 1,500 steps of the MNIST MLP with a 32-unit hidden
 * layer, sampled every 250 steps in a fresh Node process with --expose-gc (its memory belongs to
 * this run alone). `pnpm test:soak` is the full 10,000-step run.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { MemoryGrowth } from '../src/soak/memory-growth.js';
import type { SoakRecord } from '../src/soak/soak-table.js';

const script = fileURLToPath(new URL('../src/soak/main.ts', import.meta.url));
const keepInputs = fileURLToPath(new URL('./keep-inputs.preload.ts', import.meta.url));
const keepLosses = fileURLToPath(new URL('./keep-losses.preload.ts', import.meta.url));

/** Runs the soak script in a fresh Node process with --expose-gc (and `preload` first, if given). */
function soak(args: readonly string[], preload?: string) {
  const imports = ['--import', 'tsx', ...(preload ? ['--import', preload] : [])];
  return spawnSync(process.execPath, ['--expose-gc', ...imports, script, ...args, '--hidden', '32', '--json'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('a short soak of the MNIST MLP', () => {
  it('keeps the heap, the external memory and the thread count flat after warm-up', () => {
    const run = soak(['--steps', '1500', '--every', '250', '--warm-up', '500', '--limit', '0.2']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { records, growth } = JSON.parse(run.stdout) as { records: SoakRecord[]; growth: MemoryGrowth[] };
    expect(records.map((record) => record.sample.step)).toEqual([0, 250, 500, 750, 1000, 1250, 1500]);
    for (const { counter, growth: fraction } of growth) expect(fraction, counter).toBeLessThan(0.2);
    // After warm-up no thread starts: the pool has all its workers, and nothing else spawns any.
    const threads = new Set(records.slice(2).map((record) => record.sample.threads));
    expect(threads.size).toBe(1);
    // It trained: the mean loss of the last 250 steps is well below that of the first.
    expect(records.at(-1)!.meanLoss).toBeLessThan(records[1].meanLoss / 2);
  });

  it('fails, naming the counter, when something keeps every batch alive (the negative control)', () => {
    // 64 × 784 float32 per step (196 KB): 300 steps after warm-up add ~59 MB to ~116 MB.
    const run = soak(['--steps', '500', '--every', '100', '--warm-up', '200', '--limit', '0.2'], keepInputs);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^soak: external grew more than 20 % after the first 200 steps/);
    const { growth } = JSON.parse(run.stdout) as { growth: MemoryGrowth[] };
    expect(growth[1].bytesPerStep).toBeGreaterThan(64 * 784 * 4);
  });

  it('fails at the 10 % bound on a small heap leak too: one kept loss a step (the second negative control)', () => {
    // losses.push(loss) instead of loss.item(): a scalar and its tape node, ~390 bytes a step.
    // 5,000 steps after warm-up add ~1.9 MB to a ~9.4 MB heap (+20 %); without it, +3 %.
    const run = soak(['--steps', '6000', '--every', '1000', '--warm-up', '1000', '--limit', '0.1'], keepLosses);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^soak: heapUsed grew more than 10 % after the first 1000 steps/);
    const { growth } = JSON.parse(run.stdout) as { growth: MemoryGrowth[] };
    expect(growth[0].bytesPerStep).toBeGreaterThan(200);
  });
});
