/**
 * `pnpm bench` arguments:
 *   --quick               fewer sizes and shorter timing budgets (the whole run in under 3 minutes)
 *   --only a,b            only these workloads (matmul, mlp, chain, scalar-mlp, scalar-chain, conv, suites)
 *   --libraries a,b       only these libraries (tapegrad, tfjs-cpu, tfjs-wasm, js-pytorch, jax-js)
 *   --against <git-ref>   tapegrad at <git-ref> (built in a temporary worktree) against this tree, no peers
 *   --out <file>          where the run's JSON goes (default packages/bench/results/latest.json)
 */
import { parseArgs } from 'node:util';
import { LIBRARY_NAMES } from './libraries/index.js';
import { LIBRARY_WORKLOADS } from './workloads/index.js';
import { SUITES_WORKLOAD } from './workloads/suites.js';

export interface BenchOptions {
  quick: boolean;
  workloads: string[];
  libraries: string[];
  against?: string;
  out?: string;
  help: boolean;
}

export const WORKLOAD_IDS: readonly string[] = [...LIBRARY_WORKLOADS.map((w) => w.id), SUITES_WORKLOAD.id];

export const USAGE = `usage: pnpm bench [--quick] [--only ${WORKLOAD_IDS.join(',')}] [--libraries ${LIBRARY_NAMES.join(',')}] [--against <git-ref>] [--out <file>]`;

export class UsageError extends Error {}

function list(value: string | undefined, known: readonly string[], what: string): string[] {
  if (value === undefined) return [...known];
  const items = value.split(',').map((item) => item.trim()).filter(Boolean);
  const unknown = items.filter((item) => !known.includes(item));
  if (unknown.length > 0) throw new UsageError(`bench: unknown ${what} ${unknown.map((u) => `"${u}"`).join(', ')}; known: ${known.join(', ')}`);
  if (items.length === 0) throw new UsageError(`bench: --${what === 'workload' ? 'only' : 'libraries'} needs at least one name`);
  // Keep the canonical order, so tables always list tapegrad first.
  return known.filter((name) => items.includes(name));
}

export function parseBenchArgs(argv: string[]): BenchOptions {
  let parsed;
  try {
    // `pnpm bench -- --quick` passes the `--` through; it means nothing here.
    parsed = parseArgs({
      args: argv.filter((arg) => arg !== '--'),
      options: {
        quick: { type: 'boolean', default: false },
        only: { type: 'string' },
        libraries: { type: 'string' },
        against: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError(`bench: ${(error as Error).message}`);
  }
  const { values } = parsed;
  if (values.against !== undefined && values.against.trim() === '') throw new UsageError('bench: --against needs a git ref (a branch, tag or commit)');
  return {
    quick: values.quick,
    workloads: list(values.only, WORKLOAD_IDS, 'workload'),
    libraries: list(values.libraries, LIBRARY_NAMES, 'library'),
    against: values.against,
    out: values.out,
    help: values.help,
  };
}
