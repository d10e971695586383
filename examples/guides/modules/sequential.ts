// examples/guides/modules/sequential.ts
import { Linear, ReLU, Sequential } from '@tapegrad/nn';
import { manualSeed, randn } from '@tapegrad/tensor';

manualSeed(0); // the same seed builds the same weights on every machine
const model = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
const logits = model.forward(randn([64, 784]));
console.log(`logits [${logits.shape}]`);
console.log(String(model));
