/**
 * `lineChart`: loss and accuracy curves as an SVG picture, several named series on one pair of
 * axes, with a log scale for losses that fall over decades.
 */
import { formatShape, Tensor } from '@tapegrad/tensor';
import { kindOf } from '../kind-of.js';
import { chartFrame } from './chart-frame.js';
import type { LegendEntry } from './legend.js';
import { dot } from './markers.js';
import { checkPositive } from './option-checks.js';
import { seriesStyle } from './palette.js';
import { linearAxis, logAxis } from './scale.js';
import { element, num, svgDocument } from './svg.js';

/** One curve of a {@link lineChart}. */
export interface LineSeries {
  /** Shown in the legend, and in error messages about this series. */
  readonly name: string;
  /** The values, one per point: an array, or a typed array such as a 1-D tensor's `t.data()`. */
  readonly y: ArrayLike<number>;
  /** The x of each point; default 0, 1, …, y.length − 1. Same length as `y`. */
  readonly x?: ArrayLike<number>;
}

/** Options of {@link lineChart}. */
export interface LineChartOptions {
  /** Written above the chart. */
  readonly title?: string;
  /** Written under the x axis. */
  readonly xLabel?: string;
  /** Written along the y axis. */
  readonly yLabel?: string;
  /** A log-scale y axis with ticks at the decades (every value must then be > 0). Default false. */
  readonly logY?: boolean;
  /** Picture width in pixels; default 640. */
  readonly width?: number;
  /** Picture height in pixels; default 400. */
  readonly height?: number;
}

/** Series with at most this many points also get a dot at each point (a 3-epoch run is 3 dots, not 2 bends). */
const MAX_DOTTED_POINTS = 30;

/**
 * Draws `series` as lines on one chart and returns the SVG text. Each series gets the next
 * colour of matplotlib's default cycle and an entry in the legend above the plot. The axes span
 * the data rounded out to nice ticks (1, 2, 5 × 10ᵏ; whole numbers when every x is one, such as
 * epochs); with `logY` the y axis runs from decade to decade. Values must be finite (and > 0 with
 * `logY`): an error names the series and the index of the first bad one, since a NaN in a loss
 * curve is a finding to look into rather than a gap to draw over.
 *
 * `y` and `x` may be arrays or typed arrays: a 1-D tensor's values are `y: losses.data()`.
 *
 * The output is plain text (no DOM): the same call gives the same bytes in Node and in a browser.
 *
 * ```ts
 * const svg = lineChart(
 *   [{ name: 'training loss', x: [1, 2, 3], y: [0.61, 0.32, 0.25] }],
 *   { title: 'MLP on MNIST', xLabel: 'epoch', yLabel: 'loss', logY: true },
 * );
 * ```
 */
export function lineChart(series: readonly LineSeries[], options: LineChartOptions = {}): string {
  const where = 'lineChart';
  const { logY = false, width = 640, height = 400 } = options;
  checkPositive(where, 'width', width);
  checkPositive(where, 'height', height);
  if (!Array.isArray(series)) {
    throw new Error(`${where}: series must be an array of { name, y }, got ${kindOf(series)}; wrap one series in brackets: lineChart([{ name: 'loss', y: losses }])`);
  }
  if (series.length === 0) throw new Error(`${where}: no series to draw; pass at least one { name, y }`);
  const points = series.map((one, s) => pointsOf(where, one, s, logY));
  const [xLo, xHi] = extent(points.map((p) => p.x));
  const [yLo, yHi] = extent(points.map((p) => p.y));
  checkSpan(where, 'x', xLo, xHi);
  checkSpan(where, 'y', yLo, yHi);
  const wholeNumberX = points.every((p) => p.x.every(Number.isInteger));
  const styles = series.map((_, s) => seriesStyle(s));
  const legend = series.map(({ name }, s): LegendEntry => ({ name, ...styles[s], sample: 'line' }));
  const frame = chartFrame({
    ...options,
    where,
    width,
    height,
    legend,
    x: linearAxis(xLo, xHi, { extend: true, wholeNumbers: wholeNumberX }),
    y: logY ? logAxis(yLo, yHi) : linearAxis(yLo, yHi, { extend: true }),
  });
  const curves = points.map(({ x, y }, s) => {
    const { colour, dash } = styles[s];
    const pixels = x.map((value, i) => [frame.x(value), frame.y(y[i])] as const);
    const points = pixels.map(([px, py]) => `${num(px)},${num(py)}`).join(' ');
    const line = element('polyline', { points, fill: 'none', stroke: colour, 'stroke-width': 2, 'stroke-linejoin': 'round', 'stroke-dasharray': dash });
    const dots = pixels.length <= MAX_DOTTED_POINTS ? pixels.map(([px, py]) => dot(px, py, colour)) : [];
    return element('g', { class: 'series', 'data-name': series[s].name }, [line, ...dots].join(''));
  });
  return svgDocument(width, height, [...frame.behind, ...curves, ...frame.front]);
}

