import { describe, expect, it } from 'vitest';
import { formatAttrs } from '../../src/graph/op-attributes.js';

describe('op attributes on op nodes', () => {
  it('leave out unset flags and keep the rest in order', () => {
    expect(formatAttrs({ axes: [1], keepdims: false, transB: true, scale: undefined })).toBe('axes=[1], transB=true');
    expect(formatAttrs(undefined)).toBe('');
    expect(formatAttrs(2)).toBe('2');
  });

  it('print non-finite numbers as numbers and cut long lists', () => {
    expect(formatAttrs({ min: -Infinity, max: 6 })).toBe('min=-Infinity, max=6');
    expect(formatAttrs({ bounds: [Infinity, NaN] })).toBe('bounds=[Infinity,NaN]');
    const indices = formatAttrs({ indices: Array.from({ length: 100 }, (_, i) => i) });
    expect(indices).toBe('indices=[0,1,2,3,4,5,6,7,8,9,10…');
    expect(indices).toHaveLength(32);
  });
});
