import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scalar, tensor, type Tensor } from '@tapegrad/tensor';
import { afterAll, describe, expect, it } from 'vitest';
import { Linear, Sequential, fromBytes, toBytes } from '../src/index.js';
import { load, save } from '../src/node/index.js';
import { restoreCheckpoint } from '../src/checkpoint/checkpoint.js';
import { FakeOptimizer, fingerprint, makeModel, optimizerFingerprint, trainedModel } from './checkpoint-fixtures.js';

const directory = mkdtempSync(join(tmpdir(), 'tapegrad-checkpoint-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
let fileCount = 0;
const freshPath = () => join(directory, `checkpoint-${fileCount++}.safetensors`);

/** Expects `body` to reject with a message matching every pattern, and `model`'s state to be unchanged. */
async function expectRejectedUnchanged(model: { stateDict(): Record<string, Tensor> }, body: () => Promise<unknown>, ...patterns: (string | RegExp)[]): Promise<void> {
  const before = fingerprint(model.stateDict());
  const error = await body().then(
    () => undefined,
    (caught: unknown) => caught as Error,
  );
  expect(error, 'expected the load to fail').toBeInstanceOf(Error);
  for (const pattern of patterns) expect(error!.message).toMatch(pattern);
  expect(fingerprint(model.stateDict())).toEqual(before);
}

describe('save and load a Module', () => {
  it('restores every parameter and buffer bit for bit, into a model built with another seed', async () => {
    const source = trainedModel(1);
    const target = makeModel(2);
    expect(fingerprint(target.stateDict())).not.toEqual(fingerprint(source.stateDict()));
    const path = freshPath();
    await save(source, path);
    const { metadata } = await load(target, path);
    expect(fingerprint(target.stateDict())).toEqual(fingerprint(source.stateDict()));
    expect(target.stateDict()['1.numBatchesTracked'].dtype).toBe('int32');
    expect(metadata).toEqual({});
  });

  it('gives the same outputs after loading', async () => {
    const source = trainedModel(3);
    source.eval();
    const target = makeModel(4);
    target.eval();
    const path = freshPath();
    await save(source, path);
    await load(target, path);
    const x = tensor([[1, -2, 3, 0.5]]);
    expect((target.forward(x) as Tensor).toArray()).toEqual((source.forward(x) as Tensor).toArray());
  });

  it('writes the same bytes as toBytes(module), readable by fromBytes', async () => {
    const model = trainedModel(5);
    const path = freshPath();
    await save(model, path, { metadata: { epoch: '7' } });
    const bytes = new Uint8Array(readFileSync(path));
    expect(Array.from(bytes)).toEqual(Array.from(toBytes(model, { metadata: { epoch: '7' } })));
    expect(fingerprint(fromBytes(bytes).tensors)).toEqual(fingerprint(model.stateDict()));
  });

  it('returns the metadata passed to save', async () => {
    const path = freshPath();
    await save(makeModel(1), path, { metadata: { epoch: '12', commit: 'abc123' } });
    expect((await load(makeModel(2), path)).metadata).toEqual({ epoch: '12', commit: 'abc123' });
  });

  it('replaces an existing checkpoint', async () => {
    const path = freshPath();
    await save(makeModel(1), path);
    await save(trainedModel(9), path);
    const target = makeModel(2);
    await load(target, path);
    expect(fingerprint(target.stateDict())).toEqual(fingerprint(trainedModel(9).stateDict()));
  });

  it('works with any object that has stateDict and loadStateDict', async () => {
    let loaded: Record<string, Tensor> | undefined;
    const standIn = { stateDict: () => ({ w: tensor([1, 2]), n: scalar(3, { dtype: 'int32' }) }), loadStateDict: (dict: Record<string, Tensor>) => void (loaded = dict) };
    const path = freshPath();
    await save(standIn, path);
    await load(standIn, path);
    expect(fingerprint(loaded!)).toEqual(fingerprint(standIn.stateDict()));
  });
});

describe('load refuses a file that does not fit, names the key, and leaves the model unchanged', () => {
  it('a truncated file', async () => {
    const path = freshPath();
    await save(trainedModel(1), path);
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length - 10));
    const target = makeModel(2);
    await expectRejectedUnchanged(target, () => load(target, path), `load('${path}')`, /truncated/, /'3\.bias' data_offsets \[\d+, \d+\] run past the end of the data section/);
  });

  it('a file cut inside its header', async () => {
    const path = freshPath();
    await save(trainedModel(1), path);
    writeFileSync(path, readFileSync(path).subarray(0, 40));
    const target = makeModel(2);
    await expectRejectedUnchanged(target, () => load(target, path), /header length \d+ runs past the end of the 40-byte file/);
  });

  it('a bit flipped in the header', async () => {
    const path = freshPath();
    await save(trainedModel(1), path);
    const bytes = readFileSync(path);
    bytes[8] ^= 0x04; // '{' becomes '\x7f'
    writeFileSync(path, bytes);
    const target = makeModel(2);
    await expectRejectedUnchanged(target, () => load(target, path), "does not start with '{'");
    bytes[8] ^= 0x04;
    const at = bytes.indexOf('"shape":[3,4]');
    bytes[at + 9] ^= 0x01; // [3,4] becomes [2,4]
    writeFileSync(path, bytes);
    await expectRejectedUnchanged(target, () => load(target, path), "'0.weight' data_offsets", 'shape [2,4] F64 needs 8 elements × 8 bytes = 64');
  });

  it('a tensor whose shape differs from the model, naming both shapes', async () => {
    const path = freshPath();
    await save(makeModel(1, 5), path);
    const target = makeModel(2, 3);
    await expectRejectedUnchanged(target, () => load(target, path), `load('${path}')`, "'0.weight' has shape [5,4] in the state dict but [3,4] in the model");
  });

  it('a tensor whose dtype differs from the model', async () => {
    const path = freshPath();
    const state = makeModel(1).stateDict();
    state['0.bias'] = state['0.bias'].astype('float32');
    writeFileSync(path, toBytes(state));
    const target = makeModel(2);
    await expectRejectedUnchanged(target, () => load(target, path), "'0.bias' has dtype float32 in the state dict but float64 in the model");
  });

  it('a missing key, and an extra key, under strict', async () => {
    const missing = freshPath();
    const { '3.bias': _dropped, ...withoutBias } = makeModel(1).stateDict();
    writeFileSync(missing, toBytes(withoutBias));
    const target = makeModel(2);
    await expectRejectedUnchanged(target, () => load(target, missing), "missing key(s) '3.bias'");

    const extra = freshPath();
    writeFileSync(extra, toBytes({ ...makeModel(1).stateDict(), '4.weight': tensor([1]) }));
    await expectRejectedUnchanged(target, () => load(target, extra), "unexpected key(s) '4.weight'");
  });

  it('loads the keys both sides have with strict: false, and says which it skipped', async () => {
    const path = freshPath();
    const source = trainedModel(1);
    const { '3.bias': _dropped, ...withoutBias } = source.stateDict();
    writeFileSync(path, toBytes({ ...withoutBias, extra: tensor([1]) }));
    const target = makeModel(2);
    const biasBefore = fingerprint({ b: target.stateDict()['3.bias'] });
    const result = await load(target, path, { strict: false });
    expect(result).toEqual({ metadata: {}, missingKeys: ['3.bias'], unexpectedKeys: ['extra'] });
    expect(fingerprint({ w: target.stateDict()['3.weight'] })).toEqual(fingerprint({ w: source.stateDict()['3.weight'] }));
    expect(fingerprint({ b: target.stateDict()['3.bias'] })).toEqual(biasBefore);
  });

  it('a file that does not exist', async () => {
    const target = makeModel(2);
    await expectRejectedUnchanged(target, () => load(target, join(directory, 'nope.safetensors')), /ENOENT/);
  });
});

