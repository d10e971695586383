// examples/guides/tensors/axes.ts
import { arange } from '@tapegrad/tensor';

const a = arange(12).reshape([3, 4]);
console.log('a =', a.toString());
console.log('a.sum(0) =', a.sum(0).toString());      // down each column (axis 0, the rows, is summed away)
console.log('a.sum(1) =', a.sum(1).toString());      // along each row
console.log('a.sum(-1) =', a.sum(-1).toString());    // negative axes count from the end: the same as axis 1
console.log('a.sum(1, true).shape =', JSON.stringify(a.sum(1, true).shape)); // keepdims: ready to broadcast against a
console.log('a.sum([0, 1]) =', a.sum([0, 1]).toString()); // several axes at once
