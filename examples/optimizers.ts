/**
 * SGD, Momentum, Nesterov, AdaGrad, RMSProp and Adam from `@tapegrad/optim` on three 2-D
 * problems, each optimizer from the same start with the same settings on every problem:
 *
 * - Rosenbrock's banana (1 − x)² + 100(y − x²)², from (−1.2, 1): steps until within 0.01 of (1, 1);
 * - the saddle x² − y², from (1, 0.001), just off the saddle point: steps until f < −1 (escaped);
 * - the ill-conditioned bowl ½(x² + 100y²), from (1, 1): steps until within 0.01 of the origin,
 *   and separately for the flat axis x and the steep axis y.
 *
 * What the course notes claim shows in the table: momentum escapes the saddle far sooner than
 * plain SGD (velocity builds up along the tiny gradient), and AdaGrad/RMSProp (and Adam) divide
 * each coordinate by its own gradient scale, so the flat and steep axes of the bowl finish
 * together while SGD's flat axis lags far behind its steep one. RMSProp at a constant lr keeps
 * taking steps of about lr near the minimum, so it circles Rosenbrock's optimum without settling
 * within the tolerance: decay its lr with a scheduler to finish.
 *
 * With --out DIR, the six paths over Rosenbrock's banana are drawn on its contour lines in
 * DIR/trajectories.svg, one panel per optimizer (six paths in one picture hide each other: they
 * all end up on the same valley floor), each with its settings in the legend and its step count
 * in the title, and a dot every 100 steps: SGD's dots crowd along the valley floor where it crawls, momentum
 * overshoots across the valley, and Adam and RMSProp, which scale each coordinate's step by its
 * own gradient size, set off diagonally; RMSProp's dots pile up where it circles the minimum.
 * A run that diverges is drawn up to its last finite point and its panel says so.
 *
 *   npx tsx examples/optimizers.ts [--max-steps N] [--out DIR]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tensor, type Tensor } from '@tapegrad/tensor';
import { AdaGrad, Adam, RMSProp, SGD } from '@tapegrad/optim';
import { contourPath, stackSvg } from '@tapegrad/viz';
import { shellWord, wholeNumberFlag } from './example-flags.js';

const maxSteps = wholeNumberFlag('max-steps', 20000);
const outAt = process.argv.indexOf('--out');
const out = outAt < 0 ? undefined : process.argv[outAt + 1];
if (outAt >= 0 && (out === undefined || out.startsWith('--'))) {
  console.error('optimizers.ts: --out needs a folder, e.g. --out demo-output/optimizers');
  process.exit(2);
}

interface Optimizer {
  step(): void;
  zeroGrad(): void;
}
/** Each optimizer: its name, its settings as the plot's panel states them, and how to make it. */
const optimizers: [name: string, settings: string, make: (p: Tensor) => Optimizer][] = [
  ['SGD', 'lr 1e-3', (p) => new SGD([p], { lr: 1e-3 })],
  ['Momentum', 'lr 1e-3, ρ 0.9', (p) => new SGD([p], { lr: 1e-3, momentum: 0.9 })],
  ['Nesterov', 'lr 1e-3, ρ 0.9', (p) => new SGD([p], { lr: 1e-3, momentum: 0.9, nesterov: true })],
  ['AdaGrad', 'lr 0.5', (p) => new AdaGrad([p], { lr: 0.5 })],
  ['RMSProp', 'lr 1e-2', (p) => new RMSProp([p], { lr: 1e-2 })],
  ['Adam', 'lr 5e-2', (p) => new Adam([p], { lr: 5e-2 })],
];

/** A problem: a loss, a start, and when a point counts as done (one test per column). */
interface Problem {
  name: string;
  start: [number, number];
  loss: (x: Tensor, y: Tensor) => Tensor;
  done: Record<string, (x: number, y: number) => boolean>;
}
const tolerance = 0.01;
const problems: Problem[] = [
  {
    name: 'Rosenbrock',
    start: [-1.2, 1],
    loss: (x, y) => x.neg().add(1).pow(2).add(y.sub(x.mul(x)).pow(2).mul(100)),
    done: { 'Rosenbrock': (x, y) => Math.hypot(x - 1, y - 1) < tolerance },
  },
  {
    name: 'saddle',
    start: [1, 1e-3],
    loss: (x, y) => x.mul(x).sub(y.mul(y)),
    done: { 'saddle escape': (x, y) => x * x - y * y < -1 },
  },
  {
    name: 'ill-conditioned',
    start: [1, 1],
    loss: (x, y) => x.mul(x).add(y.mul(y).mul(100)).mul(0.5),
    done: {
      'bowl ½(x²+100y²)': (x, y) => Math.hypot(x, y) < tolerance,
      'flat axis x': (x) => Math.abs(x) < tolerance,
      'steep axis y': (_x, y) => Math.abs(y) < tolerance,
    },
  },
];

