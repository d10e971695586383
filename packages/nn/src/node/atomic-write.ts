/**
 * Replacing a file so that a crash at any moment leaves either the old file or the new one,
 * never a mix or a truncated file: write a temporary file in the same directory, fsync it,
 * rename it over the target (an atomic replace on POSIX and on Windows), then fsync the
 * directory so the rename itself survives a power loss.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Writes of at most this many bytes, so multi-gigabyte checkpoints stay under the OS's per-call limit. */
const CHUNK_BYTES = 64 * 1024 * 1024;

/** Atomically replaces (or creates) the file at `path` with `bytes`. */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const directory = dirname(path);
  // Same directory, because rename cannot move a file across file systems;
  // a random suffix, so two processes saving the same path do not write into one temp file.
  const temporary = join(directory, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const existingMode = await modeOf(path);
  const handle = await open(temporary, 'wx', existingMode ?? 0o666);
  try {
    try {
      // open() applies the umask; chmod does not, so a replaced file keeps exactly its permissions.
      if (existingMode !== undefined) await handle.chmod(existingMode);
      await writeAll(handle, bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await syncDirectory(directory);
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let written = 0;
  while (written < bytes.length) {
    const length = Math.min(CHUNK_BYTES, bytes.length - written);
    const { bytesWritten } = await handle.write(bytes, written, length, written);
    written += bytesWritten;
  }
}

/** The permissions of the file being replaced, so a save keeps them; undefined when there is none yet. */
async function modeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mode & 0o777;
  } catch {
    return undefined;
  }
}

/**
 * Flushes the directory entry of the rename. Windows and some file systems cannot open or sync a
 * directory; there the rename is already as durable as the platform allows, and the checkpoint
 * is complete and in place, so a failure here is not reported.
 */
async function syncDirectory(directory: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch {
    // not supported here: see above
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
