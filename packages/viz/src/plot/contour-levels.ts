/**
 * Which contour levels to draw when none are given: evenly spaced between the lowest and the
 * highest sample, or log-spaced for a surface like Rosenbrock's, whose interesting part (the
 * curved valley) lies decades below its walls.
 */
import type { SampledGrid } from './marching-squares.js';

/** The log-spaced levels reach at most this many decades below the highest sample. */
const LOG_DECADES = 4;

/**
 * `count` levels strictly between the grid's smallest and largest finite sample: equally spaced,
 * or (with `log`) in equal ratios from the smallest positive sample (but no lower than
 * 10⁻⁴ × the largest) to the largest. Empty when the samples are constant or, with `log`, none is
 * positive. Levels are rounded to three significant digits, or more when the levels lie close
 * together for their size, so they read well in the SVG source and stay apart.
 */
export function automaticLevels(grid: SampledGrid, count: number, log: boolean): number[] {
  let [lo, hi] = [Infinity, -Infinity];
  for (const value of grid.values) {
    if (!Number.isFinite(value) || (log && value <= 0)) continue;
    lo = Math.min(lo, value);
    hi = Math.max(hi, value);
  }
  if (!(hi > lo)) return [];
  if (log) lo = Math.max(lo, hi * 10 ** -LOG_DECADES);
  const level = (k: number): number => (log ? lo * (hi / lo) ** (k / (count + 1)) : lo + ((hi - lo) * k) / (count + 1));
  return Array.from({ length: count }, (_, k) => roundToGap(level(k + 1), level(k + 2) - level(k + 1)));
}

/**
 * `value` to three significant digits of `gap` (and at least three of its own): 1000.00412 with
 * gap 0.004 is 1000.0041, where three digits of the level alone (1000) would make every level one.
 */
function roundToGap(value: number, gap: number): number {
  const digits = Math.floor(Math.log10(Math.abs(value) / gap)) + 3;
  return Number(value.toPrecision(Math.min(100, Math.max(3, digits))));
}
