/**
 * `--against <ref>`: a temporary git worktree of <ref> with its dependencies installed from the
 * local pnpm store, so its tensor package, property suite and demo can run beside this tree's.
 * The worktree is removed when the run ends, however it ends.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageEntry } from './package-entry.js';

export interface Worktree {
  ref: string;
  sha: string;
  dir: string;
  /** What the tapegrad library imports for the old tree's `@tapegrad/tensor`. */
  tensorEntry: string;
  remove(): void;
}

function git(repoRoot: string, args: string[]): string {
  return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export function prepareWorktree(repoRoot: string, ref: string, log: (line: string) => void): Worktree {
  let sha: string;
  try {
    sha = git(repoRoot, ['rev-parse', '--verify', `${ref}^{commit}`]);
  } catch {
    throw new Error(`bench --against: "${ref}" is not a commit in ${repoRoot} (try a branch, tag or sha from git log)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'tapegrad-against-'));
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    try {
      git(repoRoot, ['worktree', 'remove', '--force', dir]);
    } catch {
      rmSync(dir, { recursive: true, force: true });
      git(repoRoot, ['worktree', 'prune']);
    }
  };
  try {
    log(`--against ${ref}: worktree of ${sha.slice(0, 10)} in ${dir}`);
    git(repoRoot, ['worktree', 'add', '--detach', dir, sha]);
    // The store is warm, so an offline install needs no network; --prefer-offline is the fallback
    // when the old lockfile names something the store lacks.
    for (const mode of ['--offline', '--prefer-offline']) {
      log(`--against ${ref}: pnpm install ${mode}`);
      const install = spawnSync('npx', ['-y', 'pnpm@10', 'install', mode], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      if (install.status === 0) break;
      if (mode === '--prefer-offline') throw new Error(`bench --against: pnpm install failed in ${dir}:\n${(install.stderr || install.stdout).slice(-2000)}`);
    }
    // The entry Node would import (its `node` export: index.node.ts with the worker pool), so the
    // old tree runs under the same conditions as this tree's `@tapegrad/tensor`.
    const packageDir = join(dir, 'packages', 'tensor');
    if (!existsSync(join(packageDir, 'package.json'))) throw new Error(`bench --against: ${ref} has no packages/tensor/package.json`);
    const entry = packageEntry(packageDir);
    if (!existsSync(entry)) throw new Error(`bench --against: ${ref}'s @tapegrad/tensor entry ${entry} does not exist`);
    return { ref, sha, dir, tensorEntry: pathToFileURL(entry).href, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
