import { describe, expect, it } from 'vitest';
import { parseBenchArgs, UsageError, WORKLOAD_IDS } from '../src/cli-options.js';
import { LIBRARY_NAMES } from '../src/libraries/index.js';

describe('parseBenchArgs', () => {
  it('runs everything, fully, against the peers by default', () => {
    expect(parseBenchArgs([])).toEqual({ quick: false, workloads: [...WORKLOAD_IDS], libraries: [...LIBRARY_NAMES], against: undefined, out: undefined, help: false });
  });

  it('takes --quick, --only, --libraries, --against and --out', () => {
    const options = parseBenchArgs(['--quick', '--only', 'mlp,matmul', '--libraries', 'jax-js,tapegrad', '--against', 'HEAD~3', '--out', '/tmp/run.json']);
    expect(options).toMatchObject({ quick: true, workloads: ['matmul', 'mlp'], libraries: ['tapegrad', 'jax-js'], against: 'HEAD~3', out: '/tmp/run.json' });
  });

  it('ignores the "--" that pnpm passes through', () => {
    expect(parseBenchArgs(['--', '--quick']).quick).toBe(true);
  });

  it('names the unknown workload or library and lists the known ones', () => {
    expect(() => parseBenchArgs(['--only', 'matmull'])).toThrow(/unknown workload "matmull"; known: matmul, mlp/);
    expect(() => parseBenchArgs(['--libraries', 'torch'])).toThrow(UsageError);
  });

  it('refuses unknown flags and a missing or empty --against', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrow(UsageError);
    expect(() => parseBenchArgs(['--against'])).toThrow(UsageError);
    expect(() => parseBenchArgs(['--against', ''])).toThrow(/needs a git ref/);
  });
});
