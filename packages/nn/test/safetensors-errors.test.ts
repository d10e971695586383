import { scalar, Tensor, tensor } from '@tapegrad/tensor';
import { describe, expect, it } from 'vitest';
import { fromBytes, toBytes } from '../src/index.js';

/** A file with `header` (JSON text, or an object to stringify) and `dataBytes` zero bytes of data. */
function craft(header: string | object, dataBytes = 0, headerLength?: number): Uint8Array {
  const json = new TextEncoder().encode(typeof header === 'string' ? header : JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + dataBytes);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerLength ?? json.length), true);
  out.set(json, 8);
  return out;
}

const f32 = (shape: number[], offsets: [number, number]) => ({ dtype: 'F32', shape, data_offsets: offsets });

describe('fromBytes refuses a damaged file with an error that says what is wrong', () => {
  const valid = toBytes({ '0.weight': tensor(new Float32Array(6), { shape: [2, 3] }), '0.bias': tensor(new Float64Array(2)) }, { metadata: { a: 'b' } });

  it('refuses every truncation of a valid file', () => {
    for (let length = 0; length < valid.length; length++) {
      expect(() => fromBytes(valid.subarray(0, length)), `truncated to ${length} bytes`).toThrow(/^fromBytes: .*(truncated|fewer than|past the end|not valid)/);
    }
  });

  it('meets every single-bit flip in the length or header with its own error or a well-formed result, never a crash', () => {
    const headerEnd = 8 + Number(new DataView(valid.buffer).getBigUint64(0, true));
    let refused = 0;
    for (let bit = 0; bit < headerEnd * 8; bit++) {
      const flipped = valid.slice();
      flipped[bit >> 3] ^= 1 << (bit & 7);
      let result: ReturnType<typeof fromBytes> | undefined;
      try {
        result = fromBytes(flipped);
      } catch (error) {
        expect((error as Error).message, `bit ${bit}`).toMatch(/^fromBytes: /);
        refused++;
        continue;
      }
      // A flip inside a name or a metadata string still gives a valid file: safetensors has no checksum.
      const bytes = Object.values(result.tensors).reduce((total, x) => total + x.buffer.byteLength, 0);
      expect(bytes, `bit ${bit}`).toBe(valid.length - headerEnd);
    }
    expect(refused).toBeGreaterThan(headerEnd * 4);
  });

  it('names the tensor whose data was cut off', () => {
    expect(() => fromBytes(valid.subarray(0, valid.length - 4))).toThrow(/'0\.weight' data_offsets \[16, 40\] run past the end of the data section \(36 bytes\); the file is truncated/);
  });

  it('refuses a file shorter than the 8-byte header length', () => {
    expect(() => fromBytes(new Uint8Array(5))).toThrow('fromBytes: the file has 5 bytes, fewer than the 8-byte header length');
  });

  it('refuses a header length past the end of the file, as a flipped bit in the length makes it', () => {
    const flipped = valid.slice();
    flipped[1] ^= 0x10; // header length + 4096
    expect(() => fromBytes(flipped)).toThrow(/fromBytes: header length \d+ runs past the end of the \d+-byte file/);
    const huge = valid.slice();
    huge[7] ^= 0x80; // the top bit of the u64
    expect(() => fromBytes(huge)).toThrow(/exceeds the 100000000-byte limit/);
  });

  it('refuses a header that is not JSON, not UTF-8, or does not start with {', () => {
    const flipped = valid.slice();
    flipped[8 + 1] ^= 0x01; // the opening quote of the first key becomes '#'
    expect(() => fromBytes(flipped)).toThrow(/fromBytes: the header is not valid JSON \(.+\); the file is corrupt/);
    expect(() => fromBytes(craft('{"a": }'))).toThrow(/not valid JSON/);
    const notUtf8 = craft('{"x":"  "}');
    notUtf8[8 + 6] = 0xff;
    expect(() => fromBytes(notUtf8)).toThrow('fromBytes: the header is not valid UTF-8');
    expect(() => fromBytes(craft(' {}'))).toThrow("fromBytes: the header does not start with '{'");
    expect(() => fromBytes(craft('', 0))).toThrow("does not start with '{'");
  });

  it('refuses a header that is not an object, or an entry that is not one', () => {
    expect(() => fromBytes(craft('[1]'))).toThrow("fromBytes: the header does not start with '{'");
    expect(() => fromBytes(craft('{"x":[1]}'))).toThrow("fromBytes: 'x' is an array, not an object with dtype, shape and data_offsets");
  });

  it('names the tensor and lists the supported dtypes for a dtype tapegrad cannot hold', () => {
    const header = { 'emb.weight': { dtype: 'F16', shape: [2], data_offsets: [0, 4] } };
    expect(() => fromBytes(craft(header, 4))).toThrow(`fromBytes: 'emb.weight' has dtype "F16", which tapegrad cannot hold; supported: F64, F32, I32`);
    expect(() => fromBytes(craft({ x: { dtype: 7, shape: [], data_offsets: [0, 4] } }, 4))).toThrow(`'x' has dtype 7`);
  });

  it('names the tensor and both sizes when data_offsets do not match shape × element size', () => {
    expect(() => fromBytes(craft({ '0.weight': f32([5, 5], [0, 96]) }, 96))).toThrow(
      "fromBytes: '0.weight' data_offsets [0, 96] span 96 bytes but shape [5,5] F32 needs 25 elements × 4 bytes = 100",
    );
    // A flipped bit in a shape digit is caught the same way.
    const flipped = craft({ w: f32([2, 3], [0, 24]) }, 24);
    const at = new TextDecoder().decode(flipped).indexOf('[2,3]');
    flipped[at + 1] ^= 0x01; // '2' becomes '3'
    expect(() => fromBytes(flipped)).toThrow("'w' data_offsets [0, 24] span 24 bytes but shape [3,3] F32 needs 9 elements × 4 bytes = 36");
  });

  it('refuses malformed shapes and offsets, naming the tensor', () => {
    expect(() => fromBytes(craft({ w: f32([-1], [0, 0]) }))).toThrow("'w' has shape [-1]; a shape is an array of integers ≥ 0");
    expect(() => fromBytes(craft({ w: f32([1.5], [0, 0]) }))).toThrow("'w' has shape [1.5]");
    expect(() => fromBytes(craft({ w: { dtype: 'F32', shape: '4', data_offsets: [0, 16] } }, 16))).toThrow(`'w' has shape "4"`);
    expect(() => fromBytes(craft({ w: f32([1], [0, 4, 8] as never) }, 8))).toThrow("'w' has data_offsets [0,4,8]; expected [begin, end], integers ≥ 0");
    expect(() => fromBytes(craft({ w: f32([1], [-4, 0]) }, 4))).toThrow("'w' has data_offsets [-4,0]");
    expect(() => fromBytes(craft({ w: f32([0], [8, 4]) }, 8))).toThrow("'w' has data_offsets [8, 4], which end before they begin");
    expect(() => fromBytes(craft({ w: f32([2 ** 20, 2 ** 20], [0, 4]) }, 4))).toThrow(/'w' has shape \[1048576,1048576\], 1099511627776 elements, more than/);
  });

  it('refuses overlapping ranges, naming both tensors', () => {
    const header = { a: f32([2], [0, 8]), b: f32([2], [4, 12]) };
    expect(() => fromBytes(craft(header, 12))).toThrow("fromBytes: 'b' data_offsets [4, 12] overlap 'a' [0, 8]");
    const same = { a: f32([2], [0, 8]), b: f32([2], [0, 8]) };
    expect(() => fromBytes(craft(same, 8))).toThrow("'b' data_offsets [0, 8] overlap 'a' [0, 8]");
  });

  it('refuses bytes that no tensor claims, between tensors or after the last', () => {
    expect(() => fromBytes(craft({ a: f32([1], [0, 4]), b: f32([1], [8, 12]) }, 12))).toThrow(
      "fromBytes: bytes [4, 8) of the data section, before 'b', belong to no tensor",
    );
    expect(() => fromBytes(craft({ a: f32([1], [0, 4]) }, 6))).toThrow('the last 2 bytes of the data section belong to no tensor');
    expect(() => fromBytes(craft({ a: f32([1], [4, 8]) }, 8))).toThrow("bytes [0, 4) of the data section, before 'a', belong to no tensor");
  });

  it('accepts offsets in any order and an empty tensor anywhere (the spec allows both)', () => {
    const bytes = craft({ b: f32([1], [4, 8]), e: f32([0], [4, 4]), a: f32([1], [0, 4]) }, 8);
    const { tensors } = fromBytes(bytes);
    expect(Object.keys(tensors)).toEqual(['a', 'e', 'b']);
    expect(tensors.e.shape).toEqual([0]);
  });

  it('refuses __proto__, constructor and prototype in tensor and metadata names, and leaves Object.prototype alone', () => {
    const proto = craft('{"__proto__":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}', 4);
    expect(() => fromBytes(proto)).toThrow("fromBytes: tensor name '__proto__' is refused");
    expect(() => fromBytes(craft({ 'a.constructor.b': f32([1], [0, 4]) }, 4))).toThrow("tensor name 'a.constructor.b' is refused");
    expect(() => fromBytes(craft({ prototype: f32([1], [0, 4]) }, 4))).toThrow("tensor name 'prototype' is refused");
    expect(() => fromBytes(craft('{"__metadata__":{"__proto__":"x"}}'))).toThrow("fromBytes: metadata key '__proto__' is refused");
    expect(({} as Record<string, unknown>).dtype).toBeUndefined();
  });

  it('refuses metadata that is not a map of strings', () => {
    expect(() => fromBytes(craft({ __metadata__: { epoch: 3 } }))).toThrow("fromBytes: metadata 'epoch' is number 3; metadata values must be strings");
    expect(() => fromBytes(craft({ __metadata__: ['a'] }))).toThrow("'__metadata__' is an array; it must map strings to strings");
  });

  it('refuses input that is not bytes', () => {
    expect(() => fromBytes('abc' as never)).toThrow('fromBytes: expected a Uint8Array or ArrayBuffer holding a safetensors file, got string');
  });
});

