/**
 * tapegrad itself, written with plain `@tapegrad/tensor` ops (the nn/losses/optim packages are
 * still being built): matmul, relu, logSoftmax + gather (or the fused softmaxCrossEntropy once the
 * tensor package exports it), and SGD as `p.sub_(lr · grad)` under `noGrad`. `conv2d` is used when
 * the tensor package exports it; until then the conv workload is "not available".
 *
 * `--against` loads the old tree's tensor package from its own path, so the module is imported
 * dynamically from `entry` (the package name unless a path is given).
 */
import type * as TensorModule from '@tapegrad/tensor';
import type { Tensor } from '@tapegrad/tensor';
import { toDtype, type BenchDtype } from '../dtype.js';
import type {
  ChainInput, ConvInput, Library, MatmulInput, MlpInput, Prepared, ScalarChainInput, ScalarMlpInput, ScalarMlpOutput,
} from '../library.js';
import { Unsupported } from '../unsupported.js';

type Tapegrad = typeof TensorModule;
type Conv2d = (x: Tensor, w: Tensor, b: Tensor | undefined, options: { stride: number; padding: number }) => Tensor;
type SoftmaxCrossEntropy = (logits: Tensor, labels: Tensor) => Tensor;

/** Ops that other engineers are adding to `@tapegrad/tensor`; looked up at run time, not compiled against. */
function optionalOp<T>(tg: Tapegrad, name: string): T | undefined {
  const value = (tg as unknown as Record<string, unknown>)[name];
  return typeof value === 'function' ? (value as T) : undefined;
}

