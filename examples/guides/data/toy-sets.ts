// examples/guides/data/toy-sets.ts
import { blobs, moons, spiral } from '@tapegrad/data';

const sets = {
  spiral: spiral({ pointsPerClass: 100, classes: 3, seed: 0 }),  // the course notes' spiral
  moons: moons({ n: 200, noise: 0.1, seed: 0 }),                 // scikit-learn's make_moons
  blobs: blobs({ n: 300, centers: 3, std: 1, features: 2, seed: 0 }), // make_blobs; also returns .centers
};
for (const [name, { x, y }] of Object.entries(sets)) {
  console.log(`${name}: x ${JSON.stringify(x.shape)} ${x.dtype}, y ${JSON.stringify(y.shape)} ${y.dtype}`);
}
