/**
 * jax-js 0.1.25 on its WebAssembly device (`init('wasm')`: in Node 20, init without an argument
 * throws). Arrays are reference-counted with move semantics — every op consumes its arguments and
 * `.ref` adds a reference — so each step below hands `.ref`s to the ops and keeps its inputs alive.
 * Ops are lazy: a step awaits `blockUntilReady` on every output before it returns.
 *
 * float64: jax-js has it, but its wasm exp and log are float32-accurate even on float64 arrays
 * (measured relative errors 1e-8…6e-7), so the float64 MLP's losses miss the float64 reference.
 * Also, `np.array(Float64Array)` reaches an `instanceof Float16Array` check
 * that throws in Node 20 (no Float16Array). The benchmark inputs are float32-exact, so float64
 * arrays are built as float32 arrays cast with `.astype(float64)`, which is exact.
 *
 * Known limits, reported as "not measurable" rather than skipped: `jit` of a long op chain takes
 * minutes to compile, and eager grad's cost grows superlinearly with the chain's length.
 */
import * as jax from '@jax-js/jax';
import type { Array as JaxArray } from '@jax-js/jax';
import type { BenchDtype, FloatArray } from '../dtype.js';
import type {
  ChainInput, ChainOutput, ConvInput, Library, MatmulInput, MlpInput, Prepared, ScalarChainInput, ScalarChainOutput, ScalarMlpInput, ScalarMlpOutput,
} from '../library.js';
import { isStackOverflow, Unsupported } from '../unsupported.js';
import { extrapolate, formatDuration } from './extrapolate.js';

const { numpy: np, nn, lax } = jax;

function array(values: ArrayLike<number>, shape: number[], dtype: BenchDtype = 'float32'): JaxArray {
  const f32 = np.array(Float32Array.from(values), { shape });
  return dtype === 'float64' ? f32.astype(np.float64) : f32;
}

async function toFloat64(x: JaxArray): Promise<Float64Array> {
  return Float64Array.from((await x.data()) as ArrayLike<number>);
}

/**
 * Long graphs of small ops run eagerly: jit's compile time grows so fast with the graph's length
 * (on the 2-core benchmark machine a 100-op chain on 16 elements took ~110 s to compile, and a
 * 1,000-op chain had not finished compiling after 300 s) that it cannot be part of a benchmark.
 */
const EAGER_NOTE = 'eager: jit compile of a long chain takes minutes';
const JIT_LIMIT = 'jit compile of long chains takes minutes';

function disposeTree(out: unknown): void {
  jax.tree.map((leaf: JaxArray) => leaf.dispose(), out as never);
}

async function settleTree(out: unknown): Promise<void> {
  await jax.blockUntilReady(out as never);
  disposeTree(out);
}

