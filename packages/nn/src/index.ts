/**
 * `@tapegrad/nn`: modules, layers and initialisers, with PyTorch's names and layouts.
 *
 * ```ts
 * import { Linear, ReLU, Sequential } from '@tapegrad/nn';
 * const model = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
 * const logits = model.forward(x);            // [N, 10]
 * model.stateDict();                          // { '0.weight': …, '0.bias': …, '2.weight': …, '2.bias': … }
 * ```
 * @module
 */
export { Parameter, type ParameterOptions } from './parameter.js';
export { Module, type StateDict, type StateDictOptions } from './module.js';
export type { LoadStateDictOptions, LoadStateDictResult } from './load-state-dict.js';
export { functionalCall } from './functional-call.js';
export * as init from './init.js';
export { Linear, type LinearOptions } from './layers/linear.js';
export { Sequential } from './layers/sequential.js';
export { ModuleList } from './layers/module-list.js';
export { ReLU, LeakyReLU, Tanh, Sigmoid, Softmax } from './layers/activations.js';
export { Dropout } from './layers/dropout.js';
export { BatchNorm, BatchNorm1d, BatchNorm2d, type BatchNormOptions } from './layers/batch-norm.js';
export { LayerNorm, type LayerNormOptions } from './layers/layer-norm.js';
export { Flatten } from './layers/flatten.js';
export { Unflatten } from './layers/unflatten.js';
export { Embedding } from './layers/embedding.js';
export { Conv2d, type Conv2dLayerOptions } from './layers/conv2d.js';
export { MaxPool2d, type MaxPool2dLayerOptions } from './layers/max-pool2d.js';
export { toBytes, type ToBytesOptions, type HasStateDict } from './safetensors/encode.js';
export { fromBytes, type DecodedTensors } from './safetensors/decode.js';
export type { CheckpointModule, CheckpointOptimizer, OptimizerStateDict } from './checkpoint/stateful.js';
