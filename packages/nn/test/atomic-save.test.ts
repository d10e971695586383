/**
 * `save` replaces a checkpoint atomically: it writes a temporary file next to the target, syncs
 * it, and renames it over the target. Failures are injected by wrapping `node:fs/promises`.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toBytes } from '../src/index.js';
import { load, save } from '../src/node/index.js';
import { fingerprint, makeModel, trainedModel } from './checkpoint-fixtures.js';

/** How the next writes fail, if at all. */
const faults = vi.hoisted(() => ({ failWriteAfterBytes: -1, shortWrites: false, failRename: false, failSync: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  /** A real file handle whose write stops partway (a full disk) when a fault is set. */
  const faulty = (handle: FileHandle): FileHandle =>
    new Proxy(handle, {
      get(target, property) {
        if (property === 'write' && (faults.failWriteAfterBytes >= 0 || faults.shortWrites)) {
          return async (buffer: Uint8Array, offset: number, length: number, position: number) => {
            const room = faults.failWriteAfterBytes < 0 ? length : Math.max(0, faults.failWriteAfterBytes - position);
            if (room === 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
            // A short write (fewer bytes than asked) is legal; the caller must write the rest.
            return target.write(buffer, offset, Math.min(length, room, faults.shortWrites ? 100 : length), position);
          };
        }
        if (property === 'sync' && faults.failSync) {
          return async () => {
            throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
          };
        }
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return {
    ...actual,
    open: vi.fn(async (...args: Parameters<typeof actual.open>) => faulty(await actual.open(...args))),
    rename: vi.fn(async (from: string, to: string) => {
      if (faults.failRename) throw Object.assign(new Error('EXDEV: cross-device link not permitted, rename'), { code: 'EXDEV' });
      return actual.rename(from, to);
    }),
  };
});

const { open, rename } = await import('node:fs/promises');

const directory = mkdtempSync(join(tmpdir(), 'tapegrad-atomic-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
beforeEach(() => {
  vi.mocked(open).mockClear();
  vi.mocked(rename).mockClear();
});
afterEach(() => Object.assign(faults, { failWriteAfterBytes: -1, shortWrites: false, failRename: false, failSync: false }));

describe('save writes a temporary file in the same directory and renames it over the target', () => {
  it('opens a new temp file next to the target, syncs it, renames it, and leaves nothing else behind', async () => {
    const path = join(directory, 'model.safetensors');
    await save(trainedModel(1), path);
    const renames = vi.mocked(rename).mock.calls;
    expect(renames).toHaveLength(1);
    const [temporary, target] = renames[0] as [string, string];
    expect(target).toBe(path);
    expect(dirname(temporary)).toBe(directory);
    expect(temporary).toMatch(/\.model\.safetensors\.[0-9a-f]{12}\.tmp$/);
    // The temp file is created exclusively ('wx'), so it can never be someone else's file.
    expect(vi.mocked(open).mock.calls[0].slice(0, 2)).toEqual([temporary, 'wx']);
    expect(readdirSync(directory).filter((name) => name.includes('model'))).toEqual(['model.safetensors']);
  });

  it('keeps the permissions of the checkpoint it replaces', async () => {
    const path = join(directory, 'private.safetensors');
    await save(trainedModel(1), path);
    chmodSync(path, 0o600);
    await save(trainedModel(2), path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('leaves the old checkpoint intact and removes the temp file when a write fails halfway', async () => {
    const path = join(directory, 'full-disk.safetensors');
    const old = trainedModel(1);
    await save(old, path);
    const oldBytes = readFileSync(path);

    const next = trainedModel(2);
    faults.failWriteAfterBytes = Math.floor(toBytes(next).length / 2);
    await expect(save(next, path)).rejects.toThrow('ENOSPC');
    expect(vi.mocked(rename)).toHaveBeenCalledTimes(1); // only the first save renamed
    expect(readFileSync(path).equals(oldBytes)).toBe(true);
    expect(readdirSync(directory).filter((name) => name.includes('full-disk'))).toEqual(['full-disk.safetensors']);
    faults.failWriteAfterBytes = -1;

    const target = makeModel(3);
    await load(target, path);
    expect(fingerprint(target.stateDict())).toEqual(fingerprint(old.stateDict()));
  });

  it('leaves the old checkpoint intact when fsync or the rename fails', async () => {
    const path = join(directory, 'flaky.safetensors');
    await save(trainedModel(1), path);
    const oldBytes = readFileSync(path);
    faults.failSync = true;
    await expect(save(trainedModel(2), path)).rejects.toThrow('EIO');
    faults.failSync = false;
    faults.failRename = true;
    await expect(save(trainedModel(2), path)).rejects.toThrow('EXDEV');
    expect(readFileSync(path).equals(oldBytes)).toBe(true);
    expect(readdirSync(directory).filter((name) => name.includes('flaky'))).toEqual(['flaky.safetensors']);
  });

  it('creates no file at all when the first save fails', async () => {
    const path = join(directory, 'never.safetensors');
    faults.failWriteAfterBytes = 0;
    await expect(save(trainedModel(1), path)).rejects.toThrow('ENOSPC');
    expect(readdirSync(directory).filter((name) => name.includes('never'))).toEqual([]);
  });

  it('completes the file when the OS writes fewer bytes than asked', async () => {
    const path = join(directory, 'partial.safetensors');
    faults.shortWrites = true; // at most 100 bytes per write call
    const model = trainedModel(4);
    await save(model, path);
    const target = makeModel(5);
    await load(target, path);
    expect(fingerprint(target.stateDict())).toEqual(fingerprint(model.stateDict()));
  });
});
