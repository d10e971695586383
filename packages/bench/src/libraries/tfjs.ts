/**
 * TensorFlow.js 4.22 on its pure-JS `cpu` backend or its WebAssembly backend (SIMD; Node has no
 * cross-origin isolation so the threaded build is not used). Imported through the union package
 * `@tensorflow/tfjs`, because in Node the bare tfjs-core build registers no gradient functions.
 * The wasm backend finds its .wasm files next to its own module in Node; no setWasmPaths needed.
 * Both backends run ops synchronously, so a step is finished when its last op returns.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type {
  ChainInput, ConvInput, Library, MatmulInput, MlpInput, Prepared, ScalarChainInput, ScalarMlpInput, ScalarMlpOutput,
} from '../library.js';
import { Unsupported } from '../unsupported.js';
import { extrapolate, formatDuration } from './extrapolate.js';

type Backend = 'cpu' | 'wasm';

function float32Only(dtype: string): void {
  if (dtype !== 'float32') throw new Unsupported('no float64', 'tfjs has float32 only');
}

/** The float32 case's inputs (already float32; the copy only narrows the type). */
const f32 = (values: ArrayLike<number>) => Float32Array.from(values);

/** `stepLimitMs`: a step that a shorter probe predicts to be slower than this is not attempted. */
export async function loadTfjs(name: string, backend: Backend, stepLimitMs: number): Promise<Library> {
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs: backend ${backend} did not initialise`);
  await tf.ready();

  return {
    name,

    matmul({ n, dtype, a, b }: MatmulInput): Prepared<Float32Array> {
      float32Only(dtype);
      const A = tf.tensor2d(f32(a), [n, n], 'float32');
      const B = tf.tensor2d(f32(b), [n, n], 'float32');
      let out: tf.Tensor | undefined;
      return {
        step() {
          out?.dispose();
          out = tf.matMul(A, B);
        },
        read: () => out!.dataSync() as Float32Array,
      };
    },

    mlp(input: MlpInput): Prepared<number> {
      float32Only(input.dtype);
      const { batch, features, hidden, classes, learningRate } = input;
      const x = tf.tensor2d(f32(input.x), [batch, features], 'float32');
      const oneHot = tf.oneHot(tf.tensor1d(input.labels, 'int32'), classes);
      const w1 = tf.variable(tf.tensor2d(f32(input.w1), [features, hidden], 'float32'));
      const b1 = tf.variable(tf.tensor1d(f32(input.b1), 'float32'));
      const w2 = tf.variable(tf.tensor2d(f32(input.w2), [hidden, classes], 'float32'));
      const b2 = tf.variable(tf.tensor1d(f32(input.b2), 'float32'));
      const optimizer = tf.train.sgd(learningRate);
      let loss: tf.Scalar | null = null;
      return {
        note: 'tf.losses.softmaxCrossEntropy, tf.train.sgd',
        step() {
          loss?.dispose();
          loss = optimizer.minimize(() => {
            const logits = tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, w1), b1)), w2), b2);
            return tf.losses.softmaxCrossEntropy(oneHot, logits) as tf.Scalar;
          }, true);
        },
        read: () => loss!.dataSync()[0],
      };
    },

    chain({ length, x: xValues, shift: shiftValues, scale: scaleValues }: ChainInput) {
      const x = tf.tensor1d(xValues, 'float32');
      const shift = tf.tensor1d(shiftValues, 'float32');
      const scale = tf.tensor1d(scaleValues, 'float32');
      const chain = (input: tf.Tensor) => {
        let y = input;
        for (let i = 0; i < length; i++) {
          const kind = i % 3;
          y = kind === 0 ? tf.add(y, shift) : kind === 1 ? tf.mul(y, scale) : tf.tanh(y);
        }
        return tf.sum(y);
      };
      let result: { value: tf.Tensor; grad: tf.Tensor } | undefined;
      return {
        step() {
          if (result) tf.dispose([result.value, result.grad]);
          result = tf.tidy(() => tf.valueAndGrad(chain)(x));
        },
        read: () => ({ value: result!.value.dataSync()[0], grad: Float64Array.from(result!.grad.dataSync()) }),
      };
    },

    scalarMlp({ sizes, weights, biases, samples, targets }: ScalarMlpInput): Prepared<ScalarMlpOutput> {
      const layers = sizes.length - 1;
      const params = [...weights.flatMap((w) => [...w]), ...biases.flatMap((b) => [...b])].map((v) => tf.scalar(v, 'float32'));
      const lossOf = (...flat: tf.Tensor[]) => {
        const w: tf.Tensor[][] = [];
        const b: tf.Tensor[][] = [];
        let offset = 0;
        for (let l = 0; l < layers; l++) w.push(flat.slice(offset, (offset += weights[l].length)));
        for (let l = 0; l < layers; l++) b.push(flat.slice(offset, (offset += biases[l].length)));
        let loss: tf.Tensor | undefined;
        samples.forEach((sample, s) => {
          let activations: (tf.Tensor | number)[] = Array.from(sample);
          for (let l = 0; l < layers; l++) {
            activations = b[l].map((bias, o) => {
              let total = bias;
              for (let i = 0; i < sizes[l]; i++) total = tf.add(total, tf.mul(w[l][o * sizes[l] + i], activations[i]));
              return l < layers - 1 ? tf.tanh(total) : total;
            });
          }
          const error = tf.sub(activations[0], targets[s]);
          const squared = tf.mul(error, error);
          loss = loss ? tf.add(loss, squared) : squared;
        });
        return loss!;
      };
      let result: { value: tf.Tensor; grads: tf.Tensor[] } | undefined;
      return {
        step() {
          if (result) tf.dispose([result.value, ...result.grads]);
          result = tf.tidy(() => tf.valueAndGrads(lossOf)(params));
        },
        read: () => ({ loss: result!.value.dataSync()[0], grads: Float64Array.from(result!.grads, (g) => g.dataSync()[0]) }),
      };
    },

    async scalarChain({ length, x: start }: ScalarChainInput) {
      const x = tf.scalar(start, 'float32');
      const chainOf = (ops: number) => (input: tf.Tensor) => {
        let y = input;
        for (let i = 0; i < ops; i++) y = i % 2 === 0 ? tf.add(y, 1) : tf.mul(y, 1);
        return y;
      };
      // Every op is a tensor plus a tape entry and the cost grows faster than linearly (memory,
      // GC), so time 1/100 and 1/25 of the chain first and refuse, with the numbers, a step the
      // run cannot afford instead of waiting for it.
      const [small, large] = [Math.ceil(length / 100), Math.ceil(length / 25)];
      const fit = await extrapolate((ops) => tf.dispose(tf.tidy(() => Object.values(tf.valueAndGrad(chainOf(ops))(x)))), small, large, length);
      if (fit.targetMs > stepLimitMs) {
        const count = (n: number) => n.toLocaleString('en-US');
        throw new Unsupported(
          'not measurable',
          `${count(small)} ops take ${formatDuration(fit.smallMs)}, ${count(large)} ops ${formatDuration(fit.largeMs)} (∝ ops^${fit.exponent.toFixed(1)}), so ${count(length)} ops would take ~${formatDuration(fit.targetMs)} per step (limit ${formatDuration(stepLimitMs)})`,
        );
      }
      const chain = chainOf(length);
      let result: { value: tf.Tensor; grad: tf.Tensor } | undefined;
      return {
        step() {
          if (result) tf.dispose([result.value, result.grad]);
          result = tf.tidy(() => tf.valueAndGrad(chain)(x));
        },
        read: () => ({ value: result!.value.dataSync()[0], grad: result!.grad.dataSync()[0] }),
      };
    },

    conv(input: ConvInput) {
      const missing = ['Conv2D', 'Conv2DBackpropInput', 'Conv2DBackpropFilter'].filter((kernel) => !tf.getKernel(kernel, backend));
      if (missing.length > 0) throw new Unsupported('not available', `tfjs-${backend} has no ${missing.join(', ')} kernel, so no conv2d gradient`);
      const { batch, height, width, channels: [c0, c1, c2] } = input;
      // tfjs's cpu and wasm conv2d take NHWC inputs and [kh, kw, in, out] filters: converted once here, outside the timed step.
      const toNhwc = (values: Float32Array, c: number) => tf.transpose(tf.tensor4d(values, [batch, c, height, width]), [0, 2, 3, 1]);
      const toHwio = (values: Float32Array, cOut: number, cIn: number) => tf.transpose(tf.tensor4d(values, [cOut, cIn, 3, 3]), [2, 3, 1, 0]);
      const x = toNhwc(input.x, c0);
      const g = toNhwc(input.g, c2);
      const params = [toHwio(input.w1, c1, c0), tf.tensor1d(input.b1), toHwio(input.w2, c2, c1), tf.tensor1d(input.b2)];
      const lossOf = (w1: tf.Tensor, b1: tf.Tensor, w2: tf.Tensor, b2: tf.Tensor) => {
        const hiddenLayer = tf.relu(tf.add(tf.conv2d(x as tf.Tensor4D, w1 as tf.Tensor4D, 1, 'same'), b1));
        return tf.sum(tf.mul(tf.add(tf.conv2d(hiddenLayer as tf.Tensor4D, w2 as tf.Tensor4D, 1, 'same'), b2), g));
      };
      let result: { value: tf.Tensor; grads: tf.Tensor[] } | undefined;
      const fromHwio = (grad: tf.Tensor) => Float64Array.from(tf.tidy(() => tf.transpose(grad, [3, 2, 0, 1])).dataSync());
      return {
        step() {
          if (result) tf.dispose([result.value, ...result.grads]);
          result = tf.tidy(() => tf.valueAndGrads((w1, b1, w2, b2) => lossOf(w1, b1, w2, b2))(params));
        },
        read() {
          const [gw1, gb1, gw2, gb2] = result!.grads;
          return { loss: result!.value.dataSync()[0], gradW1: fromHwio(gw1), gradB1: Float64Array.from(gb1.dataSync()), gradW2: fromHwio(gw2), gradB2: Float64Array.from(gb2.dataSync()) };
        },
      };
    },
  };
}
