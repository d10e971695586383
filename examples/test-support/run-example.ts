/**
 * Runs an example as a user would (`npx tsx examples/<name>.ts …`) in a child process and returns
 * what it printed, for the tests that check each example's numbers. A non-zero exit code (an
 * example that misses its own target sets one) throws, with the example's output in the error.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `examples/`, one folder up from this file in `examples/test-support/`. */
const examples = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The standard output of `examples/<name>` run with `args`, from `examples/` as the working directory. */
export function runExample(name: string, ...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', join(examples, name), ...args], { cwd: examples, encoding: 'utf8' });
}
