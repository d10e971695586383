// examples/guides/autograd/detect-anomaly.ts
import { detectAnomaly, tensor } from '@tapegrad/tensor';

function train(): void {
  const x = tensor([0, 1, 4], { requiresGrad: true, label: 'x' });
  x.sqrt().sum().backward(); // d√x/dx = 1/(2√x) is Infinity at 0
}

try {
  detectAnomaly(train);
} catch (error) {
  // The first two lines: what went wrong, and your line that created the op (the rest of the
  // stack is the caller's; the folder depends on where this file lives).
  const [what, where] = (error as Error).message.split('\n');
  console.log(what);
  console.log(where.replace(import.meta.dirname, '.'));
}
