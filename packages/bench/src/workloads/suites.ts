/**
 * Workload 6 (tapegrad only): the wall time of the gradient property suite, and the demo's
 * training time as it prints it ("training took 5.6 s"; the MLP on MNIST since issue 6, the
 * spiral net before). Each runs as its own process in the tree being
 * measured (the main tree, or the --against worktree); a non-zero exit is reported as WRONG with
 * the tail of its output, never timed.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { median, relativeSpread } from '../measure.js';
import type { CaseResult } from '../results.js';

export const SUITES_WORKLOAD = {
  id: 'suites',
  title: 'tapegrad test suite and demo wall time',
  unit: 's',
  higherIsBetter: false,
} as const;

export const PROPERTY_SUITE_FILE = 'packages/gradcheck/test/registry.property.test.ts';

interface CommandRun {
  ok: boolean;
  seconds: number;
  output: string;
}

function runCommand(command: string, args: string[], cwd: string): Promise<CommandRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
    let output = '';
    const keep = (chunk: Buffer) => void (output = (output + chunk.toString('utf8')).slice(-20_000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => resolve({ ok: false, seconds: 0, output: String(error) }));
    child.on('close', (code) => resolve({ ok: code === 0, seconds: (performance.now() - started) / 1000, output }));
  });
}

function tail(output: string): string {
  return output.trim().split('\n').filter(Boolean).slice(-3).join(' | ');
}

async function repeat(
  library: string, caseId: string, repetitions: number, once: () => Promise<{ ok: boolean; seconds: number; output: string; note?: string }>,
): Promise<CaseResult> {
  const base = { workload: SUITES_WORKLOAD.id, caseId, library };
  const seconds: number[] = [];
  let note: string | undefined;
  for (let i = 0; i < repetitions; i++) {
    const run = await once();
    if (!run.ok) return { ...base, status: 'wrong', message: `failed: ${tail(run.output)}` };
    seconds.push(run.seconds);
    note = run.note;
  }
  const figure = median(seconds);
  return { ...base, status: 'ok', figure, unit: 's', medianMs: figure * 1000, samplesMs: seconds.map((s) => s * 1000), spread: relativeSpread(seconds), note };
}

/** Both cases for the tree at `root`, printed as `library`. */
export async function runSuites(library: string, root: string, repetitions: number): Promise<CaseResult[]> {
  const bin = (name: string) => join(root, 'node_modules', '.bin', name);
  const results: CaseResult[] = [];
  const suiteCase = 'gradient property suite (vitest, wall)';
  if (!existsSync(join(root, PROPERTY_SUITE_FILE))) {
    results.push({ workload: SUITES_WORKLOAD.id, caseId: suiteCase, library, status: 'unsupported', message: `not available: no ${PROPERTY_SUITE_FILE} in this tree` });
  } else {
    results.push(await repeat(library, suiteCase, repetitions, () => runCommand(bin('vitest'), ['run', '--project', 'gradcheck', PROPERTY_SUITE_FILE], root)));
  }
  results.push(
    await repeat(library, 'demo training (as printed)', repetitions, async () => {
      const run = await runCommand(bin('tsx'), ['examples/demo.ts'], root);
      // The MNIST demo prints "training took 5.6 s"; trees before it (the spiral demo) printed
      // "… after 2000 steps in 1.9 s". Either way the process also pays for start-up and loading.
      const printed = /training took ([\d.]+) s/.exec(run.output) ?? /steps in ([\d.]+) s/.exec(run.output);
      if (!printed) return { ...run, ok: false, output: `${run.output}\n(no "training took N s" line in the demo's output)` };
      return { ok: run.ok, seconds: Number(printed[1]), output: run.output, note: `process wall ${run.seconds.toFixed(1)} s` };
    }),
  );
  return results;
}
