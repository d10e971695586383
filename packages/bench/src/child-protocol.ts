/**
 * How a child process reports to the runner: one line per event on stdout, prefixed by a marker
 * so that whatever else a library prints (tfjs's "install tfjs-node" banner) is ignored.
 */
import type { CaseResult } from './results.js';

const CASE_STARTED = '@@bench-case-started ';
const CASE_RESULT = '@@bench-case-result ';

export type ChildEvent = { kind: 'started'; caseId: string } | { kind: 'result'; result: CaseResult };

export function formatStarted(caseId: string): string {
  return `${CASE_STARTED}${JSON.stringify(caseId)}`;
}

export function formatResult(result: CaseResult): string {
  return `${CASE_RESULT}${JSON.stringify(result)}`;
}

/** The event a stdout line carries, or null for a line that is not ours. */
export function parseChildLine(line: string): ChildEvent | null {
  if (line.startsWith(CASE_STARTED)) return { kind: 'started', caseId: JSON.parse(line.slice(CASE_STARTED.length)) as string };
  if (line.startsWith(CASE_RESULT)) return { kind: 'result', result: JSON.parse(line.slice(CASE_RESULT.length)) as CaseResult };
  return null;
}