/** `stepLimitMs`: an eager step that shorter probes predict to be slower than this is not attempted. */
export async function loadJax(name: string, stepLimitMs: number): Promise<Library> {
  await jax.init('wasm');
  jax.defaultDevice('wasm');

  return {
    name,

    matmul({ n, dtype, a, b }: MatmulInput): Prepared<FloatArray> {
      const A = array(a, [n, n], dtype);
      const B = array(b, [n, n], dtype);
      let out: JaxArray | undefined;
      return {
        async step() {
          out?.dispose();
          out = np.matmul(A.ref, B.ref);
          await out.blockUntilReady();
        },
        read: async () => (await out!.ref.data()) as FloatArray,
      };
    },

    async mlp(input: MlpInput): Promise<Prepared<number>> {
      const { batch, dtype, features, hidden, classes, learningRate } = input;
      type Params = { w1: JaxArray; b1: JaxArray; w2: JaxArray; b2: JaxArray };
      const x = array(input.x, [batch, features], dtype);
      const oneHot = nn.oneHot(np.array(Int32Array.from(input.labels), { shape: [batch] }), classes).astype(dtype === 'float64' ? np.float64 : np.float32);
      let params: Params = {
        w1: array(input.w1, [features, hidden], dtype),
        b1: array(input.b1, [hidden], dtype),
        w2: array(input.w2, [hidden, classes], dtype),
        b2: array(input.b2, [classes], dtype),
      };
      const lossOf = (p: Params, xs: JaxArray, targets: JaxArray) => {
        const h = nn.relu(np.matmul(xs, p.w1).add(p.b1));
        const logits = np.matmul(h, p.w2).add(p.b2);
        return nn.logSoftmax(logits, -1).mul(targets).sum().mul(-1 / batch);
      };
      const valueAndGrad = jax.jit(jax.valueAndGrad(lossOf));
      // A bare 0.1 would be weakly typed and rounded to float32 even in a float64 update.
      const lr = np.full([], learningRate, { dtype: dtype === 'float64' ? np.float64 : np.float32 });
      let loss: JaxArray | undefined;
      return {
        note: 'jit(valueAndGrad(loss)), eager SGD update',
        async step() {
          const [value, grads] = valueAndGrad(jax.tree.map((p: JaxArray) => p.ref, params), x.ref, oneHot.ref) as [JaxArray, Params];
          params = {
            w1: params.w1.sub(grads.w1.mul(lr.ref)),
            b1: params.b1.sub(grads.b1.mul(lr.ref)),
            w2: params.w2.sub(grads.w2.mul(lr.ref)),
            b2: params.b2.sub(grads.b2.mul(lr.ref)),
          };
          loss?.dispose();
          loss = value;
          await jax.blockUntilReady([params, loss]);
        },
        read: async () => (await loss!.ref.data())[0],
      };
    },

    async chain({ length, size, x: xValues, shift: shiftValues, scale: scaleValues }: ChainInput): Promise<Prepared<ChainOutput>> {
      const x = array(xValues, [size]);
      const shift = array(shiftValues, [size]);
      const scale = array(scaleValues, [size]);
      const chain = (input: JaxArray) => {
        let y = input;
        for (let i = 0; i < length; i++) {
          const kind = i % 3;
          y = kind === 0 ? y.add(shift.ref) : kind === 1 ? y.mul(scale.ref) : np.tanh(y);
        }
        return y.sum();
      };
      const run = jax.valueAndGrad(chain);
      let result: [JaxArray, JaxArray] | undefined;
      return {
        note: EAGER_NOTE,
        async step() {
          if (result) disposeTree(result);
          result = run(x.ref) as [JaxArray, JaxArray];
          await jax.blockUntilReady(result);
        },
        read: async () => ({ value: (await result![0].ref.data())[0], grad: await toFloat64(result![1].ref) }),
      };
    },

    async scalarMlp({ sizes, weights, biases, samples, targets }: ScalarMlpInput): Promise<Prepared<ScalarMlpOutput>> {
      const layers = sizes.length - 1;
      const scalar = (v: number) => np.array(Float32Array.of(v), { shape: [] });
      const params = [...weights.flatMap((w) => [...w]), ...biases.flatMap((b) => [...b])].map(scalar);
      // Every parameter and activation is used several times: each use takes a `.ref`, and the
      // function consumes its arguments once at the end, as jax-js's ownership rules require.
      const lossOf = (flat: JaxArray[]) => {
        const w: JaxArray[][] = [];
        const b: JaxArray[][] = [];
        let offset = 0;
        for (let l = 0; l < layers; l++) w.push(flat.slice(offset, (offset += weights[l].length)));
        for (let l = 0; l < layers; l++) b.push(flat.slice(offset, (offset += biases[l].length)));
        let loss: JaxArray | undefined;
        samples.forEach((sample, s) => {
          let activations: (JaxArray | number)[] = Array.from(sample);
          for (let l = 0; l < layers; l++) {
            const next = b[l].map((bias, o) => {
              let total = bias.ref;
              for (let i = 0; i < sizes[l]; i++) {
                const a = activations[i];
                total = total.add(w[l][o * sizes[l] + i].ref.mul(typeof a === 'number' ? a : a.ref));
              }
              return l < layers - 1 ? np.tanh(total) : total;
            });
            for (const a of activations) if (typeof a !== 'number') a.dispose();
            activations = next;
          }
          const error = (activations[0] as JaxArray).sub(targets[s]);
          const squared = error.ref.mul(error);
          loss = loss ? loss.add(squared) : squared;
        });
        for (const p of flat) p.dispose();
        return loss!;
      };
      const run = jax.valueAndGrad(lossOf);
      // Eager grad slows superlinearly with the graph: time 1 and 3 samples' graphs first, and
      // refuse (with the numbers) when the full graph would take too long for a benchmark step.
      const subset = (count: number) => async () => {
        const original = samples.splice(count);
        try {
          await settleTree(run(params.map((p) => p.ref)));
        } finally {
          samples.push(...original);
        }
      };
      const fit = await extrapolate((count) => subset(count)(), 1, 2, samples.length);
      if (fit.targetMs > stepLimitMs) {
        throw new Unsupported(
          'not measurable',
          `eager grad: 1 sample ${formatDuration(fit.smallMs)}, 2 samples ${formatDuration(fit.largeMs)} (∝ size^${fit.exponent.toFixed(1)}), so ${samples.length} would take ~${formatDuration(fit.targetMs)}; ${JIT_LIMIT}`,
        );
      }
      let result: [JaxArray, JaxArray[]] | undefined;
      return {
        note: EAGER_NOTE,
        async step() {
          if (result) disposeTree(result);
          result = run(params.map((p) => p.ref)) as [JaxArray, JaxArray[]];
          await jax.blockUntilReady(result);
        },
        async read() {
          const [value, grads] = result!;
          const out = new Float64Array(grads.length);
          for (let i = 0; i < grads.length; i++) out[i] = (await grads[i].ref.data())[0];
          return { loss: (await value.ref.data())[0], grads: out };
        },
      };
    },

    async scalarChain({ length, x: start }: ScalarChainInput): Promise<Prepared<ScalarChainOutput>> {
      const chainOf = (ops: number) => (input: JaxArray) => {
        let y = input;
        for (let i = 0; i < ops; i++) y = i % 2 === 0 ? y.add(1) : y.mul(1);
        return y;
      };
      const x = np.array(Float32Array.of(start), { shape: [] });
      const count = (ops: number) => ops.toLocaleString('en-US');
      const overflows = async (ops: number) => {
        try {
          await settleTree(jax.valueAndGrad(chainOf(ops))(x.ref));
          return false;
        } catch (error) {
          if (!isStackOverflow(error)) throw error;
          return true;
        }
      };
      // Eager grad's time and stack use grow with the chain: time two short chains and try a
      // 10,000-op one before committing to 1,000,000 ops, and say why when it is out of reach.
      const timed = async (ops: number) => {
        if (await overflows(ops)) throw new Unsupported('not measurable', `eager grad of a ${count(ops)}-op chain overflows the stack; ${JIT_LIMIT}`);
      };
      await timed(500); // warm-up
      const fit = await extrapolate(timed, 1000, 2000, length);
      const timing = `eager grad: 1,000 ops ${formatDuration(fit.smallMs)}, 2,000 ops ${formatDuration(fit.largeMs)} (∝ ops^${fit.exponent.toFixed(1)})`;
      if (await overflows(10_000)) throw new Unsupported('not measurable', `eager grad of a 10,000-op chain overflows the stack (${timing}); ${JIT_LIMIT}`);
      if (fit.targetMs > stepLimitMs) throw new Unsupported('not measurable', `${timing}, so ${count(length)} ops would take ~${formatDuration(fit.targetMs)}; ${JIT_LIMIT}`);
      let result: [JaxArray, JaxArray] | undefined;
      const run = jax.valueAndGrad(chainOf(length));
      return {
        note: EAGER_NOTE,
        async step() {
          if (result) disposeTree(result);
          result = run(x.ref) as [JaxArray, JaxArray];
          await jax.blockUntilReady(result);
        },
        read: async () => ({ value: (await result![0].ref.data())[0], grad: (await result![1].ref.data())[0] }),
      };
    },

    async conv(input: ConvInput) {
      const { batch, height, width, channels: [c0, c1, c2] } = input;
      type Params = { w1: JaxArray; b1: JaxArray; w2: JaxArray; b2: JaxArray };
      const x = array(input.x, [batch, c0, height, width]);
      const g = array(input.g, [batch, c2, height, width]);
      const params: Params = {
        w1: array(input.w1, [c1, c0, 3, 3]),
        b1: array(input.b1, [1, c1, 1, 1]),
        w2: array(input.w2, [c2, c1, 3, 3]),
        b2: array(input.b2, [1, c2, 1, 1]),
      };
      const lossOf = (p: Params, xs: JaxArray, weights: JaxArray) => {
        const hiddenLayer = nn.relu(lax.conv(xs, p.w1, [1, 1], 'SAME').add(p.b1));
        return lax.conv(hiddenLayer, p.w2, [1, 1], 'SAME').add(p.b2).mul(weights).sum();
      };
      const valueAndGrad = jax.jit(jax.valueAndGrad(lossOf));
      // Compile here, so the checked step (which also sizes the timing) is not the compile.
      await settleTree(valueAndGrad(jax.tree.map((p: JaxArray) => p.ref, params), x.ref, g.ref));
      let result: [JaxArray, Params] | undefined;
      return {
        note: 'jit(valueAndGrad(loss)), lax.conv NCHW',
        async step() {
          if (result) disposeTree(result);
          result = valueAndGrad(jax.tree.map((p: JaxArray) => p.ref, params), x.ref, g.ref) as [JaxArray, Params];
          await jax.blockUntilReady(result);
        },
        async read() {
          const [value, grads] = result!;
          return {
            loss: (await value.ref.data())[0],
            gradW1: await toFloat64(grads.w1.ref),
            gradB1: await toFloat64(grads.b1.ref),
            gradW2: await toFloat64(grads.w2.ref),
            gradB2: await toFloat64(grads.b2.ref),
          };
        },
      };
    },
  };
}
