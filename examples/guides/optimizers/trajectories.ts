// examples/guides/optimizers/trajectories.ts
import { tensor, type Tensor } from '@tapegrad/tensor';
import { AdaGrad, Adam, RMSProp, SGD } from '@tapegrad/optim';

// The bowl f(x, y) = ½(x² + 50y²): fifty times steeper along y than along x, like a narrow valley.
const f = (p: Tensor): Tensor => p.mul(p).mul(tensor([0.5, 25])).sum();
const start = [-1, 0.5];

const optimizers: [string, (p: Tensor) => SGD | AdaGrad | RMSProp | Adam][] = [
  ['SGD', (p) => new SGD([p], { lr: 0.025 })],
  ['Momentum', (p) => new SGD([p], { lr: 0.025, momentum: 0.5 })],
  ['Nesterov', (p) => new SGD([p], { lr: 0.025, momentum: 0.5, nesterov: true })],
  ['AdaGrad', (p) => new AdaGrad([p], { lr: 0.3 })],
  ['RMSProp', (p) => new RMSProp([p], { lr: 0.01 })],
  ['Adam', (p) => new Adam([p], { lr: 0.1 })],
];

console.log('optimizer  (x, y) after steps 1, 2, 3, …, 10                                          steps to |(x, y)| < 0.01');
for (const [name, make] of optimizers) {
  const p = tensor(start, { requiresGrad: true });
  const optimizer = make(p);
  const path: string[] = [];
  let arrived = 0;
  for (let step = 1; step <= 500 && arrived === 0; step++) {
    optimizer.zeroGrad();
    f(p).backward();
    optimizer.step();
    const [x, y] = p.data();
    if (step <= 10) path.push(`${x.toFixed(2)},${y.toFixed(2)}`);
    if (Math.hypot(x, y) < 0.01) arrived = step;
  }
  console.log(`${name.padEnd(9)}  ${path.slice(0, 4).join('  ')} …  ${path[9]}   ${arrived || '> 500'}`);
}