describe('fromBytes refuses absurd sizes and offsets before allocating anything', () => {
  /** The message fromBytes throws for `bytes`, after checking it threw within 100 ms. */
  const fastMessage = (bytes: Uint8Array): string => {
    const started = performance.now();
    let message = '';
    try {
      fromBytes(bytes);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(performance.now() - started).toBeLessThan(100);
    expect(message, 'fromBytes should have thrown').toMatch(/^fromBytes: /);
    return message;
  };

  it('refuses a header length of 2^53 and of 2^64 − 1', () => {
    expect(fastMessage(craft('{}', 0, 2 ** 53))).toBe(
      'fromBytes: header length 9007199254740992 exceeds the 100000000-byte limit safetensors readers enforce (corrupt, or not a safetensors file)',
    );
    const allOnes = craft('{}');
    allOnes.fill(0xff, 0, 8);
    expect(fastMessage(allOnes)).toMatch(/^fromBytes: header length 18446744073709552000 exceeds the 100000000-byte limit/);
  });

  it('refuses a tensor claiming gigabytes of a tiny file, naming it', () => {
    // 2³¹ bytes of float64 are consistent with the shape, so only the file length gives it away.
    expect(fastMessage(craft({ 'big.weight': { dtype: 'F64', shape: [2 ** 28], data_offsets: [0, 2 ** 31] } }, 8))).toBe(
      "fromBytes: 'big.weight' data_offsets [0, 2147483648] run past the end of the data section (8 bytes); the file is truncated",
    );
  });

  it('refuses data offsets far past the end of the file, naming the tensor', () => {
    expect(fastMessage(craft({ w: f32([1], [2 ** 40, 2 ** 40 + 4]) }, 4))).toMatch(/^fromBytes: 'w' data_offsets \[1099511627776, 1099511627780\] run past the end of the data section \(4 bytes\)/);
    expect(fastMessage(craft({ w: f32([1], [0, 2 ** 53]) }, 4))).toMatch(/^fromBytes: 'w' has data_offsets \[0,9007199254740992\]; expected \[begin, end\], integers ≥ 0/);
  });

  it('refuses overlapping ranges even when each fits the file, naming both tensors', () => {
    expect(fastMessage(craft({ a: f32([4], [0, 16]), b: f32([1], [12, 16]) }, 16))).toBe("fromBytes: 'b' data_offsets [12, 16] overlap 'a' [0, 16]");
  });

  it('refuses shapes whose element count overflows, to Infinity too, naming the tensor', () => {
    const huge = 2 ** 53 - 1;
    expect(fastMessage(craft({ w: f32([huge, huge], [0, 4]) }, 4))).toMatch(/^fromBytes: 'w' has shape \[9007199254740991,9007199254740991\], 8\.112963841460666e\+31 elements, more than the 2147483647/);
    expect(fastMessage(craft({ w: f32(Array(25).fill(huge), [0, 4]) }, 4))).toMatch(/^fromBytes: 'w' has shape \[9007199254740991,.*\], Infinity elements, more than the 2147483647/);
    expect(fastMessage(craft({ w: f32([2 ** 53], [0, 4]) }, 4))).toMatch(/^fromBytes: 'w' has shape \[9007199254740992\]; a shape is an array of integers ≥ 0/);
  });

  it('reads a zero-size tensor whose other extents overflow as empty, not as NaN elements', () => {
    const shape = [...Array(25).fill(2 ** 53 - 1), 0];
    const { tensors } = fromBytes(craft({ w: f32(shape, [0, 0]) }, 0));
    expect(tensors.w.size).toBe(0);
    expect(tensors.w.shape).toEqual(shape);
  });
});

describe('toBytes refuses what a safetensors file cannot hold', () => {
  it('refuses a value that is not a Tensor, naming the key', () => {
    expect(() => toBytes({ w: [1, 2, 3] as unknown as Tensor })).toThrow("toBytes: 'w' is an array, not a Tensor");
    expect(() => toBytes({ w: new Float32Array(2) as unknown as Tensor })).toThrow("toBytes: 'w' is a Float32Array, not a Tensor");
  });

  it('refuses __metadata__, empty names, and names that reach a prototype', () => {
    expect(() => toBytes({ __metadata__: scalar(1) })).toThrow("toBytes: '__metadata__' is reserved for metadata");
    expect(() => toBytes({ '': scalar(1) })).toThrow("toBytes: tensor name '' is empty");
    expect(() => toBytes({ 'a.__proto__': scalar(1) })).toThrow("toBytes: tensor name 'a.__proto__' is refused");
    expect(() => toBytes({ a: scalar(1) }, { metadata: { constructor: 'x' } })).toThrow("toBytes: metadata key 'constructor' is refused");
  });

  it('refuses metadata values that are not strings', () => {
    expect(() => toBytes({ a: scalar(1) }, { metadata: { epoch: 3 as unknown as string } })).toThrow(
      "toBytes: metadata 'epoch' is number 3; safetensors metadata values must be strings (use JSON.stringify for structured values)",
    );
  });

  it('is a Tensor check by class, so a tensor-like object is refused', () => {
    const fake = { shape: [1], dtype: 'float32', buffer: new Float32Array(1) };
    expect(() => toBytes({ fake: fake as unknown as Tensor })).toThrow("toBytes: 'fake' is an object, not a Tensor");
    expect(tensor([1]) instanceof Tensor).toBe(true);
  });
});
