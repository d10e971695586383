/**
 * The MLP workload's training run in float64: k steps of 784-256(ReLU)-10, softmax cross-entropy
 * averaged over the batch, plain SGD. Returns the loss of every step (computed before its update),
 * which is what each library's run is checked against. `frozen` leaves some parameters out of
 * the update: the run of a library that forgets them, which the check must tell apart.
 */
import type { MlpInput } from '../library.js';
import { referenceMatmul, referenceMatmulTransA, referenceMatmulTransB } from './matmul.js';

export type MlpParameter = 'w1' | 'b1' | 'w2' | 'b2';

export function referenceMlpLosses(input: MlpInput, steps: number, frozen: readonly MlpParameter[] = []): number[] {
  const { batch, features, hidden, classes, learningRate, x, labels } = input;
  const w1 = Float64Array.from(input.w1);
  const b1 = Float64Array.from(input.b1);
  const w2 = Float64Array.from(input.w2);
  const b2 = Float64Array.from(input.b2);
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
    const h = referenceMatmul(x, w1, batch, features, hidden);
    for (let i = 0; i < h.length; i++) h[i] = Math.max(0, h[i] + b1[i % hidden]);
    const logits = referenceMatmul(h, w2, batch, hidden, classes);
    // dLogits = (softmax − onehot) / batch; loss = mean of logsumexp − logit[label].
    const dLogits = new Float64Array(batch * classes);
    let loss = 0;
    for (let r = 0; r < batch; r++) {
      let max = -Infinity;
      for (let c = 0; c < classes; c++) {
        logits[r * classes + c] += b2[c];
        max = Math.max(max, logits[r * classes + c]);
      }
      let total = 0;
      for (let c = 0; c < classes; c++) total += Math.exp(logits[r * classes + c] - max);
      const logTotal = Math.log(total) + max;
      loss += logTotal - logits[r * classes + labels[r]];
      for (let c = 0; c < classes; c++) {
        dLogits[r * classes + c] = (Math.exp(logits[r * classes + c] - logTotal) - (c === labels[r] ? 1 : 0)) / batch;
      }
    }
    losses.push(loss / batch);
    const dW2 = referenceMatmulTransA(h, dLogits, batch, hidden, classes);
    const dB2 = columnSums(dLogits, batch, classes);
    const dH = referenceMatmulTransB(dLogits, w2, batch, classes, hidden);
    for (let i = 0; i < dH.length; i++) if (h[i] <= 0) dH[i] = 0; // relu'(0) = 0
    const dW1 = referenceMatmulTransA(x, dH, batch, features, hidden);
    const dB1 = columnSums(dH, batch, hidden);
    for (const [name, param, grad] of [['w1', w1, dW1], ['b1', b1, dB1], ['w2', w2, dW2], ['b2', b2, dB2]] as const) {
      if (frozen.includes(name)) continue;
      for (let i = 0; i < param.length; i++) param[i] -= learningRate * grad[i];
    }
  }
  return losses;
}

function columnSums(values: Float64Array, rows: number, columns: number): Float64Array {
  const out = new Float64Array(columns);
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) out[c] += values[r * columns + c];
  return out;
}
