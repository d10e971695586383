// examples/guides/optimizers/trajectory-plots.ts
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tensor, type Tensor } from '@tapegrad/tensor';
import { AdaGrad, Adam, RMSProp, SGD } from '@tapegrad/optim';
import { contourPath, type ContourPathOptions, stackSvg, type SurfacePath } from '@tapegrad/viz';

type Optimizers = [name: string, make: (p: Tensor) => { zeroGrad(): void; step(): void }][];

/** The points each optimizer visits while minimising `f` from `start`: one path per optimizer. */
function trajectories(f: (p: Tensor) => Tensor, start: [number, number], steps: number, optimizers: Optimizers): SurfacePath[] {
  return optimizers.map(([name, make]) => {
    const p = tensor(start, { requiresGrad: true });
    const optimizer = make(p);
    const points: [number, number][] = [start];
    for (let step = 0; step < steps; step++) {
      optimizer.zeroGrad();
      f(p).backward();
      optimizer.step();
      points.push([p.buffer[0], p.buffer[1]]);
    }
    return { name, points };
  });
}

// The valley ½(x² + 50y²) from (−1, 0.5) with the learning rates above, 60 steps.
const valley = trajectories((p) => p.mul(p).mul(tensor([0.5, 25])).sum(), [-1, 0.5], 60, [
  ['SGD', (p) => new SGD([p], { lr: 0.025 })],
  ['Momentum', (p) => new SGD([p], { lr: 0.025, momentum: 0.5 })],
  ['Nesterov', (p) => new SGD([p], { lr: 0.025, momentum: 0.5, nesterov: true })],
  ['AdaGrad', (p) => new AdaGrad([p], { lr: 0.3 })],
  ['RMSProp', (p) => new RMSProp([p], { lr: 0.01 })],
  ['Adam', (p) => new Adam([p], { lr: 0.1 })],
]);
// Rosenbrock's banana (1 − x)² + 100(y − x²)² from (−1.2, 1), 2,000 steps, with the settings of
// examples/optimizers.ts: its curved valley floor is nearly flat, its walls steep.
const rosenbrock = (p: Tensor) => {
  const [x, y] = [p.slice([0], [1]), p.slice([1], [2])];
  return x.neg().add(1).pow(2).add(y.sub(x.mul(x)).pow(2).mul(100)).sum();
};
const banana = trajectories(rosenbrock, [-1.2, 1], 2000, [
  ['SGD', (p) => new SGD([p], { lr: 1e-3 })],
  ['Momentum', (p) => new SGD([p], { lr: 1e-3, momentum: 0.9 })],
  ['Nesterov', (p) => new SGD([p], { lr: 1e-3, momentum: 0.9, nesterov: true })],
  ['AdaGrad', (p) => new AdaGrad([p], { lr: 0.5 })],
  ['RMSProp', (p) => new RMSProp([p], { lr: 1e-2 })],
  ['Adam', (p) => new Adam([p], { lr: 5e-2 })],
]);
for (const path of banana) {
  const [x, y] = path.points.at(-1)!;
  console.log(`${path.name.padEnd(9)} on Rosenbrock after 2000 steps: (${x.toFixed(3)}, ${y.toFixed(3)}), ${Math.hypot(x - 1, y - 1).toFixed(3)} from the minimum (1, 1)`);
}

// The pictures: one panel per optimizer over the same contour lines (on one surface the paths
// would hide each other along the valley floor they share), with a dot every `dotEvery` steps,
// so the dots' spacing shows each optimizer's pace. At 460 pixels wide each legend fits on one
// line, so the panels' axes line up.
function panels(f: (x: number, y: number) => number, paths: SurfacePath[], dotEvery: number, surface: ContourPathOptions): string {
  const panel = (path: SurfacePath) =>
    contourPath(f, { ...surface, paths: [{ ...path, dotEvery }], title: path.name, width: 460, height: 380 });
  return stackSvg(paths.map(panel), { columns: 3, title: `${surface.title}, a dot every ${dotEvery} steps` });
}
const pictures = {
  'optimizers-valley.svg': panels((x, y) => 0.5 * (x * x + 50 * y * y), valley, 5, {
    xRange: [-1.1, 0.3], yRange: [-0.6, 0.6], logLevels: true, levels: 10,
    marks: [{ name: 'minimum (0, 0)', at: [0, 0] }], title: '½(x² + 50y²) from (−1, 0.5), 60 steps',
  }),
  'optimizers-rosenbrock.svg': panels((x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2, banana, 100, {
    xRange: [-1.5, 1.5], yRange: [-0.5, 2], logLevels: true, levels: 14,
    marks: [{ name: 'minimum (1, 1)', at: [1, 1] }], title: 'Rosenbrock from (−1.2, 1), 2000 steps',
  }),
};

// `--out docs/images` writes the pictures this guide shows; without it nothing is written.
const out = process.argv[2] === '--out' ? process.argv[3] : undefined;
if (out !== undefined) {
  await mkdir(out, { recursive: true });
  for (const [file, svg] of Object.entries(pictures)) await writeFile(join(out, file), svg);
}
