/**
 * Moving tensor elements to and from little-endian bytes, which is what safetensors stores
 * whatever the machine. Every current JS engine host is little-endian, so the usual path is one
 * byte copy; a big-endian host goes element by element through a DataView, so a file written on
 * one machine reads back the same on any other.
 * @module
 */
import type { Dtype, TypedArray } from '@tapegrad/tensor';
import { ITEM_SIZE } from './format.js';

/** True when this machine stores numbers little-endian, so typed-array bytes are already in file order. */
export const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Writes `values` into `target` (exactly `values.length × itemsize` bytes) in little-endian order.
 * `viaDataView` forces the element-by-element path, so a test can check it on a little-endian host.
 */
export function writeLittleEndian(values: TypedArray, target: Uint8Array, viaDataView = !HOST_IS_LITTLE_ENDIAN): void {
  if (!viaDataView) {
    target.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    return;
  }
  const view = new DataView(target.buffer, target.byteOffset, target.byteLength);
  if (values instanceof Float64Array) {
    for (let i = 0; i < values.length; i++) view.setFloat64(i * 8, values[i], true);
  } else if (values instanceof Float32Array) {
    for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true);
  } else {
    for (let i = 0; i < values.length; i++) view.setInt32(i * 4, values[i], true);
  }
}

/**
 * Reads `source` (little-endian elements of `dtype`) into a new typed array. The result never
 * shares memory with `source`, so the file's buffer can be dropped once loading is done.
 */
export function readLittleEndian(source: Uint8Array, dtype: Dtype, viaDataView = !HOST_IS_LITTLE_ENDIAN): TypedArray {
  const length = source.byteLength / ITEM_SIZE[dtype];
  const out = dtype === 'float64' ? new Float64Array(length) : dtype === 'float32' ? new Float32Array(length) : new Int32Array(length);
  if (!viaDataView) {
    // Copying bytes (not elements) also keeps NaN payloads exactly as written.
    new Uint8Array(out.buffer).set(source);
    return out;
  }
  const view = new DataView(source.buffer, source.byteOffset, source.byteLength);
  if (out instanceof Float64Array) {
    for (let i = 0; i < length; i++) out[i] = view.getFloat64(i * 8, true);
  } else if (out instanceof Float32Array) {
    for (let i = 0; i < length; i++) out[i] = view.getFloat32(i * 4, true);
  } else {
    for (let i = 0; i < length; i++) out[i] = view.getInt32(i * 4, true);
  }
  return out;
}
