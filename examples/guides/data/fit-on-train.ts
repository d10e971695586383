// examples/guides/data/fit-on-train.ts
import { standardize, trainValTestSplit } from '@tapegrad/data';
import { loadIris } from '@tapegrad/data/node';
import type { Tensor } from '@tapegrad/tensor';

const { train, val, test } = trainValTestSplit(loadIris(), { train: 0.6, val: 0.2, test: 0.2 }, { seed: 0 });
const scaler = standardize().fit(train.x);
const xTrain = scaler.transform(train.x); // mean ≈ 0, std ≈ 1 per feature
const xVal = scaler.transform(val.x);     // train's mean and std, not val's
const xTest = scaler.transform(test.x);
const rounded = (t: Tensor) => Array.from(t.buffer, (v) => String(Math.round(v * 100) / 100)).join(', ');
for (const [name, x] of Object.entries({ xTrain, xVal, xTest })) {
  console.log(`${name}: mean per feature ${rounded(x.mean(0))}; std ${rounded(x.std(0))}`);
}
