/**
 * Runs every example as a user would (`npx tsx examples/<name>.ts`) so none can rot, and checks
 * the numbers each one promises.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

function run(name: string, ...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', join(here, name), ...args], { cwd: here, encoding: 'utf8' });
}

describe('examples', () => {
  it('demo trains the spiral net to at least 95 % accuracy with a falling loss', () => {
    const out = run('demo.ts');
    const losses = [...out.matchAll(/loss (\d+\.\d+)/g)].map((m) => Number(m[1]));
    expect(losses.length).toBeGreaterThan(5);
    expect(losses[losses.length - 1]).toBeLessThan(losses[0] / 2);
    const accuracy = Number(/training accuracy (\d+\.\d) %/.exec(out)![1]);
    expect(accuracy).toBeGreaterThanOrEqual(95);
  });

  it('axes prints the course notes’ axis sums', () => {
    const out = run('axes.ts');
    expect(out).toContain('a.sum(0) = tensor([12, 15, 18, 21], dtype=int32)');
    expect(out).toContain('a.sum(1) = tensor([ 6, 22, 38], dtype=int32)');
  });

  it('ten-lines prints a loss and the two gradients', () => {
    const out = run('ten-lines.ts');
    expect(out).toMatch(/^0\.\d+ tensor\(\[\[/);
    expect(out.match(/tensor\(/g)).toHaveLength(2);
  });

  it('tape-overhead reports both figures', () => {
    const out = run('tape-overhead.ts');
    expect(out).toMatch(/1,000-op chain on 16 elements, forward \+ backward: \d+\.\d+ µs\/op/);
    expect(out).toMatch(/1,000,000-op scalar graph, build \+ backward: \d+\.\d+ µs\/op/);
  });

  it('gradcheck-custom-op passes the correct op and catches the broken one with a hint', () => {
    const out = run('gradcheck-custom-op.ts');
    expect(out).toContain('gradcheck ok');
    expect(out).toContain('hint: analytic ≈ 1.5 × numerical');
  });

  it('every other example runs to completion', () => {
    const checked = new Set(['demo.ts', 'axes.ts', 'ten-lines.ts', 'tape-overhead.ts', 'spiral-data.ts', 'gradcheck-custom-op.ts']);
    const rest = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('vitest') && !checked.has(f));
    for (const name of rest) expect(() => run(name), name).not.toThrow();
  });
});
