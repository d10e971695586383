// examples/guides/gradcheck/rel-error.ts
import { tensor } from '@tapegrad/tensor';
import { relError } from '@tapegrad/gradcheck';

console.log(relError(1, 1.01).toFixed(4));
console.log(relError(0, 0));
console.log(relError(tensor([1, 2]), tensor([1, 2.1])).toFixed(4)); // the largest entry's error