export async function loadTapegrad(name: string, entry = '@tapegrad/tensor'): Promise<Library> {
  const tg = (await import(entry)) as Tapegrad;
  // Start the worker threads before anything is timed, as the peers' `tf.ready()` / `init()`
  // prepare their backends; trees older than `warmUpKernels` start them at the first product.
  await optionalOp<() => Promise<unknown>>(tg, 'warmUpKernels')?.();
  const softmaxCrossEntropy = optionalOp<SoftmaxCrossEntropy>(tg, 'softmaxCrossEntropy');
  const conv2d = optionalOp<Conv2d>(tg, 'conv2d');
  const leaf = (values: ArrayLike<number>, shape: number[], dtype: BenchDtype, requiresGrad = false) =>
    tg.tensor(toDtype(values, dtype), { shape, requiresGrad });

  return {
    name,

    matmul({ n, dtype, a, b }: MatmulInput): Prepared<Float32Array | Float64Array> {
      const A = leaf(a, [n, n], dtype);
      const B = leaf(b, [n, n], dtype);
      let out: Tensor | undefined;
      return {
        step: () => void (out = tg.matmul(A, B)),
        read: () => out!.data() as Float32Array | Float64Array,
      };
    },

    mlp(input: MlpInput): Prepared<number> {
      const { batch, dtype, features, hidden, classes, learningRate } = input;
      const x = leaf(input.x, [batch, features], dtype);
      const labels = tg.tensor(Int32Array.from(input.labels), { shape: [batch] });
      const labelColumn = labels.reshape([batch, 1]);
      const params = [
        leaf(input.w1, [features, hidden], dtype, true),
        leaf(input.b1, [hidden], dtype, true),
        leaf(input.w2, [hidden, classes], dtype, true),
        leaf(input.b2, [classes], dtype, true),
      ];
      const [w1, b1, w2, b2] = params;
      let loss: Tensor | undefined;
      return {
        note: softmaxCrossEntropy ? 'fused softmaxCrossEntropy' : 'logSoftmax + gather',
        step() {
          const logits = x.matmul(w1).add(b1).relu().matmul(w2).add(b2);
          loss = softmaxCrossEntropy ? softmaxCrossEntropy(logits, labels).mean() : logits.logSoftmax(1).gather(1, labelColumn).mean().neg();
          for (const p of params) p.grad = null;
          loss.backward();
          tg.noGrad(() => {
            for (const p of params) p.sub_(p.grad!.mul(learningRate));
          });
        },
        read: () => loss!.item(),
      };
    },

    chain({ length, size, x: xValues, shift: shiftValues, scale: scaleValues }: ChainInput) {
      const x = leaf(xValues, [size], 'float32', true);
      const shift = leaf(shiftValues, [size], 'float32');
      const scale = leaf(scaleValues, [size], 'float32');
      let value = 0;
      return {
        step() {
          x.grad = null;
          let y: Tensor = x;
          for (let i = 0; i < length; i++) {
            const kind = i % 3;
            y = kind === 0 ? y.add(shift) : kind === 1 ? y.mul(scale) : y.tanh();
          }
          const total = y.sum();
          total.backward();
          value = total.item();
        },
        read: () => ({ value, grad: Float64Array.from(x.grad!.data()) }),
      };
    },

    scalarMlp({ sizes, weights, biases, samples, targets }: ScalarMlpInput): Prepared<ScalarMlpOutput> {
      const scalar = (v: number) => tg.scalar(v, { dtype: 'float32', requiresGrad: true });
      const w = weights.map((layer) => Array.from(layer, scalar));
      const b = biases.map((layer) => Array.from(layer, scalar));
      const params = [...w.flat(), ...b.flat()];
      let loss: Tensor | undefined;
      return {
        step() {
          for (const p of params) p.grad = null;
          loss = undefined;
          samples.forEach((sample, s) => {
            let activations: (Tensor | number)[] = Array.from(sample);
            for (let l = 0; l + 1 < sizes.length; l++) {
              const isLast = l + 2 === sizes.length;
              activations = b[l].map((bias, o) => {
                let total = bias;
                for (let i = 0; i < sizes[l]; i++) total = total.add(w[l][o * sizes[l] + i].mul(activations[i]));
                return isLast ? total : total.tanh();
              });
            }
            const error = (activations[0] as Tensor).sub(targets[s]);
            const squared = error.mul(error);
            loss = loss ? loss.add(squared) : squared;
          });
          loss!.backward();
        },
        read: () => ({ loss: loss!.item(), grads: Float64Array.from(params, (p) => p.grad!.item()) }),
      };
    },

    scalarChain({ length, x: start }: ScalarChainInput) {
      const x = tg.scalar(start, { dtype: 'float32', requiresGrad: true });
      let value = 0;
      return {
        step() {
          x.grad = null;
          let y = x;
          for (let i = 0; i < length; i++) y = i % 2 === 0 ? y.add(1) : y.mul(1);
          y.backward();
          value = y.item();
        },
        read: () => ({ value, grad: x.grad!.item() }),
      };
    },

    conv(input: ConvInput) {
      if (!conv2d) throw new Unsupported('not available', '@tapegrad/tensor does not export conv2d yet');
      const { batch, height, width, channels: [c0, c1, c2] } = input;
      const x = leaf(input.x, [batch, c0, height, width], 'float32');
      const g = leaf(input.g, [batch, c2, height, width], 'float32');
      const params = [
        leaf(input.w1, [c1, c0, 3, 3], 'float32', true),
        leaf(input.b1, [c1], 'float32', true),
        leaf(input.w2, [c2, c1, 3, 3], 'float32', true),
        leaf(input.b2, [c2], 'float32', true),
      ];
      const [w1, b1, w2, b2] = params;
      let loss: Tensor | undefined;
      const gradOf = (p: Tensor) => Float64Array.from(p.grad!.data());
      return {
        step() {
          for (const p of params) p.grad = null;
          const hiddenLayer = conv2d(x, w1, b1, { stride: 1, padding: 1 }).relu();
          loss = conv2d(hiddenLayer, w2, b2, { stride: 1, padding: 1 }).mul(g).sum();
          loss.backward();
        },
        read: () => ({ loss: loss!.item(), gradW1: gradOf(w1), gradB1: gradOf(b1), gradW2: gradOf(w2), gradB2: gradOf(b2) }),
      };
    },
  };
}
