/**
 * Initialisers, as PyTorch's `torch.nn.init` with camelCase names: each overwrites a tensor in
 * place (without recording, so it works on parameters) from the seeded generator, so
 * `manualSeed(n)` before building a model fixes its weights; each returns the tensor.
 *
 * ```ts
 * import { init, Linear } from '@tapegrad/nn';
 * const fc = new Linear(784, 256);
 * init.kaimingNormal_(fc.weight, { nonlinearity: 'relu' });
 * init.zeros_(fc.bias!);
 * ```
 * @module
 */
import { noGrad, rand, randn, type Tensor } from '@tapegrad/tensor';

/** The nonlinearities `calculateGain` knows, PyTorch's names in camelCase. */
export type Nonlinearity =
  | 'linear'
  | 'conv1d'
  | 'conv2d'
  | 'conv3d'
  | 'convTranspose1d'
  | 'convTranspose2d'
  | 'convTranspose3d'
  | 'sigmoid'
  | 'tanh'
  | 'relu'
  | 'leakyRelu'
  | 'selu';

/** Which fan the Kaiming initialisers keep the variance of: forward activations (`fanIn`) or backward gradients (`fanOut`). */
export type FanMode = 'fanIn' | 'fanOut';

/** Options of `kaimingUniform_` and `kaimingNormal_`. */
export interface KaimingOptions {
  /** Negative slope of the leaky ReLU that follows (default 0; only read for `'leakyRelu'`). */
  readonly a?: number;
  /** Which fan to divide by (default `'fanIn'`). */
  readonly mode?: FanMode;
  /** The nonlinearity that follows (default `'leakyRelu'`, which with `a = 0` is ReLU's gain √2). */
  readonly nonlinearity?: Nonlinearity;
}

/** Options of `xavierUniform_` and `xavierNormal_`. */
export interface XavierOptions {
  /** Scale factor (default 1); `calculateGain(nonlinearity)` gives the recommended one. */
  readonly gain?: number;
}

/** Options of `normal_`. */
export interface NormalOptions {
  /** Mean (default 0). */
  readonly mean?: number;
  /** Standard deviation, ≥ 0 (default 1). */
  readonly std?: number;
}

/** Options of `uniform_` (PyTorch's `a` and `b`). */
export interface UniformOptions {
  /** Lower bound, inclusive (default 0). */
  readonly low?: number;
  /** Upper bound, exclusive (default 1). */
  readonly high?: number;
}

/** A tensor's fans, as PyTorch's `_calculate_fan_in_and_fan_out`. */
export interface Fans {
  /** Inputs feeding each output: `shape[1] · receptive field` (`inFeatures` of a Linear). */
  readonly fanIn: number;
  /** Outputs each input feeds: `shape[0] · receptive field` (`outFeatures` of a Linear). */
  readonly fanOut: number;
}

/**
 * The recommended gain for a nonlinearity, as PyTorch's `calculate_gain`: 1 for linear, conv
 * and sigmoid, 5/3 for tanh, √2 for relu, `√(2 / (1 + slope²))` for leakyRelu (`param` is the
 * slope, default 0.01), 3/4 for selu.
 */
export function calculateGain(nonlinearity: Nonlinearity, param?: number): number {
  switch (nonlinearity) {
    case 'linear':
    case 'conv1d':
    case 'conv2d':
    case 'conv3d':
    case 'convTranspose1d':
    case 'convTranspose2d':
    case 'convTranspose3d':
    case 'sigmoid':
      return 1;
    case 'tanh':
      return 5 / 3;
    case 'relu':
      return Math.SQRT2;
    case 'leakyRelu': {
      const slope = param ?? 0.01;
      if (typeof slope !== 'number' || !Number.isFinite(slope)) throw new Error(`calculateGain: the leakyRelu slope must be a finite number, got ${String(slope)}`);
      return Math.sqrt(2 / (1 + slope * slope));
    }
    case 'selu':
      return 3 / 4;
    default:
      throw new Error(`calculateGain: unknown nonlinearity ${JSON.stringify(nonlinearity)}; expected one of linear, conv1d, conv2d, conv3d, sigmoid, tanh, relu, leakyRelu, selu`);
  }
}

/**
 * The fans of a weight, as PyTorch's `_calculate_fan_in_and_fan_out`: axis 0 counts outputs,
 * axis 1 inputs, and any further axes (a conv kernel's) form the receptive field that both are
 * multiplied by. A Linear weight `[out, in]` has fanIn `in`; a Conv2d weight `[out, in, kH, kW]`
 * has fanIn `in·kH·kW`.
 */
export function calculateFanInAndFanOut(t: Tensor): Fans {
  if (t.ndim < 2) {
    throw new Error(`calculateFanInAndFanOut: a tensor of shape [${t.shape.join(',')}] has fewer than 2 axes, so it has no fan in and fan out`);
  }
  let receptiveField = 1;
  for (let axis = 2; axis < t.ndim; axis++) receptiveField *= t.shape[axis];
  return { fanIn: t.shape[1] * receptiveField, fanOut: t.shape[0] * receptiveField };
}

