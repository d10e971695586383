/**
 * Python reads tapegrad's files: a stdlib-only reader (read_safetensors.py: struct + json, no
 * numpy or torch needed) parses a saved file and its values are compared here. Skipped, saying
 * so, on machines without `python3`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scalar, tensor, zeros } from '@tapegrad/tensor';
import { afterAll, describe, expect, it } from 'vitest';
import { save } from '../src/node/index.js';

const reader = fileURLToPath(new URL('./read_safetensors.py', import.meta.url));
const python = spawnSync('python3', ['--version']).status === 0;
if (!python) console.warn('safetensors-python.test.ts: python3 is not on PATH; the Python reader test is skipped');

describe.skipIf(!python)(`a saved file read by Python's standard library${python ? '' : ' (SKIPPED: python3 not on PATH)'}`, () => {
  const directory = mkdtempSync(join(tmpdir(), 'tapegrad-python-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('gives the same dtypes, shapes, values and metadata', async () => {
    const state = {
      '0.weight': tensor(new Float32Array([0.5, -1.25, 3, 1024, -0.0078125, 7]), { shape: [3, 2] }),
      '0.bias': tensor(new Float64Array([Math.PI, -Math.E, 1e-300])),
      'bn.count': scalar(-12, { dtype: 'int32' }),
      'bn.empty': zeros([2, 0], { dtype: 'int32' }),
    };
    const model = { stateDict: () => state, loadStateDict: () => undefined };
    const path = join(directory, 'model.safetensors');
    await save(model, path, { metadata: { epoch: '4', note: 'ünïcode' } });

    const run = spawnSync('python3', [reader, path], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const read = JSON.parse(run.stdout) as { metadata: Record<string, string>; tensors: Record<string, { dtype: string; shape: number[]; values: number[] }> };
    expect(read.metadata).toEqual({ epoch: '4', note: 'ünïcode' });
    expect(read.tensors).toEqual({
      '0.weight': { dtype: 'F32', shape: [3, 2], values: [0.5, -1.25, 3, 1024, -0.0078125, 7] },
      '0.bias': { dtype: 'F64', shape: [3], values: [Math.PI, -Math.E, 1e-300] },
      'bn.count': { dtype: 'I32', shape: [], values: [-12] },
      'bn.empty': { dtype: 'I32', shape: [2, 0], values: [] },
    });
  });
});
