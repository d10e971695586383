// examples/guides/modules/gradcheck-layer.ts
import { assertGradcheck } from '@tapegrad/gradcheck';
import { functionalCall, Linear } from '@tapegrad/nn';
import { manualSeed, randn } from '@tapegrad/tensor';

manualSeed(0);
const fc = new Linear(3, 2);
// Check the layer's gradient with respect to its input, its weight and its bias at once:
// functionalCall runs forward with the given weight and bias in place of the layer's own.
assertGradcheck(
  (x, weight, bias) => functionalCall(fc, { weight, bias }, x),
  [randn([4, 3]), randn([2, 3]), randn([2])],
);
console.log('Linear: analytic and numerical gradients agree for x, weight and bias');
