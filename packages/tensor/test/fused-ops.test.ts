import { describe, it, expect } from 'vitest';
import { messageOf } from './message-of.js';
import { expectAllClose } from './expect-all-close.js';
import {
  conv2d, grad, manualSeed, maxPool2d, noGrad, ones, randn, softmax, softmaxCrossEntropy, tensor, zeros,
  type Conv2dOptions, type Tensor,
} from '@tapegrad/tensor';


const pairOf = (v: number | readonly [number, number] | undefined, fallback: number): [number, number] =>
  v === undefined ? [fallback, fallback] : typeof v === 'number' ? [v, v] : [v[0], v[1]];

/** F.conv2d by the textbook seven nested loops, reading zeros outside the image. */
function naiveConv2d(x: Tensor, w: Tensor, b: Tensor | undefined, options: Conv2dOptions): Float64Array {
  const [n, c, h, wd] = x.shape;
  const [o, , kh, kw] = w.shape;
  const [sh, sw] = pairOf(options.stride, 1);
  const [ph, pw] = pairOf(options.padding, 0);
  const ho = Math.floor((h + 2 * ph - kh) / sh) + 1;
  const wo = Math.floor((wd + 2 * pw - kw) / sw) + 1;
  const out = new Float64Array(n * o * ho * wo);
  for (let ni = 0; ni < n; ni++) {
    for (let oi = 0; oi < o; oi++) {
      for (let i = 0; i < ho; i++) {
        for (let j = 0; j < wo; j++) {
          let total = b ? b.buffer[oi] : 0;
          for (let ci = 0; ci < c; ci++) {
            for (let a = 0; a < kh; a++) {
              for (let d = 0; d < kw; d++) {
                const row = i * sh - ph + a;
                const col = j * sw - pw + d;
                if (row < 0 || row >= h || col < 0 || col >= wd) continue;
                total += x.buffer[((ni * c + ci) * h + row) * wd + col] * w.buffer[((oi * c + ci) * kh + a) * kw + d];
              }
            }
          }
          out[((ni * o + oi) * ho + i) * wo + j] = total;
        }
      }
    }
  }
  return out;
}

const image3x3 = () => tensor([[[[1, 2, 3], [4, 5, 6], [7, 8, 9]]]]);
const kernel2x2 = () => tensor([[[[1, 2], [3, 4]]]]);

