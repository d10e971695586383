// examples/guides/linear-classifiers/score-function.ts
import { concat, ones, tensor } from '@tapegrad/tensor';

// An "image" of 4 pixels, stretched into a row, and 3 classes: cat, dog, ship.
const x = tensor([[56, 231, 24, 2]]); //  [N = 1, D = 4]
const W = tensor([
  [0.2, 1.5, 0], //                        [D = 4, C = 3]: column j is class j's template
  [-0.5, 1.3, 0.25],
  [0.1, 2.1, 0.2],
  [2.0, 0.0, -0.3],
]);
const b = tensor([1.1, 3.2, -1.2]); //     [C = 3]

// f(x; W, b) = x·W + b: one score per class.
const scores = x.matmul(W).add(b);
console.log(`scores (cat, dog, ship): ${scores.toString()}`);

// The bias trick: append a constant 1 to x and the row b to W; one matrix product does both.
const xWithOne = concat([x, ones([1, 1])], 1); //  [1, 5]
const WWithBias = concat([W, b.unsqueeze(0)], 0); // [5, 3]
console.log(`with the bias trick:     ${xWithOne.matmul(WWithBias).toString()}`);
