/**
 * A process killed with SIGKILL in the middle of `save` leaves the previous checkpoint loadable.
 * A child saves a 32 MB checkpoint in a loop; the parent kills it at the moment a temporary file
 * is being written (so the kill provably lands mid-save), then loads the checkpoint.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Tensor, zeros } from '@tapegrad/tensor';
import { afterAll, describe, expect, it } from 'vitest';
import { load } from '../src/node/index.js';

const ELEMENTS = 4 * 1024 * 1024; // float64: 32 MB, so a write takes long enough to land in
const child = fileURLToPath(new URL('./save-in-a-loop.child.ts', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'tapegrad-kill-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const temporaryFiles = () => readdirSync(directory).filter((name) => name.endsWith('.tmp'));

/**
 * Runs the child from `firstVersion` and SIGKILLs it while it writes the temp file of a save
 * after its first complete one. Returns the last version it reported saved.
 */
function killMidSave(path: string, firstVersion: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const saver: ChildProcess = fork(child, [path, String(ELEMENTS), String(firstVersion)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let lastSaved = 0;
    let killed = false;
    saver.on('message', (message: { saving?: number; saved?: number }) => {
      if (message.saved !== undefined) lastSaved = message.saved;
      if (message.saving === undefined || lastSaved === 0 || killed) return;
      // Poll until the temp file of this save has bytes in it, then kill: the rename has not happened yet.
      // A writer without a temp file is killed after a while anyway, and then fails the checks below.
      const started = Date.now();
      const poll = () => {
        if (killed) return;
        const writing = temporaryFiles().some((name) => statSync(join(directory, name), { throwIfNoEntry: false })?.size);
        if (writing || Date.now() - started > 3000) {
          killed = true;
          saver.kill('SIGKILL');
        } else {
          setImmediate(poll);
        }
      };
      poll();
    });
    saver.on('error', reject);
    saver.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(lastSaved) : reject(new Error(`child exited with ${code ?? signal} before it was killed`))));
  });
}

describe('a save killed with SIGKILL midway', () => {
  it('leaves the previous checkpoint complete and loadable, three times over', async () => {
    const path = join(directory, 'model.safetensors');
    let firstVersion = 1;
    for (let round = 0; round < 3; round++) {
      const lastSaved = await killMidSave(path, firstVersion);
      // The kill landed while a temp file was being written: it is still there, unrenamed.
      expect(temporaryFiles().length, 'a temp file left by the killed save').toBeGreaterThan(0);
      let state: Record<string, Tensor> = {};
      const target = { stateDict: () => ({ big: zeros([ELEMENTS]), version: zeros([], { dtype: 'int32' }) }), loadStateDict: (dict: Record<string, Tensor>) => void (state = dict) };
      await load(target, path);
      const version = state.version.item();
      // The checkpoint is the last complete save (or, if the kill raced the rename, the one after).
      expect(version === lastSaved || version === lastSaved + 1).toBe(true);
      const big = state.big.buffer;
      expect(big.length).toBe(ELEMENTS);
      expect(big.every((value) => value === version)).toBe(true);
      for (const name of temporaryFiles()) rmSync(join(directory, name));
      firstVersion = version + 1;
    }
  });
});
