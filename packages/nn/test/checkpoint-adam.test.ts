/**
 * Integration with `@tapegrad/optim`: training resumed from a checkpoint continues bit for bit.
 * `nn` does not depend on `optim`; the import resolves through the workspace root, which lists
 * every package as a dev dependency.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Adam } from '@tapegrad/optim';
import { manualSeed, randn, type Tensor } from '@tapegrad/tensor';
import { afterAll, describe, expect, it } from 'vitest';
import { BatchNorm1d, Linear, ReLU, Sequential } from '../src/index.js';
import { load, save } from '../src/node/index.js';
import { fingerprint } from './checkpoint-fixtures.js';

const directory = mkdtempSync(join(tmpdir(), 'tapegrad-adam-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function build(seed: number): { model: Sequential; optimizer: Adam } {
  manualSeed(seed);
  const model = new Sequential(new Linear(4, 8), new BatchNorm1d(8), new ReLU(), new Linear(8, 1));
  return { model, optimizer: new Adam(model.parameters(), { lr: 0.01, betas: [0.8, 0.95], weightDecay: 1e-3 }) };
}

manualSeed(123);
const batches = Array.from({ length: 10 }, () => ({ x: randn([16, 4]), y: randn([16, 1]) }));

function train({ model, optimizer }: { model: Sequential; optimizer: Adam }, from: number, to: number): void {
  for (let step = from; step < to; step++) {
    const { x, y } = batches[step];
    optimizer.zeroGrad();
    (model.forward(x) as Tensor).sub(y).pow(2).mean().backward();
    optimizer.step();
  }
}

describe('save and load with an Adam optimizer', () => {
  it('continues training bit for bit after save and load', async () => {
    const uninterrupted = build(1);
    train(uninterrupted, 0, 10);

    const first = build(1);
    train(first, 0, 5);
    const path = join(directory, 'step5.safetensors');
    await save(first.model, path, { optimizer: first.optimizer, metadata: { step: '5' } });

    const resumed = build(2); // other initial weights, fresh optimizer state
    const { metadata } = await load(resumed.model, path, { optimizer: resumed.optimizer });
    expect(metadata).toEqual({ step: '5' });
    expect(fingerprint(resumed.model.stateDict())).toEqual(fingerprint(first.model.stateDict()));
    train(resumed, 5, 10);

    expect(fingerprint(resumed.model.stateDict())).toEqual(fingerprint(uninterrupted.model.stateDict()));
    const state = resumed.optimizer.stateDict();
    expect(state.state['0'].step).toBe(10);
    expect(state.paramGroups[0].betas).toEqual([0.8, 0.95]);
  });

  it("leaves model and optimizer unchanged when the checkpoint's optimizer does not fit", async () => {
    const saved = build(1);
    train(saved, 0, 2);
    const path = join(directory, 'two-groups.safetensors');
    await save(saved.model, path, { optimizer: saved.optimizer });

    const target = build(3);
    const layers = target.model;
    // Same model, but the optimizer has its parameters in two groups: the saved state has one.
    const split = new Adam([{ params: (layers.at(0) as Linear).parameters() }, { params: [...(layers.at(1) as BatchNorm1d).parameters(), ...(layers.at(3) as Linear).parameters()] }], { lr: 0.01 });
    const modelBefore = fingerprint(target.model.stateDict());
    const optimizerBefore = JSON.stringify(split.stateDict());
    await expect(load(target.model, path, { optimizer: split })).rejects.toThrow(
      /Adam\.loadStateDict: the dict has 1 parameter group\(s\) but the optimizer has 2 \(the model was restored to its state before the load\)/,
    );
    expect(fingerprint(target.model.stateDict())).toEqual(modelBefore);
    expect(JSON.stringify(split.stateDict())).toEqual(optimizerBefore);
  });
});