describe('conv2d', () => {
  it('slides a 2×2 kernel over a 3×3 image (worked by hand)', () => {
    // [1 2; 4 5]·[1 2; 3 4] = 1+4+12+20 = 37, and so on for the other three windows.
    const y = conv2d(image3x3(), kernel2x2());
    expect(y.shape).toEqual([1, 1, 2, 2]);
    expect(y.toArray()).toEqual([[[[37, 47], [67, 77]]]]);
  });

  it('adds zero padding and steps by the stride (worked by hand)', () => {
    // Padding 1 makes the image 5×5; stride 2 puts windows at image rows/cols −1 and 1:
    // (−1,−1) sees only x[0][0]·w[1][1] = 4; (−1,1) sees 2·3 + 3·4 = 18; (1,−1) sees 4·2 + 7·4 = 36;
    // (1,1) sees 5 + 12 + 24 + 36 = 77. The bias adds 10 everywhere.
    const y = conv2d(image3x3(), kernel2x2(), tensor([10]), { stride: 2, padding: 1 });
    expect(y.shape).toEqual([1, 1, 2, 2]);
    expect(y.toArray()).toEqual([[[[14, 28], [46, 87]]]]);
  });

  it('has the gradients worked by hand: each pixel collects the weights that touched it', () => {
    const x = image3x3();
    const w = kernel2x2();
    const b = tensor([0.5]);
    x.requiresGrad = true;
    w.requiresGrad = true;
    b.requiresGrad = true;
    conv2d(x, w, b).sum().backward();
    expect(x.grad!.toArray()).toEqual([[[[1, 3, 2], [4, 10, 6], [3, 7, 4]]]]);
    // dW[a][d] is the sum of x over the windows' (a, d) taps: 1+2+4+5, 2+3+5+6, ...
    expect(w.grad!.toArray()).toEqual([[[[12, 16], [24, 28]]]]);
    expect(b.grad!.toArray()).toEqual([4]);
  });

  it('matches a direct-loop reference on random inputs, strides, paddings and kernel sizes', () => {
    manualSeed(7);
    const cases: { x: number[]; w: number[]; bias: boolean; options: Conv2dOptions }[] = [
      { x: [2, 3, 7, 6], w: [4, 3, 3, 3], bias: true, options: {} },
      { x: [1, 2, 8, 8], w: [3, 2, 3, 2], bias: false, options: { stride: 2, padding: 1 } },
      { x: [3, 1, 5, 9], w: [2, 1, 2, 4], bias: true, options: { stride: [1, 3], padding: [2, 0] } },
      { x: [2, 2, 4, 4], w: [2, 2, 4, 4], bias: true, options: {} },
      { x: [1, 1, 1, 1], w: [2, 1, 3, 3], bias: true, options: { padding: 1 } },
      { x: [2, 2, 3, 3], w: [1, 2, 1, 1], bias: false, options: { padding: 2, stride: [2, 1] } },
    ];
    for (const { x: xShape, w: wShape, bias, options } of cases) {
      const x = randn(xShape);
      const w = randn(wShape);
      const b = bias ? randn([wShape[0]]) : undefined;
      const y = conv2d(x, w, b, options);
      const expected = naiveConv2d(x, w, b, options);
      expect(y.size).toBe(expected.length);
      y.buffer.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
      const single = conv2d(x.astype('float32'), w.astype('float32'), b?.astype('float32'), options);
      expect(single.dtype).toBe('float32');
      single.buffer.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 4));
    }
  });

  it('gives the output extent floor((H + 2p − k) / s) + 1', () => {
    expect(conv2d(zeros([2, 3, 28, 28]), zeros([16, 3, 5, 5]), null, { stride: 2, padding: 2 }).shape).toEqual([2, 16, 14, 14]);
    expect(conv2d(zeros([1, 1, 10, 7]), zeros([1, 1, 3, 2]), undefined, { stride: [3, 2] }).shape).toEqual([1, 1, 3, 3]);
  });

  it('accepts a kernel exactly as big as the padded input, giving one output position', () => {
    const y = conv2d(ones([1, 1, 2, 2]), ones([1, 1, 4, 4]), null, { padding: 1 });
    expect(y.toArray()).toEqual([[[[4]]]]);
  });

  it('lets the bias change in place before backward, but not the weights it saved', () => {
    const w = kernel2x2();
    const b = tensor([0]);
    w.requiresGrad = true;
    b.requiresGrad = true;
    const y = conv2d(image3x3(), w, b).sum();
    noGrad(() => b.add_(1));
    y.backward({ retainGraph: true });
    expect(b.grad!.toArray()).toEqual([4]);
    noGrad(() => w.add_(1));
    expect(messageOf(() => y.backward())).toMatch(/^conv2d: input 1 .* was modified in place/);
  });

  it('promotes float32 and float64 operands to float64', () => {
    expect(conv2d(ones([1, 1, 3, 3], { dtype: 'float32' }), ones([1, 1, 2, 2])).dtype).toBe('float64');
  });

  it('is differentiable twice: the second derivative in w of Σ conv(x, w)² is 2·Σ patch²', () => {
    // f(w) = Σ (w·p)² over the windows p, so ∂²f/∂w² (summed against ones) is 2·Σ_p p p·1.
    const x = image3x3();
    const hessianRowSums = grad((w: Tensor) => grad((v: Tensor) => conv2d(x, v).pow(2).sum())(w).sum())(kernel2x2());
    const windows = [[1, 2, 4, 5], [2, 3, 5, 6], [4, 5, 7, 8], [5, 6, 8, 9]];
    const expected = [0, 1, 2, 3].map((t) => windows.reduce((s, p) => s + 2 * p[t] * p.reduce((a, q) => a + q, 0), 0));
    expect(Array.from(hessianRowSums.buffer)).toEqual(expected);
  });
});

