// examples/guides/optimizers/formulas.ts
import { tensor, type Tensor } from '@tapegrad/tensor';
import { AdaGrad, Adam, RMSProp, SGD } from '@tapegrad/optim';

// f(x, y) = ½(x² + 10y²): a bowl ten times steeper along y. Its gradient is (x, 10y).
const loss = (p: Tensor): Tensor => p.mul(p).mul(tensor([0.5, 5])).sum();
const gradient = ([x, y]: number[]): number[] => [x, 10 * y];
const start = [1, 1];
const steps = 5;

/** The course notes' loop for one optimizer, on plain numbers: `update(x, dx, t)` changes x in place. */
type Update = (x: number[], dx: number[], t: number) => void;
const [lr, rho, decay, beta1, beta2, eps] = [0.05, 0.9, 0.99, 0.9, 0.999, 1e-7];
const courseLoops: Record<string, () => Update> = {
  SGD: () => (x, dx) => x.forEach((_, i) => (x[i] -= lr * dx[i])),
  Momentum: () => {
    const v = [0, 0];
    return (x, dx) => x.forEach((_, i) => { v[i] = rho * v[i] + dx[i]; x[i] -= lr * v[i]; });
  },
  Nesterov: () => {
    // The notes' change of variables: v ← ρv − α∇f(x̃), x̃ ← x̃ − ρ·v_old + (1 + ρ)·v.
    const v = [0, 0];
    return (x, dx) => x.forEach((_, i) => { const old = v[i]; v[i] = rho * v[i] - lr * dx[i]; x[i] += -rho * old + (1 + rho) * v[i]; });
  },
  AdaGrad: () => {
    const gradSquared = [0, 0];
    return (x, dx) => x.forEach((_, i) => { gradSquared[i] += dx[i] * dx[i]; x[i] -= (lr * dx[i]) / (Math.sqrt(gradSquared[i]) + eps); });
  },
  RMSProp: () => {
    const gradSquared = [0, 0];
    return (x, dx) => x.forEach((_, i) => {
      gradSquared[i] = decay * gradSquared[i] + (1 - decay) * dx[i] * dx[i];
      x[i] -= (lr * dx[i]) / (Math.sqrt(gradSquared[i]) + eps);
    });
  },
  Adam: () => {
    const [firstMoment, secondMoment] = [[0, 0], [0, 0]];
    return (x, dx, t) => x.forEach((_, i) => {
      firstMoment[i] = beta1 * firstMoment[i] + (1 - beta1) * dx[i];
      secondMoment[i] = beta2 * secondMoment[i] + (1 - beta2) * dx[i] * dx[i];
      const firstUnbias = firstMoment[i] / (1 - beta1 ** t);
      const secondUnbias = secondMoment[i] / (1 - beta2 ** t);
      x[i] -= (lr * firstUnbias) / (Math.sqrt(secondUnbias) + eps);
    });
  },
};

// The same rules from @tapegrad/optim (ε = 1e-7 as in the notes' loops; the classes default to PyTorch's).
const classes: Record<string, (p: Tensor) => SGD | AdaGrad | RMSProp | Adam> = {
  SGD: (p) => new SGD([p], { lr }),
  Momentum: (p) => new SGD([p], { lr, momentum: rho }),
  Nesterov: (p) => new SGD([p], { lr, momentum: rho, nesterov: true }),
  AdaGrad: (p) => new AdaGrad([p], { lr, eps }),
  RMSProp: (p) => new RMSProp([p], { lr, alpha: decay, eps }),
  Adam: (p) => new Adam([p], { lr, betas: [beta1, beta2], eps }),
};

for (const name of Object.keys(courseLoops)) {
  const x = [...start];
  const update = courseLoops[name]();
  for (let t = 1; t <= steps; t++) update(x, gradient(x), t);

  const p = tensor(start, { requiresGrad: true });
  const optimizer = classes[name](p);
  for (let t = 1; t <= steps; t++) {
    optimizer.zeroGrad();
    loss(p).backward();
    optimizer.step();
  }
  const fromClass = [...p.data()];
  const agree = fromClass.every((value, i) => Math.abs(value - x[i]) <= 1e-12 * Math.max(1, Math.abs(x[i])));
  console.log(`${name.padEnd(8)} after ${steps} steps: notes' loop (${x.map((v) => v.toFixed(6)).join(', ')}), class (${fromClass.map((v) => v.toFixed(6)).join(', ')}), agree: ${agree}`);
}
