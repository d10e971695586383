import { describe, expect, it } from 'vitest';
import { linearTicks, logTicks, niceStep } from '../../src/plot/ticks.js';

describe('axis ticks', () => {
  it('steps by 1, 2 or 5 × 10ᵏ, about five to an axis', () => {
    expect([10, 7, 1, 0.3, 2300, 0.004].map((span) => niceStep(span))).toEqual([2, 1, 0.2, 0.05, 500, 0.001]);
  });

  it('extends a linear axis to the ticks around the data, labels them with the decimals the step needs, without float noise', () => {
    const { domain, ticks } = linearTicks(0.23, 2.3, { extend: true });
    expect(domain).toEqual([0, 2.5]);
    expect(ticks.map((tick) => tick.label)).toEqual(['0', '0.5', '1.0', '1.5', '2.0', '2.5']);
    expect(linearTicks(0.1, 0.7, { extend: true }).ticks.map((tick) => tick.value)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    expect(linearTicks(-1.2, 1.7, { extend: false })).toEqual({ domain: [-1.2, 1.7], ticks: [-1, -0.5, 0, 0.5, 1, 1.5].map((value) => ({ value, label: value === 0 ? '0' : value.toFixed(1) })) });
  });

  it('keeps whole-number axes whole, and writes very large or small ticks as powers of ten', () => {
    expect(linearTicks(1, 3, { extend: true, wholeNumbers: true }).ticks.map((tick) => tick.value)).toEqual([1, 2, 3]);
    expect(linearTicks(0, 4e6, { extend: true }).ticks.map((tick) => tick.label)).toEqual(['0', '1e6', '2e6', '3e6', '4e6']);
  });

  it('keeps the ticks of a narrow range far from zero apart, and free of float noise', () => {
    const { domain, ticks } = linearTicks(1e15, 1e15 + 2, { extend: true });
    expect(domain).toEqual([1e15, 1e15 + 2]);
    expect(ticks.map((tick) => tick.value - 1e15)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(linearTicks(0.1, 0.7, { extend: true }).ticks[2].value).toBe(0.3); // not 0.30000000000000004
  });

  it('labels 2 and 5 × 10ᵏ on a log axis of one or two decades, and stays within the doubles', () => {
    expect(logTicks(0.21, 0.29)).toEqual({
      domain: [0.1, 1],
      ticks: [{ value: 0.1, label: '10⁻¹' }, { value: 0.2, label: '2×10⁻¹' }, { value: 0.5, label: '5×10⁻¹' }, { value: 1, label: '10⁰' }],
      minor: [0.3, 0.4, 0.6, 0.7, 0.8, 0.9],
    });
    expect(logTicks(0.05, 2.3).ticks).toHaveLength(4); // three decades: decades only
    expect(logTicks(5e-324, 1).domain).toEqual([1e-323, 1]);
    expect(logTicks(1, 1e308).domain).toEqual([1, 1e308]);
  });

  it('ticks a log axis at the decades around the data, every second one past eight decades', () => {
    expect(logTicks(0.05, 2.3).ticks.map((tick) => tick.label)).toEqual(['10⁻²', '10⁻¹', '10⁰', '10¹']);
    expect(logTicks(10, 10).domain).toEqual([10, 100]);
    expect(logTicks(10, 10).ticks.map((tick) => tick.value)).toEqual([10, 20, 50, 100]);
    const wide = logTicks(1e-6, 1e6);
    expect(wide.ticks.map((tick) => tick.value)).toEqual([1e-6, 1e-4, 1e-2, 1, 1e2, 1e4, 1e6]);
    expect(wide.minor).toEqual([]);
  });
});
