/**
 * The conv workload in float64: conv(3×3, pad 1) → ReLU → conv(3×3, pad 1), loss Σ out ⊙ g, and
 * the gradients of both layers' weights and biases by direct loops (NCHW, cross-correlation).
 */
import type { ConvInput, ConvOutput } from '../library.js';

interface Shape4 {
  n: number;
  c: number;
  h: number;
  w: number;
}

function conv3x3(x: Float64Array, xs: Shape4, weight: ArrayLike<number>, bias: ArrayLike<number>, outChannels: number): Float64Array {
  const { n, c, h, w } = xs;
  const out = new Float64Array(n * outChannels * h * w);
  for (let b = 0; b < n; b++)
    for (let o = 0; o < outChannels; o++) {
      const base = (b * outChannels + o) * h * w;
      for (let i = 0; i < h * w; i++) out[base + i] = bias[o];
      for (let ci = 0; ci < c; ci++) {
        const xBase = (b * c + ci) * h * w;
        for (let ky = 0; ky < 3; ky++)
          for (let kx = 0; kx < 3; kx++) {
            const k = weight[((o * c + ci) * 3 + ky) * 3 + kx];
            for (let y = 0; y < h; y++) {
              const sy = y + ky - 1;
              if (sy < 0 || sy >= h) continue;
              for (let xx = 0; xx < w; xx++) {
                const sx = xx + kx - 1;
                if (sx < 0 || sx >= w) continue;
                out[base + y * w + xx] += k * x[xBase + sy * w + sx];
              }
            }
          }
      }
    }
  return out;
}

/** Gradients of a 3×3 conv: dW[o,c,ky,kx] = Σ dOut·x(shifted), dB[o] = Σ dOut, dX = full correlation with the flipped kernel. */
function conv3x3Backward(x: Float64Array, xs: Shape4, weight: ArrayLike<number>, dOut: Float64Array, outChannels: number, needInputGrad: boolean) {
  const { n, c, h, w } = xs;
  const dW = new Float64Array(outChannels * c * 9);
  const dB = new Float64Array(outChannels);
  const dX = new Float64Array(needInputGrad ? x.length : 0);
  for (let b = 0; b < n; b++)
    for (let o = 0; o < outChannels; o++) {
      const base = (b * outChannels + o) * h * w;
      for (let i = 0; i < h * w; i++) dB[o] += dOut[base + i];
      for (let ci = 0; ci < c; ci++) {
        const xBase = (b * c + ci) * h * w;
        for (let ky = 0; ky < 3; ky++)
          for (let kx = 0; kx < 3; kx++) {
            const wIndex = ((o * c + ci) * 3 + ky) * 3 + kx;
            const k = weight[wIndex];
            let total = 0;
            for (let y = 0; y < h; y++) {
              const sy = y + ky - 1;
              if (sy < 0 || sy >= h) continue;
              for (let xx = 0; xx < w; xx++) {
                const sx = xx + kx - 1;
                if (sx < 0 || sx >= w) continue;
                const g = dOut[base + y * w + xx];
                total += g * x[xBase + sy * w + sx];
                if (needInputGrad) dX[xBase + sy * w + sx] += g * k;
              }
            }
            dW[wIndex] += total;
          }
      }
    }
  return { dW, dB, dX };
}

export function referenceConv(input: ConvInput): ConvOutput {
  const { batch: n, height: h, width: w, channels } = input;
  const [c0, c1, c2] = channels;
  const x = Float64Array.from(input.x);
  const pre = conv3x3(x, { n, c: c0, h, w }, input.w1, input.b1, c1);
  const hidden = pre.map((v) => Math.max(0, v));
  const out = conv3x3(hidden, { n, c: c1, h, w }, input.w2, input.b2, c2);
  let loss = 0;
  for (let i = 0; i < out.length; i++) loss += out[i] * input.g[i];
  const second = conv3x3Backward(hidden, { n, c: c1, h, w }, input.w2, Float64Array.from(input.g), c2, true);
  const dPre = second.dX.map((g, i) => (pre[i] > 0 ? g : 0)); // relu'(0) = 0
  const first = conv3x3Backward(x, { n, c: c0, h, w }, input.w1, dPre, c1, false);
  return { loss, gradW1: first.dW, gradB1: first.dB, gradW2: second.dW, gradB2: second.dB };
}
