/**
 * The examples' few command-line flags (`--quick`, `--epochs N`, `--steps N`), read the same way
 * everywhere: a bad value ends the script with one line naming the flag, never a NaN that trains
 * for zero epochs and prints nonsense. And a flag's value written back into the `reproduce:`
 * line each example prints.
 */
import { basename } from 'node:path';

/** Whether `--name` is on the command line. */
export function hasFlag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

/**
 * The whole number after `--name`, or `fallback` when the flag is absent. A missing or bad value
 * (not a whole number, or below `min`) exits with code 2 and a one-line error.
 */
export function wholeNumberFlag(name: string, fallback: number, { min = 1 } = {}): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const text = process.argv[at + 1];
  const value = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isInteger(value) || value < min) {
    const script = basename(process.argv[1] ?? 'example');
    console.error(`${script}: --${name} needs a whole number ≥ ${min}, got ${text === undefined ? 'nothing' : `'${text}'`}`);
    process.exit(2);
  }
  return value;
}

/**
 * `value` as one word of a shell command, for the `reproduce:` lines: as it is when a shell would
 * read it unchanged (`demo-output/run-1`), else in single quotes (`'my runs/a'`), so the printed
 * command can be pasted back as it stands.
 */
export function shellWord(value: string): string {
  if (/^[\w@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
