/**
 * The pictures in docs/images are made by guide files: each one, run with `--out DIR`, writes
 * its pictures into DIR (and writes nothing without it, so the guides test can run it freely).
 * This test runs every such file into a temporary folder and compares what it writes, byte for
 * byte, with docs/images, so a picture in a guide cannot drift from the code shown next to it.
 *
 * After changing a drawing on purpose: `npx tsx <file> --out docs/images`, and look at it.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const images = join(root, 'docs', 'images');

/** Every guide file that writes pictures into docs/images, and the guide that shows them. */
const GENERATORS = [
  'examples/guides/backprop/draw-circuit.ts',
  'examples/guides/backprop/frames.ts',
  'examples/guides/visualization/collapse.ts',
  'examples/guides/visualization/loss-curve.ts',
  'examples/guides/visualization/templates.ts',
  'examples/guides/visualization/digits-png.ts',
  'examples/guides/visualization/contour.ts',
  'examples/guides/optimizers/trajectory-plots.ts',
  'examples/guides/optimizers/learning-rates.ts',
];

const RUN_TIMEOUT_MS = 60_000;
const scratch = mkdtempSync(join(tmpdir(), 'tapegrad-guide-images-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `file --out <a fresh folder>` and lists what it wrote; rejects with its stderr when it fails. */
function generate(file: string): Promise<{ folder: string; written: string[] }> {
  const folder = join(scratch, file.replace(/[/.]/g, '_'));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', file, '--out', folder], { cwd: root, encoding: 'utf8', timeout: RUN_TIMEOUT_MS }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`npx tsx ${file} --out <dir> failed (${error.killed ? 'timed out' : `exit code ${error.code}`}):\n${stderr}`));
      else resolve({ folder, written: existsSync(folder) ? readdirSync(folder).sort() : [] });
    });
  });
}

// All at once: each file is its own process, and most of the time is spent starting them.
const runs = new Map(GENERATORS.map((file) => [file, generate(file)]));
for (const run of runs.values()) run.catch(() => {}); // reported by the file's own test

/** Where two byte strings first differ, for the failure message. */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return i;
  return length;
}

describe('docs/images', () => {
  for (const file of GENERATORS) {
    it(`${file} --out makes the same files as docs/images`, async () => {
      const { folder, written } = await runs.get(file)!;
      expect(written.length, `${file} --out <dir> wrote no file; it should write the pictures its guide shows`).toBeGreaterThan(0);
      for (const name of written) {
        const committed = join(images, name);
        const regenerate = `run \`npx tsx ${file} --out docs/images\`, look at the picture, and commit it`;
        expect(existsSync(committed), `${file} writes ${name}, which is not in docs/images; ${regenerate}`).toBe(true);
        const made = readFileSync(join(folder, name));
        const expected = readFileSync(committed);
        const same = made.equals(expected);
        const where = same ? '' : `${made.length} bytes now, ${expected.length} committed, first difference at byte ${firstDifference(made, expected)}`;
        expect(same, `docs/images/${name} is not what ${file} makes now (${where}); ${regenerate}`).toBe(true);
      }
    });
  }

  it('every file in docs/images is made by one of the generators', async () => {
    const made = new Set((await Promise.allSettled(runs.values())).flatMap((run) => (run.status === 'fulfilled' ? run.value.written : [])));
    const orphans = readdirSync(images).filter((name) => !made.has(name));
    expect(orphans, 'these pictures are made by no file in GENERATORS (examples/guides-images.test.ts): add the guide file that writes them, or delete them').toEqual([]);
  });
});
