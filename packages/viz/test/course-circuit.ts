import { add, mul, tensor, type Tensor } from '@tapegrad/tensor';

/** The course's circuit f = (x + y)·z at x = −2, y = 5, z = −4, with q = x + y; q and f keep their gradients. */
export function courseCircuit(): { x: Tensor; y: Tensor; z: Tensor; q: Tensor; f: Tensor } {
  const x = tensor(-2, { requiresGrad: true, label: 'x' });
  const y = tensor(5, { requiresGrad: true, label: 'y' });
  const z = tensor(-4, { requiresGrad: true, label: 'z' });
  const q = add(x, y);
  q.label = 'q';
  const f = mul(q, z);
  f.label = 'f';
  return { x, y, z, q, f };
}
