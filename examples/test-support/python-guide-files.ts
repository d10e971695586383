/**
 * What the guides test (guides.test.ts) can check of a guide's Python files, which show how to
 * read a tapegrad checkpoint with PyTorch (docs/checkpoints.md). The suite does not install
 * Python or PyTorch, so it checks as much as the machine allows:
 * - with `python3` on PATH, every file must compile (a syntax check that writes no `__pycache__`);
 * - a file runs only where python3 can import every module it imports (`json` always, `torch`
 *   and `safetensors` only where they are installed); elsewhere its test is skipped and says why.
 * Python guide files run in a folder holding `mlp.safetensors`, the checkpoint they read.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linear, ReLU, Sequential, toBytes } from '@tapegrad/nn';
import { manualSeed } from '@tapegrad/tensor';

/** The interpreter the guides name; `python` may be Python 2 on some machines. */
export const PYTHON = 'python3';

/** True when `python3` runs on this machine. */
export function hasPython(): boolean {
  try {
    execFileSync(PYTHON, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Arguments for python3 that compile `file` without running it or writing bytecode next to it. */
export function syntaxCheckArgs(file: string): string[] {
  return ['-c', 'import sys; compile(open(sys.argv[1], encoding="utf-8").read(), sys.argv[1], "exec")', file];
}

/** The top-level modules a Python file imports (`import json, struct` → json, struct; `from safetensors.torch import …` → safetensors). */
export function importedModules(source: string): string[] {
  const modules = new Set<string>();
  for (const line of source.split('\n')) {
    const from = /^from\s+(\w+)/.exec(line);
    if (from) modules.add(from[1]);
    const imports = /^import\s+(.+)$/.exec(line);
    if (imports) for (const name of imports[1].split(',')) modules.add(name.trim().split(/[\s.]/)[0]);
  }
  return [...modules].sort();
}

/** The modules of `modules` that python3 cannot import here (all of them when python3 is missing). */
export function missingModules(modules: readonly string[]): string[] {
  if (modules.length === 0) return [];
  const script = 'import importlib.util, sys; print(" ".join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))';
  try {
    return execFileSync(PYTHON, ['-c', script, ...modules], { encoding: 'utf8' }).split(/\s+/).filter(Boolean);
  } catch {
    return [...modules];
  }
}

/**
 * Writes into `folder` the `mlp.safetensors` the Python guide files read: the MLP of
 * examples/guides/checkpoints/save-load.ts (seed 0) with the metadata `{ epoch: '12' }`.
 */
export function writePythonFixtures(folder: string): void {
  manualSeed(0);
  const mlp = new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 3));
  writeFileSync(join(folder, 'mlp.safetensors'), toBytes(mlp, { metadata: { epoch: '12' } }));
}
