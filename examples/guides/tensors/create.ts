// examples/guides/tensors/create.ts
import { tensor, arange, randn, manualSeed } from '@tapegrad/tensor';

console.log(tensor([[1, 2], [3, 4]]).toString());                       // float64 [2,2]
console.log(tensor(new Float32Array(6), { shape: [2, 3] }).toString()); // the fast path: no copy
console.log(tensor([0, 2, 1], { dtype: 'int32' }).toString());          // labels
console.log(arange(12).reshape([3, 4]).toString());                     // int32, as numpy's arange of integers
manualSeed(0);
console.log(randn([2, 3]).toString());                                  // the same numbers on every machine