describe('damaged checkpoints, every damage of one kind tried', () => {
  /** How many bits differ between two states with the same keys and shapes. */
  const differingBits = (a: Record<string, Tensor>, b: Record<string, Tensor>): number => {
    let bits = 0;
    for (const key of Object.keys(a)) {
      const x = new Uint8Array(a[key].buffer.buffer, a[key].buffer.byteOffset, a[key].buffer.byteLength);
      const y = new Uint8Array(b[key].buffer.buffer, b[key].buffer.byteOffset, b[key].buffer.byteLength);
      for (let i = 0; i < x.length; i++) for (let d = x[i] ^ y[i]; d !== 0; d &= d - 1) bits++;
    }
    return bits;
  };

  it('refuse every single-bit flip of the header with the model unchanged; a flip in the data (no checksum) changes exactly that bit', () => {
    const source = trainedModel(1);
    const bytes = toBytes(source);
    const headerEnd = 8 + Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0, true));
    const target = makeModel(2);
    const initial = target.stateDict();
    const untouched = fingerprint(initial);
    let refused = 0;
    for (let bit = 0; bit < bytes.length * 8; bit++) {
      const flipped = bytes.slice();
      flipped[bit >> 3] ^= 1 << (bit & 7);
      let error: Error | undefined;
      try {
        restoreCheckpoint(target, flipped, {}, "load('flipped.safetensors')");
      } catch (caught) {
        error = caught as Error;
      }
      if (error !== undefined) {
        refused++;
        expect(error.message, `bit ${bit}`).toMatch(/^load\('flipped\.safetensors'\): /);
        expect(fingerprint(target.stateDict()), `bit ${bit}: the model after a refused load`).toEqual(untouched);
        continue;
      }
      // Loaded: only a bit of the data section can pass, and then the weights differ from the
      // saved ones in exactly that bit (docs/checkpoints.md: keep a checksum for archives).
      expect(bit >> 3, `bit ${bit} of the header was accepted`).toBeGreaterThanOrEqual(headerEnd);
      expect(differingBits(target.stateDict(), source.stateDict()), `bit ${bit}`).toBe(1);
      target.loadStateDict(initial);
    }
    // Every header bit is refused: a flip in a name is an unknown key, in a number a wrong size.
    expect(refused).toBe(headerEnd * 8);
  });

  it('refuse every truncation with the model unchanged, naming the tensor cut off once the header is whole', () => {
    const bytes = toBytes(trainedModel(1));
    const headerEnd = 8 + Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0, true));
    const target = makeModel(2);
    const untouched = fingerprint(target.stateDict());
    for (let length = 0; length < bytes.length; length++) {
      let message = '';
      try {
        restoreCheckpoint(target, bytes.subarray(0, length), {}, "load('cut.safetensors')");
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, `cut to ${length} bytes`).toMatch(/^load\('cut\.safetensors'\): /);
      if (length >= headerEnd) expect(message, `cut to ${length} bytes`).toMatch(/'[0-9]\.\w+' data_offsets \[\d+, \d+\] run past the end of the data section .*; the file is truncated/);
      expect(fingerprint(target.stateDict()), `cut to ${length} bytes`).toEqual(untouched);
    }
  });
});

