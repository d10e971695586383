// examples/guides/gradcheck/centered-vs-forward.ts
import { tensor } from '@tapegrad/tensor';
import { relError } from '@tapegrad/gradcheck';

// The analytic derivative of σ at x = 1, from backward: σ(1)(1 − σ(1)).
const x = tensor(1, { requiresGrad: true });
x.sigmoid().backward();
const analytic = x.grad!.item();

// Two numerical derivatives, in plain float64 numbers.
const sigma = (v: number): number => 1 / (1 + Math.exp(-v));
const forward = (h: number): number => (sigma(1 + h) - sigma(1)) / h; //            the definition of df/dx
const centered = (h: number): number => (sigma(1 + h) - sigma(1 - h)) / (2 * h); // the course's choice

console.log(`analytic ${analytic.toFixed(12)}; relative error of each numerical derivative:`);
console.log('h        forward  centered');
for (const h of [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-8, 1e-10, 1e-12]) {
  const errors = [forward(h), centered(h)].map((numerical) => relError(numerical, analytic).toExponential(0).padStart(8));
  console.log(`${h.toExponential(0).padEnd(7)} ${errors.join(' ')}`);
}
