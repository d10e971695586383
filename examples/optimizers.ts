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
 * DIR/trajectories.svg: SGD crawls along the valley floor, momentum overshoots across it.
 *
 *   npx tsx examples/optimizers.ts [--max-steps N] [--out DIR]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tensor, type Tensor } from '@tapegrad/tensor';
import { AdaGrad, Adam, RMSProp, SGD } from '@tapegrad/optim';
import { contourPath, type SurfacePath } from '@tapegrad/viz';
import { wholeNumberFlag } from './example-flags.js';

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
const optimizers: [string, (p: Tensor) => Optimizer][] = [
  ['SGD', (p) => new SGD([p], { lr: 1e-3 })],
  ['Momentum', (p) => new SGD([p], { lr: 1e-3, momentum: 0.9 })],
  ['Nesterov', (p) => new SGD([p], { lr: 1e-3, momentum: 0.9, nesterov: true })],
  ['AdaGrad', (p) => new AdaGrad([p], { lr: 0.5 })],
  ['RMSProp', (p) => new RMSProp([p], { lr: 1e-2 })],
  ['Adam', (p) => new Adam([p], { lr: 5e-2 })],
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

/**
 * Steps until each of `problem.done` first holds (Infinity if not within maxSteps). Every finite
 * point visited, the start first, is pushed onto `visited` when given.
 */
function stepsToTolerance(problem: Problem, make: (p: Tensor) => Optimizer, visited?: [number, number][]): Record<string, number> {
  const p = tensor(problem.start, { requiresGrad: true });
  visited?.push(problem.start);
  const optimizer = make(p);
  const reached: Record<string, number> = Object.fromEntries(Object.keys(problem.done).map((column) => [column, Infinity]));
  for (let step = 1; step <= maxSteps; step++) {
    optimizer.zeroGrad();
    problem.loss(p.slice([0], [1]), p.slice([1], [2])).sum().backward();
    optimizer.step();
    const [x, y] = p.data();
    if (Number.isFinite(x) && Number.isFinite(y)) visited?.push([x, y]);
    let pending = false;
    for (const [column, isDone] of Object.entries(problem.done)) {
      if (reached[column] === Infinity && isDone(x, y)) reached[column] = step;
      pending ||= reached[column] === Infinity;
    }
    // Diverged runs count as not converged; no need to keep stepping them.
    if (!pending || !Number.isFinite(x) || !Number.isFinite(y)) break;
  }
  return reached;
}

const columns = problems.flatMap((problem) => Object.keys(problem.done));
const [rosenbrock] = problems;
const rosenbrockPaths: SurfacePath[] = [];
const rows = optimizers.map(([name, make]) => {
  const steps = problems.flatMap((problem) => {
    const visited: [number, number][] | undefined = problem === rosenbrock ? [] : undefined;
    const reached = stepsToTolerance(problem, make, visited);
    if (visited !== undefined) rosenbrockPaths.push({ name, points: visited });
    return Object.values(reached);
  });
  return [name, ...steps] as const;
});
const cell = (steps: number | string): string => (typeof steps === 'string' ? steps : Number.isFinite(steps) ? String(steps) : `> ${maxSteps}`);
const widths = [10, ...columns.map((column) => Math.max(column.length, `> ${maxSteps}`.length))];
const line = (cells: string[]): string => cells.map((text, i) => (i === 0 ? text.padEnd(widths[i]) : text.padStart(widths[i]))).join('  ');

console.log(`Steps to tolerance (${tolerance}) from the same start; "> ${maxSteps}" = did not converge in ${maxSteps} steps`);
console.log(line(['optimizer', ...columns]));
for (const [name, ...steps] of rows) console.log(line([name, ...steps.map(cell)]));
console.log('settings: SGD/Momentum/Nesterov lr 1e-3 (ρ 0.9), AdaGrad lr 0.5, RMSProp lr 1e-2, Adam lr 5e-2 — PyTorch defaults otherwise');
if (out !== undefined) {
  // The picture evaluates the same loss the optimizers minimised, one grid point at a time.
  const f = (x: number, y: number): number => rosenbrock.loss(tensor([x]), tensor([y])).item();
  const svg = contourPath(f, {
    xRange: [-2, 2],
    yRange: [-1, 3],
    logLevels: true,
    levels: 12,
    resolution: 300, // fine enough for the narrow valley's lowest contours
    paths: rosenbrockPaths,
    marks: [{ name: 'minimum (1, 1)', at: [1, 1] }],
    title: `Rosenbrock (1 − x)² + 100(y − x²)² from (−1.2, 1), at most ${maxSteps} steps`,
  });
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'trajectories.svg'), svg);
  console.log(`wrote ${join(out, 'trajectories.svg')}`);
}
console.log(`reproduce: npx tsx examples/optimizers.ts --max-steps ${maxSteps}`);
