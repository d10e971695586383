// examples/guides/linear-classifiers/svm-loss.ts
import { tensor, zeros } from '@tapegrad/tensor';
import { multiclassHinge } from '@tapegrad/losses';

// Scores of three images (rows) for the classes cat, car, frog (columns); image i is of class i.
const rows = [
  [3.2, 5.1, -1.7],
  [1.3, 4.9, 2.0],
  [2.2, 2.5, -3.1],
];
const labels = [0, 1, 2];
const scores = tensor(rows); // [N = 3, C = 3]

// L_i = Σ_{j≠y_i} max(0, s_j − s_{y_i} + Δ), by hand with plain numbers.
const delta = 1;
const byHand = rows.map((s, i) => s.reduce((sum, sj, j) => (j === labels[i] ? sum : sum + Math.max(0, sj - s[labels[i]] + delta)), 0));
console.log(`by hand:         ${byHand.map((l) => l.toFixed(2)).join(', ')}`);

const perImage = multiclassHinge(scores, labels, { reduction: 'none' }); // [3]
console.log(`multiclassHinge: ${perImage.toString()}`);
console.log(`mean over the batch: ${multiclassHinge(scores, labels).item().toFixed(2)}`);

// Δ only sets the scale: doubling every score and Δ doubles the loss, nothing else changes,
// so Δ = 1 is as good as any and λ alone decides how large W gets.
const doubled = multiclassHinge(scores.mul(2), labels, { margin: 2 }).item();
console.log(`scores × 2 with Δ = 2: ${doubled.toFixed(2)}`);

// All scores equal (what small random weights give): every wrong class costs Δ, so L = C − 1.
console.log(`all scores 0: ${multiclassHinge(zeros([3, 3]), labels).item()}`);
