// examples/guides/losses/mlp-error.ts
import { tensor } from '@tapegrad/tensor';
import { mse } from '@tapegrad/losses';

const prediction = tensor([0.8, 0.1, 0.3], { requiresGrad: true });
const target = tensor([1, 0, 0]);
const E = mse(prediction, target, { reduction: 'sum' }).mul(0.5); // ½ Σ_j e_j²
E.backward();
console.log(`E = ${E.item().toFixed(3)}`);
console.log(`∂E/∂prediction = ${prediction.grad!.toString()}`); // −e = prediction − target
