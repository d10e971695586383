/**
 * Runs every example as a user would (`npx tsx examples/<name>.ts`) so none can rot, and checks
 * the numbers each one promises.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { shellWord } from './example-flags.js';
import { runExample as run } from './test-support/run-example.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('examples', () => {
  it('axes prints the course notes’ axis sums', () => {
    const out = run('axes.ts');
    expect(out).toContain('a.sum(0) = tensor([12, 15, 18, 21], dtype=int32)');
    expect(out).toContain('a.sum(1) = tensor([ 6, 22, 38], dtype=int32)');
  });

  it('tape-overhead reports its three figures', () => {
    const out = run('tape-overhead.ts', '--quick');
    expect(out).toMatch(/1,000-op chain on 16 elements, forward \+ backward: \d+\.\d+ µs\/op/);
    expect(out).toMatch(/scalar MLP 8-16-16-1 over 12 samples, build \+ backward: \d+\.\d+ µs\/op/);
    expect(out).toMatch(/1,000,000-op scalar graph, build \+ backward: \d+\.\d+ µs\/op/);
  });

  it('gradcheck-custom-op passes the correct op and catches the broken one with a hint', () => {
    const out = run('gradcheck-custom-op.ts');
    expect(out).toContain('gradcheck ok');
    expect(out).toContain('hint: analytic ≈ 1.5 × numerical');
  });

  it('optimizers shows momentum escaping the saddle sooner and AdaGrad/RMSProp evening out the bowl’s axes', () => {
    // --max-steps 5000 keeps it quick; the runs the claims rest on all finish well within it.
    const out = run('optimizers.ts', '--max-steps', '5000');
    const steps = (name: string): number[] =>
      new RegExp(`^${name} +(.*)$`, 'm').exec(out)![1].trim().split(/ {2,}/).map((cell) => (cell.startsWith('>') ? Infinity : Number(cell)));
    // columns: Rosenbrock, saddle escape, bowl, flat axis x, steep axis y
    const [sgd, momentum, adaGrad, rmsProp] = ['SGD', 'Momentum', 'AdaGrad', 'RMSProp'].map(steps);
    expect(momentum[1]).toBeLessThan(sgd[1] / 4);
    expect(sgd[3] / sgd[4]).toBeGreaterThan(50);
    for (const adaptive of [adaGrad, rmsProp]) expect(adaptive[3] / adaptive[4]).toBeLessThan(2);
    expect(out).toContain('reproduce: npx tsx examples/optimizers.ts --max-steps 5000\n'); // no --out given, none repeated
  });

  it('custom-layer-gradcheck passes the GLU, catches the broken gate and trains with it', () => {
    const out = run('custom-layer-gradcheck.ts', '--steps', '300');
    expect(out).toMatch(/^glu: gradcheck ok/m);
    expect(out).toContain('broken glu: ok = false');
    expect(out).toMatch(/input 1 \(b\) \[4,5\] float64: 20 of 20 entries outside/);
    expect(out).toMatch(/^GatedLinear: gradcheck ok/m);
    const accuracy = Number(/training accuracy (\d+\.\d) %/.exec(out)![1]);
    expect(accuracy).toBeGreaterThanOrEqual(95);
  });

  it('training-loop trains a Sequential with SGD and softmax cross-entropy', () => {
    const out = run('training-loop.ts', '--epochs', '200');
    const losses = [...out.matchAll(/loss (\d+\.\d+)/g)].map((m) => Number(m[1]));
    expect(losses[losses.length - 1]).toBeLessThan(losses[0] / 2);
    expect(Number(/training accuracy (\d+\.\d) %/.exec(out)![1])).toBeGreaterThanOrEqual(95);
  });

  it('writes a flag value back into a reproduce line as one shell word, quoting only where a shell would split it', () => {
    expect(shellWord('demo-output/run-1')).toBe('demo-output/run-1');
    expect(shellWord('/tmp/tapegrad-x1Y2/out')).toBe('/tmp/tapegrad-x1Y2/out');
    expect(shellWord('my runs/a')).toBe("'my runs/a'");
    expect(shellWord("it's")).toBe(`'it'\\''s'`);
    expect(shellWord('')).toBe("''");
    // What sh reads back is the value itself.
    for (const value of ['my runs/a', "it's", '$HOME', 'a;b']) {
      expect(spawnSync('sh', ['-c', `printf %s ${shellWord(value)}`], { encoding: 'utf8' }).stdout).toBe(value);
    }
  });

  it('a bad flag value ends an example with exit code 2 and one line naming the flag', () => {
    for (const [name, args, message] of [
      ['training-loop.ts', ['--epochs', 'abc'], "training-loop.ts: --epochs needs a whole number ≥ 1, got 'abc'"],
      ['mnist-mlp.ts', ['--epochs'], 'mnist-mlp.ts: --epochs needs a whole number ≥ 1, got nothing'],
      ['optimizers.ts', ['--max-steps', '0'], "optimizers.ts: --max-steps needs a whole number ≥ 1, got '0'"],
    ] as const) {
      const child = spawnSync(process.execPath, ['--import', 'tsx', join(here, name), ...args], { cwd: here, encoding: 'utf8' });
      expect(child.status, name).toBe(2);
      expect(child.stderr.trim()).toBe(message);
      expect(child.stdout).toBe('');
    }
  });

  it('every examples/*.ts is an example a test runs or a module the examples import; test helpers live in test-support/', () => {
    // The README says any examples/<name>.ts runs with `npx tsx`: so each must be named in some
    // examples/*.test.ts (run as a user would), or be a module ('./<name>.js') that an example
    // imports (mnist-models.ts, example-flags.ts). A helper only the tests import runs nothing
    // when run itself, so it belongs in examples/test-support/ (typechecked all the same).
    // (examples/guides/** are the guides' files; guides.test.ts runs those. vitest.config.ts is
    // the test runner's.)
    const files = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.startsWith('vitest'));
    const tests = files.filter((f) => f.endsWith('.test.ts')).map((f) => readFileSync(join(here, f), 'utf8'));
    const examples = files.filter((f) => !f.endsWith('.test.ts'));
    const exampleSources = examples.map((f) => readFileSync(join(here, f), 'utf8'));
    const unrun = examples
      .filter((f) => !tests.some((text) => text.includes(`'${f}'`)))
      .filter((f) => !exampleSources.some((text) => text.includes(`'./${f.replace(/\.ts$/, '.js')}'`)));
    expect(unrun, 'add a test that runs these examples (see examples/test-support/run-example.ts), or move test-only helpers to examples/test-support/').toEqual([]);
    // And the helpers there are the tests' own: no example reaches into test-support/.
    expect(exampleSources.filter((text) => text.includes('./test-support/')), 'examples must not import test helpers').toEqual([]);
    expect(readdirSync(join(here, 'test-support')).filter((f) => f.endsWith('.test.ts')), 'test-support/ holds helpers, not tests').toEqual([]);
  });
});
