/** The JSON file a run leaves behind (packages/bench/results/latest.json unless --out says otherwise). */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, totalmem } from 'node:os';
import { dirname } from 'node:path';
import type { BenchOptions } from '../cli-options.js';
import type { CaseResult } from '../results.js';

export interface RunRecord {
  command: string;
  startedAt: string;
  finishedAt: string;
  options: BenchOptions;
  machine: { node: string; platform: string; cpus: number; cpuModel: string; memoryGiB: number; loadAverageAtStart: number[] };
  git: { head: string; dirty: boolean };
  against?: { ref: string; sha: string };
  results: CaseResult[];
}

export function describeMachine(): RunRecord['machine'] {
  const list = cpus();
  return {
    node: process.version,
    platform: platform(),
    cpus: list.length,
    cpuModel: list[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function describeGit(repoRoot: string): RunRecord['git'] {
  const git = (args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
  try {
    return { head: git(['rev-parse', 'HEAD']), dirty: git(['status', '--porcelain']).length > 0 };
  } catch {
    return { head: 'unknown', dirty: true };
  }
}

export function writeRunRecord(path: string, record: RunRecord): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(record, null, 2)}\n`);
}
