/**
 * The file Node loads for `import '<package>'` from a package directory, found the way Node finds
 * it: the `"."` entry of `exports` under the conditions a Node ESM import has (`node`, `import`,
 * `default`; the first listed key that matches wins), else `main`. `--against` needs this because
 * `@tapegrad/tensor` on Node is `src/index.node.ts` (which installs the worker pool), not the
 * browser entry `src/index.ts`: importing the wrong one would time the old tree on one core.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const NODE_IMPORT_CONDITIONS = new Set(['node', 'import', 'default']);

type ExportTarget = string | null | ExportTarget[] | { [key: string]: ExportTarget };

/** The path a conditional export target resolves to under Node's import conditions, or undefined. */
function pick(target: ExportTarget | undefined): string | undefined {
  if (typeof target === 'string') return target;
  if (target === null || target === undefined) return undefined;
  if (Array.isArray(target)) {
    for (const item of target) {
      const found = pick(item);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [condition, value] of Object.entries(target)) {
    if (NODE_IMPORT_CONDITIONS.has(condition)) return pick(value);
  }
  return undefined;
}

/** The `"."` export of a package.json's `exports` (a string, a conditions object, or a subpath map). */
function rootExport(exports: ExportTarget): ExportTarget | undefined {
  if (exports !== null && typeof exports === 'object' && !Array.isArray(exports) && Object.keys(exports).some((key) => key.startsWith('.'))) {
    return exports['.'];
  }
  return exports;
}

/** Absolute path of the module `import '<name>'` loads from the package in `packageDir`. */
export function packageEntry(packageDir: string): string {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { exports?: ExportTarget; main?: string };
  const relative = manifest.exports !== undefined ? pick(rootExport(manifest.exports)) : (manifest.main ?? 'index.js');
  if (relative === undefined) throw new Error(`${packageDir}/package.json exports no "." entry for Node imports`);
  return join(packageDir, relative);
}
