/**
 * `pnpm test:soak` arguments:
 *   --steps <n>      training steps (default 10000)
 *   --every <n>      steps between memory samples (default 500)
 *   --warm-up <n>    steps before the baseline sample (default 1000)
 *   --limit <x>      largest growth of heapUsed or external after warm-up, as a fraction (default 0.1)
 *   --hidden <n>     width of the hidden layer (default 256)
 *   --dtype <d>      float32 (default) or float64
 *   --json           print the samples and growth as JSON instead of the table
 * @module
 */
import { parseArgs } from 'node:util';
import type { FloatDtype } from '@tapegrad/tensor';

/** The parsed arguments of a soak run. */
export interface SoakOptions {
  readonly steps: number;
  readonly every: number;
  readonly warmUp: number;
  readonly limit: number;
  readonly hidden: number;
  readonly dtype: FloatDtype;
  readonly json: boolean;
}

export const SOAK_USAGE = 'usage: pnpm test:soak [--steps 10000] [--every 500] [--warm-up 1000] [--limit 0.1] [--hidden 256] [--dtype float32|float64] [--json]';

function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`soak: --${name} must be a positive integer, got "${text}"\n${SOAK_USAGE}`);
  return value;
}

/** Parses `argv` (the arguments after the script), checking that the warm-up leaves samples to compare. */
export function parseSoakArgs(argv: readonly string[]): SoakOptions {
  const { values } = parseArgs({
    // `pnpm test:soak -- --steps 2000` passes the `--` through; it means nothing here.
    args: argv.filter((arg) => arg !== '--'),
    options: {
      steps: { type: 'string' },
      every: { type: 'string' },
      'warm-up': { type: 'string' },
      limit: { type: 'string' },
      hidden: { type: 'string' },
      dtype: { type: 'string', default: 'float32' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const steps = positiveInteger('steps', values.steps, 10_000);
  const every = positiveInteger('every', values.every, 500);
  const warmUp = positiveInteger('warm-up', values['warm-up'], 1000);
  const hidden = positiveInteger('hidden', values.hidden, 256);
  const limit = values.limit === undefined ? 0.1 : Number(values.limit);
  if (!(limit > 0)) throw new Error(`soak: --limit must be a positive fraction such as 0.1, got "${values.limit}"\n${SOAK_USAGE}`);
  if (values.dtype !== 'float32' && values.dtype !== 'float64') throw new Error(`soak: --dtype must be float32 or float64, got "${values.dtype}"\n${SOAK_USAGE}`);
  if (warmUp + every > steps) {
    throw new Error(`soak: --steps ${steps} leaves no sample after the warm-up (${warmUp} steps, one sample every ${every}); train longer\n${SOAK_USAGE}`);
  }
  return { steps, every, warmUp, limit, hidden, dtype: values.dtype, json: values.json };
}
