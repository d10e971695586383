import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { packageEntry } from '../src/package-entry.js';

const dirs: string[] = [];
function packageWith(manifest: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-entry-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('packageEntry (what --against imports for the old tree)', () => {
  it("is the tensor package's Node entry, the one that installs the worker pool", () => {
    const tensorDir = fileURLToPath(new URL('../../tensor', import.meta.url));
    expect(packageEntry(tensorDir)).toBe(join(tensorDir, 'src', 'index.node.ts'));
  });

  it('takes the first condition Node matches, in the order the manifest lists them', () => {
    const exports = { '.': { types: './t.ts', node: './n.ts', default: './d.ts' } };
    expect(packageEntry(packageWith({ exports }))).toMatch(/n\.ts$/);
    expect(packageEntry(packageWith({ exports: { '.': { browser: './b.ts', default: './d.ts' } } }))).toMatch(/d\.ts$/);
    expect(packageEntry(packageWith({ exports: { import: { node: './in.ts' }, require: './r.cjs' } }))).toMatch(/in\.ts$/);
  });

  it('reads a plain string export, and falls back to main', () => {
    expect(packageEntry(packageWith({ exports: './s.ts' }))).toMatch(/s\.ts$/);
    expect(packageEntry(packageWith({ main: './m.js' }))).toMatch(/m\.js$/);
  });
});
