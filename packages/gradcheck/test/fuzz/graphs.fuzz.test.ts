/**
 * Fuzzed graphs (issue 9): random programs of 10–200 ops drawn from the whole registry — chains
 * and DAGs with forks and diamonds, broadcasting, reshapes, reductions and deliberate misuses —
 * each checked for
 *   (a) gradcheck in float64 agreeing for every leaf (kinks are reported apart and counted),
 *   (b) no throw but the documented errors, which the misuses must throw,
 *   (c) `tape(y)` listing exactly the primitives that ran, as an independent recorder saw them.
 *
 * How: program-arb.ts draws leaves and one seed per op; builder.ts turns them into steps, with
 * one recipe per registry op (recipes/) choosing operands from the pool of values and fitting
 * shapes and domains; evaluate.ts runs a program for gradcheck; checked-run.ts, tape-check.ts
 * and backward-check.ts run it once more under recorder.ts, an independent log of the primitives
 * that ran; nonsmooth.ts tells a wrong gradient from a point where the program has none.
 *
 * FUZZ_RUNS sets the number of programs (default 400, about 10 s; nightly: `FUZZ_RUNS=10000
 * pnpm test:fuzz`). FUZZ_SEED and FUZZ_PATH, printed on a failure, replay the shrunk program.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listOps } from '@tapegrad/tensor';
import { checkProgram } from './check-program.js';
import { programArb } from './program-arb.js';
import { RECIPES } from './recipes/index.js';
import { FuzzSummary } from './summary.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const PATH = process.env.FUZZ_PATH;
/** Generous per program (a few hundred ms at worst on a busy 2-core machine), so the limit scales with the runs. */
const TIMEOUT_MS = 60_000 + RUNS * 400;

describe('fuzzed graphs', () => {
  it('have a recipe for every registered op', () => {
    const missing = listOps()
      .map((op) => op.name)
      .filter((name) => RECIPES.get(name)?.build === undefined);
    expect(missing, 'add a recipe in test/fuzz/recipes/ for each of these ops').toEqual([]);
  });

  it(
    `pass gradcheck, throw only documented errors and tape exactly what ran (${RUNS} programs)`,
    () => {
      const summary = new FuzzSummary();
      const details = fc.check(
        fc.property(programArb(), (program) => checkProgram(program, summary)),
        { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), ...(PATH === undefined ? {} : { path: PATH }) },
      );
      if (details.failed) {
        const replay = `FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath} npx -y pnpm@10 test:fuzz`;
        const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        throw new Error(`${fc.defaultReportMessage(details)}\n\n${error}\n\nReplay the shrunk program with: ${replay}`, {
          cause: details.errorInstance,
        });
      }
      console.log(summary.toString());
      if (RUNS >= 200 && PATH === undefined) {
        expect(summary.undrawn(listOps().map((op) => op.name)), 'ops never drawn in this run').toEqual([]);
      }
    },
    TIMEOUT_MS,
  );
});
