// examples/guides/backprop/fork.ts
import { tensor } from '@tapegrad/tensor';
import { explainBackward } from '@tapegrad/viz';

// x is used twice, in x·y and in the sum: f = x·y + x, so ∂f/∂x = y + 1.
const x = tensor(-2, { requiresGrad: true, label: 'x' });
const y = tensor(5, { requiresGrad: true, label: 'y' });
const f = x.mul(y).add(x);

const explanation = explainBackward(f);
for (const step of explanation.steps) {
  for (const input of step.inputs.filter((input) => input.summed)) {
    const [previous, grad, total] = [input.previous!, input.grad!, input.total!].map((t) => t.item());
    console.log(`${step.op} sends x ${grad}; x already had ${previous} from the add, so x's gradient is ${previous} + ${grad} = ${total}`);
  }
}
f.backward();
console.log(`x.grad = ${x.grad!.item()} = y + 1`);
