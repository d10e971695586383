/**
 * From data values to pixels along one axis: the axis' range and ticks, chosen from the data
 * alone (ticks.ts), then stretched over the pixels the layout gives the axis.
 */
import { linearTicks, logTicks, type Tick } from './ticks.js';

/** An axis before it is placed: its range, labelled ticks and unlabelled minor ticks. */
export interface AxisTicks {
  readonly domain: readonly [number, number];
  readonly ticks: readonly Tick[];
  readonly minor: readonly number[];
  readonly log: boolean;
}

/** A linear axis over the data's [lo, hi]; `extend` rounds it out to nice ticks (see {@link linearTicks}). */
export function linearAxis(lo: number, hi: number, options: { extend: boolean; wholeNumbers?: boolean }): AxisTicks {
  const { domain, ticks } = linearTicks(lo, hi, options);
  return { domain, ticks, minor: [], log: false };
}

/** A log axis over the data's [lo, hi] (both > 0), from decade to decade. */
export function logAxis(lo: number, hi: number): AxisTicks {
  const { domain, ticks, minor } = logTicks(lo, hi);
  return { domain, ticks, minor, log: true };
}

/** The function taking a value on `axis` to a pixel, with the domain's ends at `start` and `end`. */
export function toPixels(axis: AxisTicks, start: number, end: number): (value: number) => number {
  const transform = axis.log ? Math.log10 : (value: number) => value;
  const [lo, hi] = axis.domain.map(transform);
  return (value) => start + ((transform(value) - lo) / (hi - lo)) * (end - start);
}
