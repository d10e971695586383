// examples/guides/optimizers/momentum-forms.ts
import { tensor } from '@tapegrad/tensor';
import { SGD } from '@tapegrad/optim';

// The bowl ½(x² + 10y²) of the formulas above: gradient (x, 10y), from (1, 1), five steps.
const gradient = ([x, y]: number[]): number[] => [x, 10 * y];
const [lr, rho, steps] = [0.05, 0.9, 5];

/** Runs `update` (which changes the point x and the velocity v in place) `steps` times from x = (1, 1), v = 0. */
function run(update: (x: number[], v: number[]) => void): { x: number[]; v: number[] } {
  const [x, v] = [[1, 1], [0, 0]];
  for (let t = 0; t < steps; t++) update(x, v);
  return { x, v };
}
const show = (point: number[]): string => `(${point.map((c) => c.toFixed(6)).join(', ')})`;

// Momentum as the notes write it: v ← ρv + ∇f(x), x ← x − αv.
const notes = run((x, v) => gradient(x).forEach((g, i) => { v[i] = rho * v[i] + g; x[i] -= lr * v[i]; }));
// The other common form: v ← ρv − α∇f(x), x ← x + v. Its v is −α times the notes' v.
const other = run((x, v) => gradient(x).forEach((g, i) => { v[i] = rho * v[i] - lr * g; x[i] += v[i]; }));
// Nesterov as the notes first write it, with the gradient at the look-ahead point x + ρv:
// v ← ρv − α∇f(x + ρv), x ← x + v.
const lookAhead = run((x, v) => {
  const g = gradient(x.map((xi, i) => xi + rho * v[i]));
  g.forEach((gi, i) => { v[i] = rho * v[i] - lr * gi; x[i] += v[i]; });
});

/** The point the SGD class reaches after the same five steps. */
function sgd(nesterov: boolean): number[] {
  const p = tensor([1, 1], { requiresGrad: true });
  const optimizer = new SGD([p], { lr, momentum: rho, nesterov });
  for (let t = 0; t < steps; t++) {
    optimizer.zeroGrad();
    p.mul(p).mul(tensor([0.5, 5])).sum().backward();
    optimizer.step();
  }
  return [...p.data()];
}

console.log(`notes' momentum          x ${show(notes.x)}`);
console.log(`v ← ρv − α∇f, x ← x + v  x ${show(other.x)}`);
console.log(`SGD momentum 0.9         x ${show(sgd(false))}`);
// The class keeps the look-ahead point x̃ = x + ρv as its parameter (the notes' change of
// variables), so it needs one gradient per step, at its own parameter.
console.log(`Nesterov, look-ahead     x ${show(lookAhead.x)}, x + ρv ${show(lookAhead.x.map((xi, i) => xi + rho * lookAhead.v[i]))}`);
console.log(`SGD nesterov             x ${show(sgd(true))}`);
