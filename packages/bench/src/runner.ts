/**
 * Runs one library on one workload in a fresh child process (so no library's JIT state, caches or
 * leaked memory affects another's figures) and collects the results it prints. A case that does
 * not finish before the deadline, or whose child crashes, is recorded with the reason, and a new
 * child carries on with the remaining cases.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseChildLine } from './child-protocol.js';
import type { CaseResult } from './results.js';
import type { RunSettings } from './run-settings.js';
import type { Workload } from './workload.js';

export interface LibraryRun {
  kind: string; // which implementation (libraries/index.ts)
  name: string; // the name the tables print
  tapegradEntry?: string;
}

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

interface ChildOutcome {
  results: CaseResult[];
  /** The case the child was in when it was killed or crashed, and why. */
  interrupted?: { caseId: string; reason: string };
}

function runChild(run: LibraryRun, workload: Workload, caseIds: string[], quick: boolean, settings: RunSettings): Promise<ChildOutcome> {
  const args = ['--import', 'tsx', CHILD, '--library', run.kind, '--name', run.name, '--workload', workload.id];
  for (const id of caseIds) args.push('--cases', id);
  if (quick) args.push('--quick');
  if (run.tapegradEntry) args.push('--tapegrad-entry', run.tapegradEntry);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: PACKAGE_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    const results: CaseResult[] = [];
    let current: string | undefined;
    let stdoutRest = '';
    let stderrTail = '';
    let timedOut = false;
    let deadline: NodeJS.Timeout | undefined;
    const armDeadline = () => {
      clearTimeout(deadline);
      deadline = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, settings.caseDeadlineMs);
    };
    armDeadline();
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (stdoutRest + chunk).split('\n');
      stdoutRest = lines.pop() ?? '';
      for (const line of lines) {
        const event = parseChildLine(line);
        if (event?.kind === 'started') {
          current = event.caseId;
          armDeadline();
        } else if (event?.kind === 'result') {
          results.push(event.result);
          current = undefined;
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-2000);
    });
    child.on('close', (code, signal) => {
      clearTimeout(deadline);
      const pending = current ?? caseIds.find((id) => !results.some((r) => r.caseId === id));
      if (pending === undefined) return resolve({ results });
      const lastError = stderrTail.trim().split('\n').filter(Boolean).slice(-3).join(' | ');
      const reason = timedOut
        ? `did not finish within ${settings.caseDeadlineMs / 1000} s`
        : `child process ended (${signal ?? `exit code ${code}`})${lastError ? `: ${lastError}` : ''}`;
      resolve({ results, interrupted: { caseId: pending, reason } });
    });
  });
}

export async function runLibraryWorkload(run: LibraryRun, workload: Workload, quick: boolean, settings: RunSettings): Promise<CaseResult[]> {
  let remaining = workload.cases(quick).map((c) => c.id);
  const collected: CaseResult[] = [];
  while (remaining.length > 0) {
    const { results, interrupted } = await runChild(run, workload, remaining, quick, settings);
    collected.push(...results);
    if (interrupted) {
      // A peer that cannot finish is "not measurable"; tapegrad not finishing is a failure to look at.
      const isTapegrad = run.kind === 'tapegrad';
      collected.push({
        workload: workload.id,
        caseId: interrupted.caseId,
        library: run.name,
        status: isTapegrad ? 'failed' : 'unsupported',
        message: isTapegrad ? interrupted.reason : `not measurable: ${interrupted.reason}`,
      });
    }
    const done = new Set(collected.map((r) => r.caseId));
    remaining = remaining.filter((id) => !done.has(id));
  }
  return collected;
}
