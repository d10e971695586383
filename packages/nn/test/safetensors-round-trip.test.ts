import { arange, scalar, type Tensor, tensor, zeros } from '@tapegrad/tensor';
import { describe, expect, it } from 'vitest';
import { fromBytes, toBytes } from '../src/index.js';
import { readLittleEndian, writeLittleEndian } from '../src/safetensors/byte-order.js';

/** Raw bytes of a tensor's storage, for bit-exact comparisons (NaN payloads, −0). */
function bitsOf(x: Tensor): number[] {
  return Array.from(new Uint8Array(x.buffer.buffer, x.buffer.byteOffset, x.buffer.byteLength));
}

function expectSameTensor(actual: Tensor, expected: Tensor): void {
  expect(actual.dtype).toBe(expected.dtype);
  expect(actual.shape).toEqual(expected.shape);
  expect(bitsOf(actual)).toEqual(bitsOf(expected));
}

describe('toBytes / fromBytes round trip', () => {
  const tensors: Record<string, Tensor> = {
    'layer.weight': tensor(new Float64Array([1.5, -2.25, Math.PI, 1e-300, -0, Number.MAX_VALUE]), { shape: [2, 3] }),
    'layer.bias': tensor(new Float32Array([0.1, -7, 3e38]), { shape: [3] }),
    labels: tensor(new Int32Array([0, -1, 2147483647, -2147483648]), { shape: [2, 1, 2] }),
    step: scalar(42, { dtype: 'int32' }),
    temperature: scalar(0.5),
    scale32: scalar(2.5, { dtype: 'float32' }),
    empty: zeros([0]),
    emptyMatrix: zeros([3, 0], { dtype: 'float32' }),
    emptyLabels: zeros([0, 4], { dtype: 'int32' }),
  };

  it('gives back every dtype, shape and bit, 0-d scalars and empty tensors included', () => {
    const { tensors: decoded, metadata } = fromBytes(toBytes(tensors));
    expect(Object.keys(decoded).sort()).toEqual(Object.keys(tensors).sort());
    for (const [name, expected] of Object.entries(tensors)) expectSameTensor(decoded[name], expected);
    expect(metadata).toEqual({});
  });

  it('keeps NaN, ±Infinity and −0 exactly (they are legal weights)', () => {
    const special = {
      f64: tensor(new Float64Array([NaN, Infinity, -Infinity, -0, 0])),
      f32: tensor(new Float32Array([NaN, Infinity, -Infinity, -0, 0])),
    };
    const { tensors: decoded } = fromBytes(toBytes(special));
    expectSameTensor(decoded.f64, special.f64);
    expectSameTensor(decoded.f32, special.f32);
    expect(Object.is(decoded.f64.buffer[3], -0)).toBe(true);
  });

  it('round-trips metadata strings, unicode included', () => {
    const metadata = { epoch: '12', note: 'grüße, 日本語, "quotes" and \\ backslash', empty: '' };
    const decoded = fromBytes(toBytes({ x: scalar(1) }, { metadata }));
    expect(decoded.metadata).toEqual(metadata);
  });

  it('round-trips unicode tensor names and a name that looks like an index', () => {
    const named = { 'encoder.ß.weight': arange(3), '0': arange(2), '1.bias': arange(1) };
    const decoded = fromBytes(toBytes(named)).tensors;
    expect(decoded['encoder.ß.weight'].toArray()).toEqual([0, 1, 2]);
    expect(decoded['0'].toArray()).toEqual([0, 1]);
    expect(decoded['1.bias'].toArray()).toEqual([0]);
  });

  it("saves what a module's stateDict() returns", () => {
    const module = { stateDict: () => ({ weight: tensor([[1, 2]]), bias: tensor([3]) }) };
    const decoded = fromBytes(toBytes(module)).tensors;
    expect(decoded.weight.toArray()).toEqual([[1, 2]]);
    expect(decoded.bias.toArray()).toEqual([3]);
  });

  it('saves an empty dict as a valid file with no tensors', () => {
    const bytes = toBytes({});
    expect(bytes.length % 8).toBe(0);
    expect(fromBytes(bytes)).toEqual({ tensors: {}, metadata: {} });
  });

  it('reads from an ArrayBuffer and from a Uint8Array that starts partway into its buffer', () => {
    const bytes = toBytes({ x: tensor([1, 2, 3]), y: tensor(new Int32Array([7])) });
    expect(fromBytes(bytes.slice().buffer).tensors.x.toArray()).toEqual([1, 2, 3]);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const decoded = fromBytes(shifted.subarray(3)).tensors;
    expect(decoded.x.toArray()).toEqual([1, 2, 3]);
    expect(decoded.y.toArray()).toEqual([7]);
  });

  it('returns tensors that do not share memory with the bytes', () => {
    const bytes = toBytes({ x: tensor([1, 2, 3]) });
    const { x } = fromBytes(bytes).tensors;
    bytes.fill(0xff);
    expect(x.toArray()).toEqual([1, 2, 3]);
  });

  it('saves a tensor that is a view into a larger buffer (reshape shares storage)', () => {
    const storage = new Float64Array([9, 9, 1, 2, 3, 4]);
    const view = tensor(storage.subarray(2), { shape: [2, 2] });
    expect(fromBytes(toBytes({ view })).tensors.view.toArray()).toEqual([[1, 2], [3, 4]]);
  });
});

describe('byte order', () => {
  it('writes and reads the same bytes element by element (the big-endian host path) as by block copy', () => {
    const samples = [
      new Float64Array([1.5, -0, NaN, Infinity, 1e-310]),
      new Float32Array([1.5, -0, Infinity, 1e-40, -3.25]),
      new Int32Array([1, -1, 2147483647, -2147483648, 0]),
    ];
    for (const values of samples) {
      const copied = new Uint8Array(values.byteLength);
      const perElement = new Uint8Array(values.byteLength);
      writeLittleEndian(values, copied, false);
      writeLittleEndian(values, perElement, true);
      expect(Array.from(perElement)).toEqual(Array.from(copied));
      const dtype = values instanceof Float64Array ? 'float64' : values instanceof Float32Array ? 'float32' : 'int32';
      expect(Array.from(readLittleEndian(perElement, dtype, true))).toEqual(Array.from(values));
      expect(Array.from(readLittleEndian(perElement, dtype, false))).toEqual(Array.from(values));
    }
  });

  it('stores 1.0 as float64 in the IEEE little-endian bytes 00 … f0 3f', () => {
    const bytes = toBytes({ one: scalar(1) });
    expect(Array.from(bytes.subarray(bytes.length - 8))).toEqual([0, 0, 0, 0, 0, 0, 0xf0, 0x3f]);
  });
});
