/**
 * Node-only parts of `@tapegrad/nn`: saving and loading checkpoints on disk.
 * @module
 */
export { save, type SaveOptions } from './save.js';
export { load, type LoadOptions, type LoadedCheckpoint } from './load.js';
