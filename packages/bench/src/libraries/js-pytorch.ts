/**
 * js-pytorch 0.7.2 on its CPU path (its optional GPU dependency `gl` is never built or loaded).
 * Its tensors hold nested JS arrays of numbers, so it computes in float64 only: float32 cases of
 * workloads that have a float64 row say "no float32". It has no tanh (composed here from exp, as
 * (e^{2y} − 1)/(e^{2y} + 1): five ops per tanh, noted in the table), its `nn.ReLU` is a leaky ReLU
 * (slope 1e-3 below 0) so ReLU is `masked_fill(h ≤ 0, 0)`, it has no conv, no SGD class (the update
 * is written into the parameters' arrays, as its Adam does), and a recursive backward.
 */
import { torch } from 'js-pytorch';
import type { BenchDtype, FloatArray } from '../dtype.js';
import type {
  ChainInput, Library, MatmulInput, MlpInput, Prepared, ScalarChainInput, ScalarMlpInput, ScalarMlpOutput,
} from '../library.js';
import { Unsupported } from '../unsupported.js';

type TorchTensor = InstanceType<typeof torch.Tensor>;
type Nested = number | Nested[];

function nested(values: ArrayLike<number>, shape: number[]): Nested[] {
  const [rows, ...rest] = shape;
  const stride = rest.reduce((a, b) => a * b, 1);
  return Array.from({ length: rows }, (_, r) => (rest.length === 0 ? values[r] : nested(Array.prototype.slice.call(values, r * stride, (r + 1) * stride), rest)));
}

function flatten(values: unknown): Float64Array {
  return Float64Array.from((Array.isArray(values) ? values.flat(Infinity) : [values]) as number[]);
}

function float64Only(dtype: BenchDtype): void {
  if (dtype !== 'float64') throw new Unsupported('no float32', 'computes in float64 only; see the float64 row');
}

/** p ← p − lr·grad over nested arrays, in place (js-pytorch's own Adam writes `_data` the same way). */
function sgdInPlace(param: Nested[], grad: Nested[], learningRate: number): void {
  for (let i = 0; i < param.length; i++) {
    const p = param[i];
    if (Array.isArray(p)) sgdInPlace(p, grad[i] as Nested[], learningRate);
    else param[i] = p - learningRate * (grad[i] as number);
  }
}

/** tanh y = (e^{2y} − 1) / (e^{2y} + 1): five ops (its pow(−1) returns its input, so no reciprocal). */
function tanh(y: TorchTensor): TorchTensor {
  const e = y.mul(2).exp();
  return e.sub(1).div(e.add(1));
}

export async function loadJsPytorch(name: string): Promise<Library> {
  return {
    name,

    matmul({ n, dtype, a, b }: MatmulInput): Prepared<FloatArray> {
      float64Only(dtype);
      const A = torch.tensor(nested(a, [n, n]));
      const B = torch.tensor(nested(b, [n, n]));
      let out: TorchTensor | undefined;
      return {
        step: () => void (out = A.matmul(B)),
        read: () => flatten(out!.data),
      };
    },

    mlp(input: MlpInput): Prepared<number> {
      float64Only(input.dtype);
      const { batch, features, hidden, classes, learningRate } = input;
      const x = torch.tensor(nested(input.x, [batch, features]));
      const labels = torch.tensor(Array.from(input.labels));
      const params = [
        torch.tensor(nested(input.w1, [features, hidden]), true),
        torch.tensor(Array.from(input.b1), true),
        torch.tensor(nested(input.w2, [hidden, classes]), true),
        torch.tensor(Array.from(input.b2), true),
      ];
      const [w1, b1, w2, b2] = params;
      const crossEntropy = new torch.nn.CrossEntropyLoss();
      let loss: TorchTensor | undefined;
      return {
        note: 'ReLU as masked_fill, nn.CrossEntropyLoss, SGD into _data',
        step() {
          for (const p of params) p.zero_grad();
          const preActivation = x.matmul(w1).add(b1);
          const logits = preActivation.masked_fill(preActivation, (v) => v <= 0, 0).matmul(w2).add(b2);
          loss = crossEntropy.forward(logits, labels);
          loss.backward();
          for (const p of params) sgdInPlace(p._data, p._grad.data, learningRate);
        },
        read: () => flatten(loss!.data)[0],
      };
    },

    chain({ length, x: xValues, shift: shiftValues, scale: scaleValues }: ChainInput) {
      const x = torch.tensor(Array.from(xValues), true);
      const shift = torch.tensor(Array.from(shiftValues));
      const scale = torch.tensor(Array.from(scaleValues));
      let total: TorchTensor | undefined;
      return {
        note: 'float64; tanh composed of 5 ops',
        step() {
          x.zero_grad();
          let y: TorchTensor = x;
          for (let i = 0; i < length; i++) {
            const kind = i % 3;
            y = kind === 0 ? y.add(shift) : kind === 1 ? y.mul(scale) : tanh(y);
          }
          total = y.sum();
          total.backward();
        },
        read: () => ({ value: flatten(total!.data)[0], grad: flatten(x.grad) }),
      };
    },

    scalarMlp({ sizes, weights, biases, samples, targets }: ScalarMlpInput): Prepared<ScalarMlpOutput> {
      const scalar = (v: number) => torch.tensor([v], true);
      const w = weights.map((layer) => Array.from(layer, scalar));
      const b = biases.map((layer) => Array.from(layer, scalar));
      const params = [...w.flat(), ...b.flat()];
      let loss: TorchTensor | undefined;
      return {
        note: 'float64; [1]-shaped tensors; tanh composed of 5 ops',
        step() {
          for (const p of params) p.zero_grad();
          loss = undefined;
          samples.forEach((sample, s) => {
            let activations: (TorchTensor | number)[] = Array.from(sample);
            for (let l = 0; l + 1 < sizes.length; l++) {
              const isLast = l + 2 === sizes.length;
              activations = b[l].map((bias, o) => {
                let total = bias;
                for (let i = 0; i < sizes[l]; i++) total = total.add(w[l][o * sizes[l] + i].mul(activations[i]));
                return isLast ? total : tanh(total);
              });
            }
            const error = (activations[0] as TorchTensor).sub(targets[s]);
            const squared = error.mul(error);
            loss = loss ? loss.add(squared) : squared;
          });
          loss!.backward();
        },
        read: () => ({ loss: flatten(loss!.data)[0], grads: Float64Array.from(params, (p) => flatten(p.grad)[0]) }),
      };
    },

    scalarChain({ length, x: start }: ScalarChainInput) {
      const x = torch.tensor([start], true);
      let y: TorchTensor | undefined;
      return {
        note: 'float64',
        step() {
          x.zero_grad();
          y = x;
          for (let i = 0; i < length; i++) y = i % 2 === 0 ? y.add(1) : y.mul(1);
          y.backward();
        },
        read: () => ({ value: flatten(y!.data)[0], grad: flatten(x.grad)[0] }),
      };
    },
  };
}