/**
 * Finite values can still span more than a double holds (−10³⁰⁸ to 10³⁰⁸): the axis' length
 * would be Infinity and every pixel NaN, so that is an error instead of a blank picture.
 */
function checkSpan(where: string, axis: 'x' | 'y', lo: number, hi: number): void {
  if (!Number.isFinite(2 * (hi - lo))) {
    throw new Error(`${where}: the ${axis} values run from ${lo} to ${hi}, a span too wide to draw; scale them (divide by a power of ten)${axis === 'y' ? ' or draw them with logY' : ''}`);
  }
}

/** The series' x and y, checked: a name, arrays of numbers, equal lengths, finite values, y > 0 under a log axis. */
function pointsOf(where: string, one: LineSeries, index: number, logY: boolean): { x: readonly number[]; y: readonly number[] } {
  if (typeof one !== 'object' || one === null) throw new Error(`${where}: series ${index} is ${kindOf(one)}; each series is an object { name: 'loss', y: [...] }`);
  const { name } = one;
  if (typeof name !== 'string') {
    throw new Error(`${where}: series ${index} has ${name === undefined ? 'no name' : `the name ${kindOf(name)}`}; give each series a name for the legend: { name: 'loss', y }`);
  }
  const label = `series ${index} ('${name}')`;
  const y = valuesOf(where, label, 'y', one.y);
  const x = one.x === undefined ? undefined : valuesOf(where, label, 'x', one.x);
  if (y.length === 0) throw new Error(`${where}: ${label} has no points; leave it out or give it at least one y value`);
  if (x !== undefined && x.length !== y.length) {
    throw new Error(`${where}: ${label} has ${x.length} x values for ${y.length} y values; give one x per y, or leave x out for 0, 1, 2, …`);
  }
  for (const [axis, values] of [['x', x], ['y', y]] as const) {
    const bad = values?.findIndex((value) => !Number.isFinite(value)) ?? -1;
    if (bad >= 0) {
      throw new Error(`${where}: ${label} has ${axis}[${bad}] = ${shown(values![bad])}; every value must be finite (cut the series where training diverged, or plot it up to there)`);
    }
  }
  if (logY) {
    const bad = y.findIndex((value) => value <= 0);
    if (bad >= 0) throw new Error(`${where}: ${label} has y[${bad}] = ${y[bad]}, which a log axis cannot show; every y must be > 0 with logY (or draw it with logY: false)`);
  }
  return { x: x ?? y.map((_, i) => i), y };
}

/**
 * `values` (the series' `axis`) as a plain array. Any array-like of numbers will do, since
 * `t.data()` gives a typed array; a Tensor itself is refused with the call that gives its values.
 */
function valuesOf(where: string, label: string, axis: 'x' | 'y', values: unknown): number[] {
  if (values instanceof Tensor) {
    throw new Error(
      `${where}: ${label} has ${axis} = a Tensor ${formatShape(values.shape)}; pass its values: ${axis}: t.data() for a 1-D tensor t (or Array.from(t.data()))`,
    );
  }
  if (typeof values !== 'object' || values === null || typeof (values as ArrayLike<number>).length !== 'number') {
    throw new Error(`${where}: ${label} has ${axis} = ${kindOf(values)}; ${axis} must be the values, an array of numbers or a typed array such as t.data()`);
  }
  return Array.from(values as ArrayLike<number>);
}

/** A bad value as an error message shows it: numbers as themselves, anything else with its type (`"1" (a string)`). */
function shown(value: unknown): string {
  return typeof value === 'number' ? String(value) : `${JSON.stringify(value) ?? String(value)} (a ${value === null ? 'null' : typeof value})`;
}

/** The smallest and largest of all `lists` (a loop: spreading 10⁵ per-step losses into Math.min overflows the stack). */
function extent(lists: readonly (readonly number[])[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const list of lists) {
    for (const value of list) {
      if (value < lo) lo = value;
      if (value > hi) hi = value;
    }
  }
  return [lo, hi];
}
