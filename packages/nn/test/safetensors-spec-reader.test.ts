/**
 * Reads files written by `toBytes` with a reader written here from the format's description
 * (https://github.com/huggingface/safetensors#format), sharing no code with the writer, so a
 * mistake shared by `toBytes` and `fromBytes` cannot hide.
 */
import { scalar, tensor, zeros } from '@tapegrad/tensor';
import { describe, expect, it } from 'vitest';
import { toBytes } from '../src/index.js';

interface SpecEntry {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

interface SpecFile {
  headerLength: number;
  headerText: string;
  metadata: Record<string, string> | undefined;
  entries: Record<string, SpecEntry>;
  values: Record<string, number[]>;
  dataStart: number;
}

/** The format, from its README: u64 LE header length N, N bytes of UTF-8 JSON, then the byte buffer. */
function readBySpec(bytes: Uint8Array): SpecFile {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  const headerText = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerLength));
  const header = JSON.parse(headerText) as Record<string, unknown>;
  const dataStart = 8 + headerLength;
  const { __metadata__: metadata, ...entries } = header as { __metadata__?: Record<string, string> } & Record<string, SpecEntry>;
  const values: Record<string, number[]> = {};
  for (const [name, entry] of Object.entries(entries)) {
    const [begin, end] = entry.data_offsets;
    const size = { F64: 8, F32: 4, I32: 4 }[entry.dtype]!;
    const read = { F64: (at: number) => view.getFloat64(at, true), F32: (at: number) => view.getFloat32(at, true), I32: (at: number) => view.getInt32(at, true) }[entry.dtype]!;
    values[name] = [];
    for (let at = dataStart + begin; at < dataStart + end; at += size) values[name].push(read(at));
  }
  return { headerLength, headerText, metadata, entries, values, dataStart };
}

describe('a file from toBytes, read by a reader written from the safetensors spec', () => {
  const model = {
    'fc1.weight': tensor(new Float32Array([1, 2, 3, 4, 5, 6]), { shape: [2, 3] }),
    'fc1.bias': tensor(new Float32Array([-0.5, 0.25])),
    'bn.numBatches': scalar(7, { dtype: 'int32' }),
    'bn.runningMean': tensor(new Float64Array([0.125, -1e-5, 3])),
    'none': zeros([0, 2]),
  };
  const bytes = toBytes(model, { metadata: { epoch: '3' } });
  const file = readBySpec(bytes);

  it('has a header length that fits the file, padded with spaces to a multiple of 8', () => {
    expect(file.headerLength % 8).toBe(0);
    expect(8 + file.headerLength).toBeLessThanOrEqual(bytes.length);
    expect(file.headerText.startsWith('{')).toBe(true);
    expect(file.headerText.trimEnd().endsWith('}')).toBe(true);
    expect(/^ *$/.test(file.headerText.slice(file.headerText.trimEnd().length))).toBe(true);
  });

  it('lists every tensor with its safetensors dtype and shape, and the metadata', () => {
    expect(file.metadata).toEqual({ epoch: '3' });
    expect(Object.keys(file.entries).sort()).toEqual(Object.keys(model).sort());
    expect(file.entries['fc1.weight']).toMatchObject({ dtype: 'F32', shape: [2, 3] });
    expect(file.entries['fc1.bias']).toMatchObject({ dtype: 'F32', shape: [2] });
    expect(file.entries['bn.numBatches']).toMatchObject({ dtype: 'I32', shape: [] });
    expect(file.entries['bn.runningMean']).toMatchObject({ dtype: 'F64', shape: [3] });
    expect(file.entries['none']).toMatchObject({ dtype: 'F64', shape: [0, 2] });
  });

  it('holds the values little-endian and row-major at the data_offsets', () => {
    expect(file.values['fc1.weight']).toEqual([1, 2, 3, 4, 5, 6]);
    expect(file.values['fc1.bias']).toEqual([-0.5, 0.25]);
    expect(file.values['bn.numBatches']).toEqual([7]);
    expect(file.values['bn.runningMean']).toEqual([0.125, -1e-5, 3]);
    expect(file.values['none']).toEqual([]);
  });

  it('tiles the byte buffer with contiguous offsets, no gaps, no overlaps, nothing after', () => {
    const ranges = Object.values(file.entries).map((entry) => entry.data_offsets).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let covered = 0;
    for (const [begin, end] of ranges) {
      expect(begin).toBe(covered);
      covered = end;
    }
    expect(file.dataStart + covered).toBe(bytes.length);
  });

  it('starts every tensor at a multiple of its element size from the start of the file', () => {
    for (const entry of Object.values(file.entries)) {
      const size = { F64: 8, F32: 4, I32: 4 }[entry.dtype]!;
      expect((file.dataStart + entry.data_offsets[0]) % size).toBe(0);
    }
  });
});
