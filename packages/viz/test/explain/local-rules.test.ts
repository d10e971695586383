import { describe, expect, it } from 'vitest';
import { listOps } from '@tapegrad/tensor';
import { localRule } from '@tapegrad/viz';
import { LOCAL_RULES } from '../../src/explain/local-rules.js';

const primitives = listOps().filter((op) => op.kind !== 'composite').map((op) => op.name);

describe('localRule', () => {
  it('has a rule in words and in symbols for every primitive op registered by @tapegrad/tensor', () => {
    const missing = primitives.filter((name) => !Object.hasOwn(LOCAL_RULES, name));
    expect(missing, 'add these primitives to packages/viz/src/explain/local-rules.ts').toEqual([]);
    for (const name of primitives) {
      const { words, symbols } = localRule(name);
      expect(words.startsWith(name) || /^(max|min) routes/.test(words), `${name}: the words name the op`).toBe(true);
      expect(symbols, name).toMatch(/∂L\/∂\S+ = /);
    }
    expect(primitives.length).toBeGreaterThan(40);
  });

  it('describes no op that is not a registered primitive (no stale entries)', () => {
    expect(Object.keys(LOCAL_RULES).filter((name) => !primitives.includes(name))).toEqual([]);
  });

  it("says the notes' rules: add distributes, mul swaps, max routes", () => {
    expect(localRule('add')).toEqual({
      words: 'add distributes: each input gets the upstream gradient (summed over broadcast axes)',
      symbols: '∂L/∂a = ∂L/∂out, ∂L/∂b = ∂L/∂out',
    });
    expect(localRule('mul').words).toMatch(/^mul swaps: each input gets the upstream times the other input/);
    expect(localRule('maximum').words).toMatch(/^max routes: the gradient goes to the larger input only/);
    expect(localRule('max').words).toMatch(/^max routes/);
    expect(localRule('sigmoid').words).toContain('σ(x)(1−σ(x))');
    expect(localRule('tanh').words).toContain('1 − tanh²');
    expect(localRule('log').symbols).toBe('∂L/∂x = ∂L/∂out / x');
    expect(localRule('matmul').symbols).toBe('∂L/∂A = ∂L/∂out · Bᵀ, ∂L/∂B = Aᵀ · ∂L/∂out');
    expect(localRule('softmaxCrossEntropy').symbols).toContain('softmax(logits) − onehot(labels)');
  });

  it('refuses a composite, which never appears on the tape, naming it', () => {
    expect(() => localRule('mean')).toThrow(/localRule: 'mean' is a composite op; it never appears on the tape/);
    expect(() => localRule('linear')).toThrow(/'linear' is a composite op/);
  });

  it('refuses a name that is no op, naming it and listing the primitives', () => {
    expect(() => localRule('sigmod')).toThrow(/localRule: no op is named 'sigmod'; the primitives are .*sigmoid/);
  });
});