/** Steps until each of `problem.done` first held (Infinity if not), and the step the run diverged at, if it did. */
interface Run {
  reached: Record<string, number>;
  divergedAt?: number;
}

/**
 * Runs `problem` until every column of `problem.done` holds, the run diverges (a NaN or infinite
 * coordinate: no need to keep stepping), or maxSteps. Every finite point visited, the start
 * first, is pushed onto `visited` when given.
 */
function stepsToTolerance(problem: Problem, make: (p: Tensor) => Optimizer, visited?: [number, number][]): Run {
  const p = tensor(problem.start, { requiresGrad: true });
  visited?.push(problem.start);
  const optimizer = make(p);
  const reached: Record<string, number> = Object.fromEntries(Object.keys(problem.done).map((column) => [column, Infinity]));
  for (let step = 1; step <= maxSteps; step++) {
    optimizer.zeroGrad();
    problem.loss(p.slice([0], [1]), p.slice([1], [2])).sum().backward();
    optimizer.step();
    const [x, y] = p.data();
    if (!Number.isFinite(x) || !Number.isFinite(y)) return { reached, divergedAt: step };
    visited?.push([x, y]);
    let pending = false;
    for (const [column, isDone] of Object.entries(problem.done)) {
      if (reached[column] === Infinity && isDone(x, y)) reached[column] = step;
      pending ||= reached[column] === Infinity;
    }
    if (!pending) break;
  }
  return { reached };
}

const columns = problems.flatMap((problem) => Object.keys(problem.done));
const [rosenbrock] = problems;
/** Each optimizer's path over Rosenbrock's banana, and how its run there ended. */
const rosenbrockRuns: { name: string; settings: string; points: [number, number][]; run: Run }[] = [];
const rows = optimizers.map(([name, settings, make]) => {
  const steps = problems.flatMap((problem) => {
    const points: [number, number][] = [];
    const run = stepsToTolerance(problem, make, problem === rosenbrock ? points : undefined);
    if (problem === rosenbrock) rosenbrockRuns.push({ name, settings, points, run });
    // A diverged run counts as not converged in the table; its cells say why.
    return Object.values(run.reached).map((reached) => (reached === Infinity && run.divergedAt !== undefined ? 'diverged' : reached));
  });
  return [name, ...steps] as const;
});
const cell = (steps: number | string): string => (typeof steps === 'string' ? steps : Number.isFinite(steps) ? String(steps) : `> ${maxSteps}`);
const widths = [10, ...columns.map((column) => Math.max(column.length, `> ${maxSteps}`.length))];
const line = (cells: string[]): string => cells.map((text, i) => (i === 0 ? text.padEnd(widths[i]) : text.padStart(widths[i]))).join('  ');

console.log(`Steps to tolerance (${tolerance}) from the same start; "> ${maxSteps}" = did not converge in ${maxSteps} steps, "diverged" = went to NaN or ±Infinity`);
console.log(line(['optimizer', ...columns]));
for (const [name, ...steps] of rows) console.log(line([name, ...steps.map(cell)]));
console.log(`settings: ${optimizers.map(([name, settings]) => `${name} ${settings}`).join('; ')} — PyTorch defaults otherwise`);
if (out !== undefined) {
  // One panel per optimizer over the same contours: drawn in one picture, the later paths would
  // cover the earlier ones along the valley floor they share (SGD's entirely). The contours are
  // of the same loss the optimizers minimised, evaluated once per grid point for all six panels.
  const samples = new Map<string, number>();
  const f = (x: number, y: number): number => {
    const key = `${x} ${y}`;
    if (!samples.has(key)) samples.set(key, rosenbrock.loss(tensor([x]), tensor([y])).item());
    return samples.get(key)!;
  };
  const dotEvery = 100;
  const panels = rosenbrockRuns.map(({ name, settings, points, run }) => {
    const steps = run.reached.Rosenbrock;
    const outcome = Number.isFinite(steps) ? `${steps} steps to (1, 1)` : run.divergedAt !== undefined ? `diverged at step ${run.divergedAt}` : `not at (1, 1) after ${maxSteps} steps`;
    return contourPath(f, {
      xRange: [-1.5, 1.5],
      yRange: [-0.5, 2],
      logLevels: true,
      levels: 12,
      paths: [{ name: `${name}, ${settings}`, points, dotEvery }],
      marks: [{ name: 'minimum (1, 1)', at: [1, 1] }],
      title: `${name}: ${outcome}`,
      width: 430,
      height: 380,
    });
  });
  const svg = stackSvg(panels, {
    columns: 3,
    title: `Rosenbrock (1 − x)² + 100(y − x²)² from (−1.2, 1): steps to within ${tolerance} of (1, 1), a dot every ${dotEvery} steps`,
  });
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'trajectories.svg'), svg);
  console.log(`wrote ${join(out, 'trajectories.svg')}`);
}
console.log(`reproduce: npx tsx examples/optimizers.ts --max-steps ${maxSteps}${out === undefined ? '' : ` --out ${shellWord(out)}`}`);
