// examples/guides/data/transform-before-fit.ts
import { standardize } from '@tapegrad/data';
import { tensor } from '@tapegrad/tensor';

try {
  standardize().transform(tensor([[1, 2], [3, 4]]));
} catch (error) {
  console.log((error as Error).message);
}
