/**
 * Independent plain-JS implementations of every loss: loops over numbers, written from the
 * textbook formulas (not the stable forms the library uses), to check the library against.
 */
import { expect } from 'vitest';
import type { Reduction } from '../src/index.js';

/** Applies a reduction to per-element (or per-row) losses. */
export function reduceReference(losses: readonly number[], reduction: Reduction): number | number[] {
  const total = losses.reduce((a, b) => a + b, 0);
  if (reduction === 'sum') return total;
  if (reduction === 'mean') return total / losses.length;
  return losses.slice();
}

export function mseReference(p: readonly number[], t: readonly number[]): number[] {
  return p.map((v, i) => (v - t[i]) ** 2);
}

export function l1Reference(p: readonly number[], t: readonly number[]): number[] {
  return p.map((v, i) => Math.abs(v - t[i]));
}

export function huberReference(p: readonly number[], t: readonly number[], delta: number): number[] {
  return p.map((v, i) => {
    const e = v - t[i];
    return Math.abs(e) < delta ? 0.5 * e * e : delta * (Math.abs(e) - 0.5 * delta);
  });
}

/** The textbook form −[t log σ(x) + (1 − t) log(1 − σ(x))]; fine for moderate x. */
export function bceReference(x: readonly number[], t: readonly number[]): number[] {
  return x.map((v, i) => {
    const p = 1 / (1 + Math.exp(-v));
    return -(t[i] * Math.log(p) + (1 - t[i]) * Math.log(1 - p));
  });
}

/** t (log t − x), with 0 log 0 = 0. */
export function klReference(input: readonly number[], target: readonly number[]): number[] {
  return input.map((x, i) => (target[i] === 0 ? 0 : target[i] * (Math.log(target[i]) - x)));
}

/** −log(e^{s_y} / Σ e^{s_j}) per row, smoothed as PyTorch: (1 − ε)·CE + ε·mean_j(−log p_j). */
export function crossEntropyReference(scores: readonly number[][], labels: readonly number[], smoothing = 0): number[] {
  return scores.map((row, i) => {
    const total = row.reduce((acc, s) => acc + Math.exp(s), 0);
    const negLogP = row.map((s) => -Math.log(Math.exp(s) / total));
    const uniform = negLogP.reduce((a, b) => a + b, 0) / row.length;
    return (1 - smoothing) * negLogP[labels[i]] + smoothing * uniform;
  });
}

export function nllReference(logProbs: readonly number[][], labels: readonly number[]): number[] {
  return logProbs.map((row, i) => -row[labels[i]]);
}

/** The course notes' L_i = Σ_{j≠y} max(0, s_j − s_y + Δ). */
export function svmReference(scores: readonly number[][], labels: readonly number[], margin = 1): number[] {
  return scores.map((row, i) => {
    let loss = 0;
    for (let j = 0; j < row.length; j++) {
      if (j !== labels[i]) loss += Math.max(0, row[j] - row[labels[i]] + margin);
    }
    return loss;
  });
}

export function binaryHingeReference(scores: readonly number[], targets: readonly number[]): number[] {
  return scores.map((s, i) => Math.max(0, 1 - targets[i] * s));
}

/** X·W for nested arrays. */
export function matmulReference(X: readonly number[][], W: readonly number[][]): number[][] {
  return X.map((row) => W[0].map((_, c) => row.reduce((acc, x, d) => acc + x * W[d][c], 0)));
}

/**
 * The course's hand-derived SVM gradient for scores X·W (W is [D, C]), averaged over the batch,
 * plus 2λW for the regulariser λ Σ W²: for each i and each j ≠ y_i with s_j − s_y + Δ > 0,
 * dW[:, j] += x_i and dW[:, y_i] −= x_i.
 */
export function svmGradientReference(X: readonly number[][], W: readonly number[][], labels: readonly number[], lambda = 0, margin = 1): number[][] {
  const scores = matmulReference(X, W);
  const dW = W.map((row) => row.map(() => 0));
  X.forEach((x, i) => {
    const y = labels[i];
    for (let j = 0; j < W[0].length; j++) {
      if (j === y || scores[i][j] - scores[i][y] + margin <= 0) continue;
      for (let d = 0; d < x.length; d++) {
        dW[d][j] += x[d];
        dW[d][y] -= x[d];
      }
    }
  });
  return dW.map((row, d) => row.map((g, c) => g / X.length + 2 * lambda * W[d][c]));
}

/** The course's softmax gradient for scores X·W: Xᵀ(P − Y)/N, plus 2λW for λ Σ W². */
export function softmaxGradientReference(X: readonly number[][], W: readonly number[][], labels: readonly number[], lambda = 0): number[][] {
  const scores = matmulReference(X, W);
  const dW = W.map((row) => row.map(() => 0));
  X.forEach((x, i) => {
    const total = scores[i].reduce((acc, s) => acc + Math.exp(s), 0);
    scores[i].forEach((s, c) => {
      const delta = Math.exp(s) / total - (c === labels[i] ? 1 : 0);
      for (let d = 0; d < x.length; d++) dW[d][c] += x[d] * delta;
    });
  });
  return dW.map((row, d) => row.map((g, c) => g / X.length + 2 * lambda * W[d][c]));
}

/** Asserts two (possibly nested) arrays of numbers, or two numbers, agree to `digits` decimals. */
export function expectClose(actual: unknown, expected: unknown, digits = 10): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual)).toBe(true);
    expect((actual as unknown[]).length).toBe(expected.length);
    expected.forEach((e, i) => expectClose((actual as unknown[])[i], e, digits));
  } else {
    expect(actual).toBeCloseTo(expected as number, digits);
  }
}
