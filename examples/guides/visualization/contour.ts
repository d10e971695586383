// examples/guides/visualization/contour.ts
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contourPath, type SurfacePath } from '@tapegrad/viz';

// A narrow bowl f = x² + 10y² and two ways down it from (−4, 1.5), in plain numbers.
const f = (x: number, y: number) => x * x + 10 * y * y;
const gradient = (x: number, y: number) => [2 * x, 20 * y];
function descend(name: string, lr: number, rho: number): SurfacePath {
  const points: [number, number][] = [[-4, 1.5]];
  let velocity = [0, 0];
  for (let step = 0; step < 40; step++) {
    const [x, y] = points.at(-1)!;
    velocity = gradient(x, y).map((g, i) => rho * velocity[i] + g); // the notes' v ← ρv + ∇f
    points.push([x - lr * velocity[0], y - lr * velocity[1]]);
  }
  return { name, points };
}
const paths = [descend('gradient descent, lr 0.09', 0.09, 0), descend('momentum ρ 0.5, lr 0.03', 0.03, 0.5)];
for (const { name, points } of paths) {
  const [x, y] = points.at(-1)!;
  console.log(`${name}: f ${f(-4, 1.5)} → ${f(x, y).toExponential(1)} in 40 steps`);
}

const svg = contourPath(f, {
  xRange: [-5, 5],
  yRange: [-2, 2],
  levels: [0.5, 2, 5, 10, 20, 30, 40],
  paths,
  marks: [{ name: 'minimum', at: [0, 0] }],
  title: 'f = x² + 10y²',
});

// `--out docs/images` writes the picture this guide shows; without it nothing is written.
const out = process.argv[2] === '--out' ? process.argv[3] : undefined;
if (out !== undefined) {
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'contour.svg'), svg);
}
