/**
 * `@tapegrad/tensor`: tensors that record every op on a tape, and reverse-mode autodiff over it.
 *
 * ```ts
 * import { tensor } from '@tapegrad/tensor';
 * const x = tensor([1, 2, 3], { requiresGrad: true });
 * const y = x.mul(x).sum();
 * y.backward();
 * console.log(x.grad!.toArray()); // [2, 4, 6]
 * ```
 * @module
 */
export { Tensor, type TensorLike, type VersionCounter } from './tensor.js';
export { type Dtype, type FloatDtype, type TypedArray, DTYPES, setDefaultDtype, getDefaultDtype, isFloat, promoteDtypes } from './dtype.js';
export { describeTensor } from './format.js';
export { type Shape, MAX_SIZE, broadcastShapes, formatShape, sameShape, sizeOf } from './shape.js';
export {
  tensor, scalar, zeros, ones, full, zerosLike, onesLike, arange, linspace, eye, rand, randn, randint, oneHot,
  type CreationOptions, type TensorOptions,
} from './creation.js';
export { manualSeed } from './random.js';
export { seededUniform } from './seeded-stream.js';
export { type NestedArray, MAX_NESTING } from './nested.js';
export { noGrad, isGradEnabled, detectAnomaly } from './grad-mode.js';
export { tape, backwardThroughNode, type TapeNode, type TapeListing, type TapeEntry, type BackwardOptions } from './tape.js';
export {
  defineOp, defineComposite, listOps, getOp,
  type Op, type CompositeOp, type RegisteredOp, type OpDefinition, type OpSample, type BackwardContext,
  type RawTensor, type RawResult, type CheckHints, type FastCheckModule, type AttrsArgument,
} from './op.js';
export { grad, valueAndGrad, vjp, hvp, jacobian, type TensorFunction } from './transforms.js';
export {
  shapeArb, broadcastShapesArb, valuesArb, tensorArb, anyTensorArb, broadcastTensorsArb, distinctTensorsArb, axisArb, axesArb, indexTensorArb,
  type ShapeLimits, type ValueRange,
} from './sampling.js';
export { astype, clone } from './ops/copy.js';
export { neg, exp, log, sqrt, abs, tanh, sigmoid, relu, leakyRelu, clamp } from './ops/unary.js';
export { add, sub, mul, div, pow, maximum, minimum } from './ops/binary.js';
export { eq, lt, le, gt, ge } from './ops/compare.js';
export { where } from './ops/where.js';
export { sum, max, min } from './ops/reduce.js';
export { mean, variance, variance as var, std, type VarianceOptions } from './ops/statistics.js';
export { logsumexp } from './ops/logsumexp.js';
export { argmax, argmin } from './ops/arg-reduce.js';
export { matmul } from './ops/matmul.js';
export { linear } from './ops/linear.js';
export { softmax, logSoftmax } from './ops/softmax.js';
export { reshape, squeeze, unsqueeze, flatten } from './ops/reshape.js';
export { permute, transpose } from './ops/permute.js';
export { broadcastTo, sumTo } from './ops/broadcast.js';
export { concat, stack } from './ops/concat.js';
export { slice } from './ops/slice.js';
export { pad, type PadOptions } from './ops/pad.js';
export { gather, scatterAdd, indexSelect, indexAdd } from './ops/gather.js';
export { setKernelOptions, getKernelOptions, withKernelOptions, kernelInfo, warmUpKernels, type KernelOptions, type KernelInfo } from './kernels/kernel-options.js';
export { conv2d, type Conv2dOptions } from './ops/conv2d.js';
export { maxPool2d, type MaxPool2dOptions } from './ops/max-pool.js';
export { softmaxCrossEntropy } from './ops/softmax-cross-entropy.js';
