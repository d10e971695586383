import { concat, gather, mul, sub, tensor } from '@tapegrad/tensor';
import { describe, expect, it } from 'vitest';
import { toDot, toMermaid } from '../../src/index.js';
import { inputRoles } from '../../src/graph/input-roles.js';
import { parseDot } from './parse-dot.js';

describe('which input is which, on the edges into an op', () => {
  it('labels the edges into sub a and b, so that b − a is told apart from a − b', () => {
    const a = tensor(3, { requiresGrad: true, label: 'a' });
    const b = tensor(5, { requiresGrad: true, label: 'b' });
    const dot = parseDot(toDot(sub(b, a)));
    // t0 is b (first used), t1 is a: b enters as the rule's a.
    expect(dot.nodes.get('t0')!.text).toBe('b\ndata 5');
    expect(dot.edges).toEqual([
      { from: 't0', to: 'op2', role: 'a' },
      { from: 't1', to: 'op2', role: 'b' },
      { from: 'op2', to: 't2', role: null },
    ]);
    expect(toMermaid(sub(b, a))).toContain('  t0 -->|a| op2\n  t1 -->|b| op2\n  op2 --> t2\n');
  });

  it('labels the parts of indexing ops and numbers the inputs of concat', () => {
    const x = tensor([[1, 2], [3, 4]], { requiresGrad: true, label: 'x' });
    const index = tensor([[1], [0]], { dtype: 'int32', label: 'i' });
    const gathered = parseDot(toDot(gather(x, 1, index)));
    expect(gathered.edges.filter((edge) => edge.role !== null).map((edge) => edge.role)).toEqual(['x', 'index']);
    const joined = parseDot(toDot(concat([x, x, x], 0), { collapse: false }));
    expect(joined.edges.map((edge) => edge.role)).toEqual(['x₀', 'x₁', 'x₂', null]);
  });

  it('leaves the edges of symmetric and one-input ops unlabelled: x·x is two plain edges into mul', () => {
    const x = tensor(3, { requiresGrad: true, label: 'x' });
    const dot = parseDot(toDot(mul(x, x).neg()));
    expect(dot.edges.map((edge) => edge.role)).toEqual([null, null, null, null, null]);
    expect(toDot(mul(x, x))).not.toContain('headlabel');
  });

  it('names inputs as the rules do, by position for an op it does not know', () => {
    expect(inputRoles('where', 3)).toEqual(['cond', 'a', 'b']);
    expect(inputRoles('conv2d', 2)).toEqual(['x', 'W']); // no bias
    expect(inputRoles('conv2d', 3)).toEqual(['x', 'W', 'b']);
    expect(inputRoles('concat', 12)!.slice(9)).toEqual(['x₉', 'x₁₀', 'x₁₁']);
    expect(inputRoles('myCustomOp', 2)).toEqual(['0', '1']);
    expect(inputRoles('add', 2)).toBeNull();
    expect(inputRoles('sub', 1)).toBeNull();
  });
});