/** Fills `t` from U(low, high). */
export function uniform_(t: Tensor, { low = 0, high = 1 }: UniformOptions = {}): Tensor {
  checkFloat('uniform_', t);
  if (!Number.isFinite(low) || !Number.isFinite(high) || low > high) {
    throw new Error(`uniform_: needs finite bounds with low ≤ high, got low ${low}, high ${high}`);
  }
  return fillFrom(t, () => rand(t.shape, { dtype: 'float64' }).mul(high - low).add(low));
}

/** Fills `t` from N(mean, std²). */
export function normal_(t: Tensor, { mean = 0, std = 1 }: NormalOptions = {}): Tensor {
  checkFloat('normal_', t);
  if (!Number.isFinite(mean) || !Number.isFinite(std) || std < 0) {
    throw new Error(`normal_: needs a finite mean and a finite std ≥ 0, got mean ${mean}, std ${std}`);
  }
  return fillFrom(t, () => randn(t.shape, { dtype: 'float64' }).mul(std).add(mean));
}

/** Fills `t` with `value`. */
export function constant_(t: Tensor, value: number): Tensor {
  if (typeof value !== 'number' || Number.isNaN(value)) throw new Error(`constant_: value must be a number, got ${String(value)}`);
  return noGrad(() => t.fill_(value));
}

/** Fills `t` with zeros. */
export function zeros_(t: Tensor): Tensor {
  return constant_(t, 0);
}

/** Fills `t` with ones. */
export function ones_(t: Tensor): Tensor {
  return constant_(t, 1);
}

/**
 * He et al. (2015): U(−bound, bound) with `bound = gain · √(3 / fan)`, `gain =
 * calculateGain(nonlinearity, a)`, so the variance `gain² / fan` is kept through the layer.
 * PyTorch's Linear and Conv2d default is `a = √5`, which gives `bound = 1/√fanIn`.
 */
export function kaimingUniform_(t: Tensor, options: KaimingOptions = {}): Tensor {
  const std = kaimingStd('kaimingUniform_', t, options);
  const bound = Math.sqrt(3) * std;
  return uniform_(t, { low: -bound, high: bound });
}

/** He et al. (2015): N(0, std²) with `std = gain / √fan`, `gain = calculateGain(nonlinearity, a)`. */
export function kaimingNormal_(t: Tensor, options: KaimingOptions = {}): Tensor {
  return normal_(t, { mean: 0, std: kaimingStd('kaimingNormal_', t, options) });
}

/** Glorot & Bengio (2010): U(−bound, bound) with `bound = gain · √(6 / (fanIn + fanOut))`. */
export function xavierUniform_(t: Tensor, { gain = 1 }: XavierOptions = {}): Tensor {
  const bound = Math.sqrt(3) * xavierStd('xavierUniform_', t, gain);
  return uniform_(t, { low: -bound, high: bound });
}

/** Glorot & Bengio (2010): N(0, std²) with `std = gain · √(2 / (fanIn + fanOut))`. */
export function xavierNormal_(t: Tensor, { gain = 1 }: XavierOptions = {}): Tensor {
  return normal_(t, { mean: 0, std: xavierStd('xavierNormal_', t, gain) });
}

function kaimingStd(op: string, t: Tensor, { a = 0, mode = 'fanIn', nonlinearity = 'leakyRelu' }: KaimingOptions): number {
  if (mode !== 'fanIn' && mode !== 'fanOut') throw new Error(`${op}: mode must be 'fanIn' or 'fanOut', got ${JSON.stringify(mode)}`);
  const fans = calculateFanInAndFanOut(t);
  const fan = mode === 'fanIn' ? fans.fanIn : fans.fanOut;
  // A zero-size weight has nothing to fill; PyTorch warns and leaves it (the std would be ∞).
  return fan === 0 ? 0 : calculateGain(nonlinearity, a) / Math.sqrt(fan);
}

function xavierStd(op: string, t: Tensor, gain: number): number {
  if (!Number.isFinite(gain)) throw new Error(`${op}: gain must be a finite number, got ${gain}`);
  const { fanIn, fanOut } = calculateFanInAndFanOut(t);
  return fanIn + fanOut === 0 ? 0 : gain * Math.sqrt(2 / (fanIn + fanOut));
}

function checkFloat(op: string, t: Tensor): void {
  if (t.dtype === 'int32') throw new Error(`${op}: cannot fill an int32 tensor of shape [${t.shape.join(',')}] with random floats; initialise float tensors`);
}

/** Copies `draw()` (float64 values, drawn in one go) into `t`, rounding once to `t`'s dtype. */
function fillFrom(t: Tensor, draw: () => Tensor): Tensor {
  return noGrad(() => t.copy_(draw()));
}