describe('optimizer state in the same file', () => {
  it('round-trips step counts, tensors, hyperparameters and non-finite numbers', async () => {
    const path = freshPath();
    const model = trainedModel(1);
    const optimizer = new FakeOptimizer(1);
    await save(model, path, { optimizer });
    const target = makeModel(2);
    const restored = new FakeOptimizer(2);
    expect(optimizerFingerprint(restored.dict)).not.toEqual(optimizerFingerprint(optimizer.dict));
    await load(target, path, { optimizer: restored });
    expect(restored.loads).toBe(1);
    expect(optimizerFingerprint(restored.dict)).toEqual(optimizerFingerprint(optimizer.dict));
    expect(Object.is(restored.dict.paramGroups[0].minLr, -0)).toBe(true);
    expect(fingerprint(target.stateDict())).toEqual(fingerprint(model.stateDict()));
  });

  it('stores the tensors under optimizer.state.<index>.<name> and the rest as JSON metadata', async () => {
    const path = freshPath();
    await save(makeModel(1), path, { optimizer: new FakeOptimizer(1), metadata: { epoch: '2' } });
    const { tensors, metadata } = fromBytes(readFileSync(path));
    expect(Object.keys(tensors).filter((name) => name.startsWith('optimizer.')).sort()).toEqual([
      'optimizer.state.0.expAvg', 'optimizer.state.0.expAvgSq', 'optimizer.state.1.expAvg', 'optimizer.state.1.expAvgSq',
    ]);
    expect(metadata.epoch).toBe('2');
    const json = JSON.parse(metadata['tapegrad.optimizer']);
    expect(json.state['0']).toEqual({ step: 4, expAvg: { $tensor: 'optimizer.state.0.expAvg' }, expAvgSq: { $tensor: 'optimizer.state.0.expAvgSq' } });
    expect(json.paramGroups[0].maxNorm).toEqual({ $number: 'Infinity' });
  });

  it('loads the model alone from a file that also holds optimizer state, and hides tapegrad.optimizer from the metadata', async () => {
    const path = freshPath();
    const model = trainedModel(1);
    await save(model, path, { optimizer: new FakeOptimizer(1), metadata: { epoch: '2' } });
    const target = makeModel(2);
    expect((await load(target, path)).metadata).toEqual({ epoch: '2' });
    expect(fingerprint(target.stateDict())).toEqual(fingerprint(model.stateDict()));
  });

  it('refuses to restore an optimizer from a file saved without one', async () => {
    const path = freshPath();
    await save(trainedModel(1), path);
    const target = makeModel(2);
    const optimizer = new FakeOptimizer(2);
    await expectRejectedUnchanged(target, () => load(target, path, { optimizer }), 'the file holds no optimizer state (it was saved without { optimizer }); nothing was loaded');
    expect(optimizer.loads).toBe(0);
  });

  it("puts the model back when the optimizer refuses its state", async () => {
    const path = freshPath();
    await save(trainedModel(1), path, { optimizer: new FakeOptimizer(1) });
    const target = makeModel(2);
    const refusing = new FakeOptimizer(2);
    refusing.loadStateDict = () => {
      throw new Error('Adam.loadStateDict: the state has 2 parameter groups but the optimizer has 1');
    };
    await expectRejectedUnchanged(
      target,
      () => load(target, path, { optimizer: refusing }),
      `load('${path}'): Adam.loadStateDict: the state has 2 parameter groups but the optimizer has 1 (the model was restored to its state before the load)`,
    );
  });

  it('refuses corrupt optimizer JSON before touching the model', async () => {
    const cases: [json: string, message: string][] = [
      ['{"version":1,"state":', "the optimizer state in metadata 'tapegrad.optimizer' is not valid JSON"],
      ['{"version":2,"state":{},"paramGroups":[]}', 'has layout version 2; this tapegrad reads version 1'],
      ['{"version":1,"state":{"0":{"expAvg":{"$tensor":"optimizer.state.9.x"}}},"paramGroups":[]}', `refers at 'state.0.expAvg' to tensor "optimizer.state.9.x", which the file does not hold`],
      ['{"version":1,"state":{"0":{"expAvg":{"$tensor":"0.weight"}}},"paramGroups":[]}', `to tensor "0.weight", which the file does not hold under 'optimizer.…'`],
      ['{"version":1,"state":{"0":{"step":"3"}},"paramGroups":[]}', `has 'state.0.step' string "3", not a number or tensor`],
      ['{"version":1,"state":{},"paramGroups":[{"lr":1,"params":[0.5]}]}', "has 'paramGroups.0.params' [0.5], not an array of parameter indices"],
      ['{"version":1,"state":{"__proto__":{}},"paramGroups":[]}', "has a key 'state.__proto__' that is refused"],
      ['{"version":1,"state":{},"paramGroups":[{"lr":{"$number":"1e400"},"params":[]}]}', `has an unknown number "1e400" at 'paramGroups.0.lr'`],
    ];
    const model = makeModel(1);
    for (const [json, message] of cases) {
      const path = freshPath();
      writeFileSync(path, toBytes(model, { metadata: { 'tapegrad.optimizer': json } }));
      const target = makeModel(2);
      const optimizer = new FakeOptimizer(2);
      await expectRejectedUnchanged(target, () => load(target, path, { optimizer }), `load('${path}')`, message);
      expect(optimizer.loads).toBe(0);
    }
  });

  it('refuses a model key that clashes with the optimizer tensors, and the reserved metadata key', async () => {
    const clashing = { stateDict: () => ({ 'optimizer.state.0.expAvg': tensor([1]) }), loadStateDict: () => undefined };
    await expect(save(clashing, freshPath(), { optimizer: new FakeOptimizer(1) })).rejects.toThrow(
      "save: the model has a tensor 'optimizer.state.0.expAvg', the name under which the optimizer's state is stored",
    );
    await expect(save(makeModel(1), freshPath(), { metadata: { 'tapegrad.optimizer': '{}' } })).rejects.toThrow(
      "save: metadata key 'tapegrad.optimizer' is reserved for the optimizer state",
    );
  });

  it('refuses optimizer state a checkpoint cannot hold, naming where it is', async () => {
    const optimizer = new FakeOptimizer(1);
    (optimizer.dict.paramGroups[0] as Record<string, unknown>).schedule = new Map();
    await expect(save(makeModel(1), freshPath(), { optimizer })).rejects.toThrow("save: optimizer state 'paramGroups.0.schedule' is a Map");
  });
});

describe('a saved Sequential matches PyTorch names', () => {
  it("uses PyTorch's keys, so the file maps onto an nn.Sequential's state_dict", () => {
    const model = new Sequential(new Linear(2, 3), new Linear(3, 1));
    expect(Object.keys(fromBytes(toBytes(model)).tensors).sort()).toEqual(['0.bias', '0.weight', '1.bias', '1.weight']);
  });
});