describe('conv2d errors', () => {
  it('names both shapes when the channels differ', () => {
    const message = messageOf(() => conv2d(zeros([2, 3, 8, 8]), zeros([5, 4, 3, 3])));
    expect(message).toMatch(/^conv2d: x has 3 channels but w expects 4: x \[2,3,8,8\], w \[5,4,3,3\]/);
  });

  it('rejects an input that is not 4-D and says which layout it wants', () => {
    expect(messageOf(() => conv2d(zeros([3, 8, 8]), zeros([5, 3, 3, 3])))).toMatch(/^conv2d: x \[3,8,8\] must be 4-D \[N,C,H,W\], got 3-D/);
    expect(messageOf(() => conv2d(zeros([1, 3, 8, 8]), zeros([3, 3, 3])))).toMatch(/^conv2d: w \[3,3,3\] must be 4-D \[O,C,kh,kw\]/);
  });

  it('rejects a kernel larger than the padded input', () => {
    const message = messageOf(() => conv2d(zeros([1, 1, 2, 2]), zeros([1, 1, 5, 5]), null, { padding: 1 }));
    expect(message).toMatch(/^conv2d: kernel 5×5 is larger than the padded input 4×4 \(2×2 plus padding \[1,1\] on each side\)/);
    expect(message).toContain('x [1,1,2,2]');
    expect(message).toContain('w [1,1,5,5]');
    expect(messageOf(() => conv2d(zeros([1, 1, 4, 2]), zeros([1, 1, 3, 3])))).toMatch(/kernel 3×3 is larger than the input 4×2/);
  });

  it('rejects strides that are not positive integers and paddings that are not non-negative integers', () => {
    const call = (options: object) => messageOf(() => conv2d(zeros([1, 1, 4, 4]), zeros([1, 1, 2, 2]), null, options as Conv2dOptions));
    expect(call({ stride: 0 })).toBe('conv2d: stride must be a positive integer or an [h, w] pair of them, got 0');
    expect(call({ stride: -1 })).toMatch(/stride must be a positive integer.*got -1/);
    expect(call({ stride: 1.5 })).toMatch(/stride must be a positive integer.*got 1.5/);
    expect(call({ stride: [1, 0] })).toMatch(/stride .* got \[1,0\]/);
    expect(call({ stride: [2] })).toMatch(/stride .* got \[2\]/);
    expect(call({ padding: -1 })).toBe('conv2d: padding must be a non-negative integer or an [h, w] pair of them, got -1');
    expect(call({ padding: 0.5 })).toMatch(/padding must be a non-negative integer.*got 0.5/);
  });

  it('refuses int32 inputs, naming the fix', () => {
    const int = zeros([1, 1, 3, 3], { dtype: 'int32' });
    expect(messageOf(() => conv2d(int, zeros([1, 1, 2, 2])))).toMatch(/^conv2d: x \[1,1,3,3\] is int32.*x\.astype\('float64'\)/);
    expect(messageOf(() => conv2d(zeros([1, 1, 3, 3]), zeros([1, 1, 2, 2], { dtype: 'int32' })))).toMatch(/^conv2d: w \[1,1,2,2\] is int32/);
    expect(messageOf(() => conv2d(zeros([1, 1, 3, 3]), zeros([1, 1, 2, 2]), zeros([1], { dtype: 'int32' })))).toMatch(/^conv2d: b \[1\] is int32/);
  });

  it('rejects a bias that is not one entry per output channel', () => {
    const w = zeros([5, 3, 3, 3], { label: 'W1' });
    expect(messageOf(() => conv2d(zeros([1, 3, 8, 8]), w, zeros([4])))).toBe(
      'conv2d: bias b [4] must have shape [5], one entry per output channel of w [5,3,3,3] (W1)',
    );
    expect(messageOf(() => conv2d(zeros([1, 3, 8, 8]), w, zeros([5, 1])))).toMatch(/bias b \[5,1\] must have shape \[5\]/);
  });

  it('rejects something that is not a tensor', () => {
    expect(messageOf(() => conv2d([[1]] as unknown as Tensor, zeros([1, 1, 1, 1])))).toMatch(/^conv2d: x is a plain array \(wrap it with tensor/);
    const options = { stride: 2 } as unknown as Tensor;
    expect(messageOf(() => conv2d(zeros([1, 1, 4, 4]), zeros([1, 1, 2, 2]), options))).toMatch(/options go fourth, after the bias: conv2d\(x, w, null, \{ stride, padding \}\)/);
  });
});

describe('maxPool2d', () => {
  const grid4x4 = () => tensor([[[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]]]);

  it('takes the maximum of each 2×2 tile and sends the gradient there (worked by hand)', () => {
    const x = grid4x4();
    x.requiresGrad = true;
    const y = maxPool2d(x, 2);
    expect(y.toArray()).toEqual([[[[6, 8], [14, 16]]]]);
    y.backward(tensor([[[[1, 2], [3, 4]]]]));
    expect(x.grad!.toArray()).toEqual([[[[0, 0, 0, 0], [0, 1, 0, 2], [0, 0, 0, 0], [0, 3, 0, 4]]]]);
  });

  it('adds up the gradient where overlapping windows share a maximum', () => {
    const x = tensor([[[[1, 2, 3], [4, 9, 5], [6, 7, 8]]]], { requiresGrad: true });
    const y = maxPool2d(x, 2, { stride: 1 });
    expect(y.toArray()).toEqual([[[[9, 9], [9, 9]]]]);
    y.sum().backward();
    expect(x.grad!.toArray()).toEqual([[[[0, 0, 0], [0, 4, 0], [0, 0, 0]]]]);
  });

  it('gives a tie wholly to the first maximum in row-major order, as PyTorch', () => {
    const x = tensor([[[[3, 1, 3], [3, 3, 0]]]], { requiresGrad: true });
    maxPool2d(x, [2, 3]).sum().backward();
    expect(x.grad!.toArray()).toEqual([[[[1, 0, 0], [0, 0, 0]]]]);
  });

  it('drops the rows and columns a window does not reach, and takes rectangular kernels and strides', () => {
    const x = tensor([[[[1, 5, 2, 0, 3], [4, 0, 9, 1, 1], [7, 7, 2, 8, 6]]]]);
    expect(maxPool2d(x, 2).toArray()).toEqual([[[[5, 9]]]]);
    // Rows 0 and 2, columns {0,1} and {3,4}: max(1,5), max(0,3); max(7,7), max(8,6).
    expect(maxPool2d(x, [1, 2], { stride: [2, 3] }).toArray()).toEqual([[[[5, 3], [7, 8]]]]);
  });

  it('pools each channel of each image on its own', () => {
    manualSeed(3);
    const x = randn([2, 3, 4, 6]);
    const y = maxPool2d(x, [2, 3]);
    expect(y.shape).toEqual([2, 3, 2, 2]);
    const at = (n: number, c: number, h: number, w: number) => x.buffer[((n * 3 + c) * 4 + h) * 6 + w];
    for (let n = 0; n < 2; n++) {
      for (let c = 0; c < 3; c++) {
        for (let i = 0; i < 2; i++) {
          for (let j = 0; j < 2; j++) {
            const window = [0, 1].flatMap((a) => [0, 1, 2].map((d) => at(n, c, 2 * i + a, 3 * j + d)));
            expect(y.buffer[((n * 3 + c) * 2 + i) * 2 + j]).toBe(Math.max(...window));
          }
        }
      }
    }
  });

  it('accepts a [C,H,W] image and returns [C,Ho,Wo]', () => {
    const x = grid4x4().reshape([1, 4, 4]);
    const y = maxPool2d(x, 2);
    expect(y.shape).toEqual([1, 2, 2]);
    expect(y.toArray()).toEqual([[[6, 8], [14, 16]]]);
  });

  it('keeps float32 as float32', () => {
    expect(maxPool2d(grid4x4().astype('float32'), 2).dtype).toBe('float32');
  });
});

describe('maxPool2d errors', () => {
  it('rejects a kernel larger than the input', () => {
    expect(messageOf(() => maxPool2d(zeros([1, 1, 2, 5]), 3))).toMatch(/^maxPool2d: kernel 3×3 is larger than the input 2×5 of x \[1,1,2,5\]/);
  });

  it('rejects inputs that are neither [N,C,H,W] nor [C,H,W]', () => {
    expect(messageOf(() => maxPool2d(zeros([4, 4]), 2))).toMatch(/^maxPool2d: x \[4,4\] must be 4-D \[N,C,H,W\] or 3-D \[C,H,W\], got 2-D/);
  });

  it('rejects kernels and strides that are not positive integers', () => {
    expect(messageOf(() => maxPool2d(zeros([1, 1, 4, 4]), 0))).toMatch(/^maxPool2d: kernel must be a positive integer.*got 0/);
    expect(messageOf(() => maxPool2d(zeros([1, 1, 4, 4]), 1.5))).toMatch(/kernel must be a positive integer.*got 1.5/);
    expect(messageOf(() => maxPool2d(zeros([1, 1, 4, 4]), 2, { stride: 0 }))).toMatch(/^maxPool2d: stride must be a positive integer.*got 0/);
  });

  it('refuses int32 input, naming the fix', () => {
    expect(messageOf(() => maxPool2d(zeros([1, 1, 4, 4], { dtype: 'int32' }), 2))).toMatch(/^maxPool2d: x \[1,1,4,4\] is int32.*astype/);
  });
});

describe('softmaxCrossEntropy', () => {
  it('gives ln 10 per row for all-zero logits over 10 classes', () => {
    const losses = softmaxCrossEntropy(zeros([3, 10]), [0, 4, 9]);
    expect(losses.shape).toEqual([3]);
    expectAllClose(losses.toArray(), [Math.LN10, Math.LN10, Math.LN10], 14);
  });

  it('is logsumexp(row) − row[label]', () => {
    const logits = tensor([[1, 2, 3], [0.5, -1, 2]]);
    const lse = (row: number[]) => Math.log(row.reduce((s, v) => s + Math.exp(v), 0));
    expectAllClose(softmaxCrossEntropy(logits, [2, 0]).toArray(), [lse([1, 2, 3]) - 3, lse([0.5, -1, 2]) - 0.5], 14);
  });

  it('takes labels as an int32 tensor or a number array alike', () => {
    const logits = tensor([[1, 2, 3], [0.5, -1, 2]]);
    expect(softmaxCrossEntropy(logits, tensor([1, 2], { dtype: 'int32' })).toArray()).toEqual(softmaxCrossEntropy(logits, [1, 2]).toArray());
  });

  it('has the gradient (softmax − onehot) · g[:, None]', () => {
    manualSeed(11);
    const logits = randn([4, 5], { requiresGrad: true });
    const labels = [3, 0, 4, 4];
    const weights = tensor([1, -2, 0.5, 3]);
    softmaxCrossEntropy(logits, labels).mul(weights).sum().backward();
    const p = softmax(logits.detach()).toArray() as number[][];
    const expected = p.map((row, n) => row.map((v, k) => (v - (k === labels[n] ? 1 : 0)) * weights.buffer[n]));
    expectAllClose(logits.grad!.toArray(), expected, 12);
  });

  it('stays finite for logits of ±1e4, in value and gradient, in float64 and float32', () => {
    for (const dtype of ['float64', 'float32'] as const) {
      const logits = tensor([[1e4, -1e4, 0], [-1e4, 1e4, 1e4], [-1e4, -1e4, -1e4]], { dtype, requiresGrad: true });
      const losses = softmaxCrossEntropy(logits, [1, 2, 0]);
      losses.sum().backward();
      expectAllClose(losses.toArray(), [2e4, Math.LN2, Math.log(3)], 3);
      expect(Array.from(logits.grad!.buffer).every(Number.isFinite)).toBe(true);
      expectAllClose(logits.grad!.toArray(), [[1, -1, 0], [0, 0.5, -0.5], [-2 / 3, 1 / 3, 1 / 3]], 6);
    }
  });

  it('gives the labels no gradient and keeps float32 logits float32', () => {
    const labels = tensor([1], { dtype: 'int32' });
    const losses = softmaxCrossEntropy(tensor([[0.1, 0.2]], { dtype: 'float32', requiresGrad: true }), labels);
    expect(losses.dtype).toBe('float32');
    losses.sum().backward();
    expect(labels.grad).toBeNull();
  });
});

describe('softmaxCrossEntropy errors', () => {
  it('names the position of a label outside [0, C)', () => {
    expect(messageOf(() => softmaxCrossEntropy(zeros([4, 10]), [1, 2, 3, 10]))).toBe(
      'softmaxCrossEntropy: labels[3] = 10 is outside [0, 10) for logits [4,10]',
    );
    expect(messageOf(() => softmaxCrossEntropy(zeros([2, 3]), tensor([-1, 0], { dtype: 'int32' })))).toBe(
      'softmaxCrossEntropy: labels[0] = -1 is outside [0, 3) for logits [2,3]',
    );
  });

  it('names the position of a non-integer label', () => {
    expect(messageOf(() => softmaxCrossEntropy(zeros([2, 3]), [0, 1.5]))).toMatch(/^softmaxCrossEntropy: labels\[1\] = 1.5 is not an integer/);
    expect(messageOf(() => softmaxCrossEntropy(zeros([2, 3]), [NaN, 1]))).toMatch(/labels\[0\] = NaN is not an integer/);
  });

  it('wants one label per row', () => {
    expect(messageOf(() => softmaxCrossEntropy(zeros([4, 10]), [1, 2]))).toMatch(/^softmaxCrossEntropy: 2 labels for logits \[4,10\]; there must be one label per row \(4\)/);
    expect(messageOf(() => softmaxCrossEntropy(zeros([2, 3]), tensor([[0, 1]], { dtype: 'int32' })))).toMatch(/labels must be 1-D \[2\], got \[1,2\]/);
  });

  it('wants int32 label tensors, float 2-D logits with at least one class', () => {
    expect(messageOf(() => softmaxCrossEntropy(zeros([2, 3]), tensor([0, 1])))).toMatch(/labels \[2\] are float64; class labels must be int32: use labels\.astype\('int32'\)/);
    expect(messageOf(() => softmaxCrossEntropy(zeros([3]), [0]))).toMatch(/^softmaxCrossEntropy: logits must be 2-D \[N,C\], got \[3\]/);
    expect(messageOf(() => softmaxCrossEntropy(zeros([1, 3], { dtype: 'int32' }), [0]))).toMatch(/logits \[1,3\] are int32/);
    expect(messageOf(() => softmaxCrossEntropy(zeros([1, 0]), [0]))).toMatch(/have no classes/);
  });
});
