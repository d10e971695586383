/**
 * `contourPath`: the contour lines of a 2-D function with paths drawn over them, the picture of
 * optimizers finding their way down a loss surface (Rosenbrock's banana, a saddle, a narrow bowl).
 */
import { formatShape, Tensor } from '@tapegrad/tensor';
import { kindOf } from '../kind-of.js';
import { chartFrame } from './chart-frame.js';
import { automaticLevels } from './contour-levels.js';
import type { LegendEntry } from './legend.js';
import { contourLines, type SampledGrid } from './marching-squares.js';
import { cross, dot, hollowDot, stepDot } from './markers.js';
import { checkPositive, checkRange, checkWholeNumber } from './option-checks.js';
import { type SeriesStyle, seriesStyle } from './palette.js';
import { linearAxis } from './scale.js';
import { type Box, inBox, runsInBox } from './far-points.js';
import { pixelApart, visibleSteps } from './thinning.js';
import { element, num, svgDocument } from './svg.js';

/** A named path over the surface, such as an optimizer's iterates. */
export interface SurfacePath {
  /** Shown in the legend and in error messages. */
  readonly name: string;
  /** The (x, y) points in order, start first. */
  readonly points: readonly (readonly [number, number])[];
  /**
   * A small dot on every `dotEvery`-th point after the start: for an optimizer, a dot every so
   * many steps, so their spacing shows its speed (crowded where it crawls, sparse where it runs).
   */
  readonly dotEvery?: number;
}

/** A named point on the surface, such as the minimum. */
export interface SurfaceMark {
  /** Shown in the legend. */
  readonly name: string;
  /** Where the point is, (x, y). */
  readonly at: readonly [number, number];
}

/** Options of {@link contourPath}. */
export interface ContourPathOptions {
  /** The x interval drawn, [lo, hi]. */
  readonly xRange: readonly [number, number];
  /** The y interval drawn, [lo, hi]. */
  readonly yRange: readonly [number, number];
  /** The levels to draw, or how many to choose automatically (default 10). */
  readonly levels?: readonly number[] | number;
  /** Automatic levels in equal ratios instead of equal steps (Rosenbrock's valley needs them). Default false. */
  readonly logLevels?: boolean;
  /** Grid cells along each axis that f is sampled on; default 150. */
  readonly resolution?: number;
  /** Paths drawn over the contours, each in its own colour, hollow dot at the start, filled dot at the end. */
  readonly paths?: readonly SurfacePath[];
  /** Points marked with a black ×, such as the minimum. */
  readonly marks?: readonly SurfaceMark[];
  /** Written above the picture. */
  readonly title?: string;
  /** Written under the x axis; default 'x'. */
  readonly xLabel?: string;
  /** Written along the y axis; default 'y'. */
  readonly yLabel?: string;
  /** Picture width in pixels; default 640. */
  readonly width?: number;
  /** Picture height in pixels; default 480. */
  readonly height?: number;
}

const CONTOUR_COLOUR = '#9a9a9a';
const MARK_COLOUR = '#000000';

/**
 * Draws the contour lines of `f` over `xRange` × `yRange` and the `paths` over them, and returns
 * the SVG text. f is sampled on a `resolution` × `resolution` grid and the lines are traced by
 * marching squares (closed rings stay closed); where f is NaN or infinite (the log of a negative
 * number), the lines stop. f must return a number, finite somewhere in the ranges. The levels
 * are `levels` if it is a list, else that many chosen from the samples (log-spaced with
 * `logLevels`; none for a flat f).
 *
 * Each path gets the next colour of matplotlib's cycle and an entry in the legend; a hollow dot
 * marks its start and a filled dot its end, and with `dotEvery` small dots mark its pace. A path
 * may leave the picture (it is clipped at the frame; if it ends outside, its legend entry says
 * so), but every point must be finite: an error names the path and the index. Steps that stay
 * within half a pixel, and steps along a segment the path has drawn before, are not drawn
 * again, so 20,000 tiny steps, or an optimizer circling its minimum, cost only what shows.
 *
 * ```ts
 * const rosenbrock = (x: number, y: number) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
 * const svg = contourPath(rosenbrock, {
 *   xRange: [-2, 2],
 *   yRange: [-1, 3],
 *   logLevels: true,
 *   paths: [{ name: 'SGD', points: [[-1.2, 1], [-1.1, 1.05], [-1, 1.02]] }],
 *   marks: [{ name: 'minimum (1, 1)', at: [1, 1] }],
 * });
 * ```
 */
export function contourPath(f: (x: number, y: number) => number, options: ContourPathOptions): string {
  const where = 'contourPath';
  if (typeof f !== 'function') throw new Error(`${where}: f must be a function (x, y) => number; got ${typeof f}`);
  const { xRange, yRange, levels = 10, logLevels = false, resolution = 150, paths = [], marks = [], title, xLabel = 'x', yLabel = 'y', width = 640, height = 480 } = options ?? ({} as ContourPathOptions);
  checkRange(where, 'xRange', xRange);
  checkRange(where, 'yRange', yRange);
  checkWholeNumber(where, 'resolution', resolution);
  checkPositive(where, 'width', width);
  checkPositive(where, 'height', height);
  if (typeof levels === 'number') checkWholeNumber(where, 'levels', levels);
  else if (!Array.isArray(levels)) throw new Error(`${where}: levels must be a number of levels or an array of them, got ${kindOf(levels)}`);
  else if (!levels.every(Number.isFinite)) throw new Error(`${where}: levels must be finite numbers; got [${levels.join(', ')}]`);
  checkArray(where, 'paths', paths, "[{ name: 'SGD', points: [[x0, y0], [x1, y1], …] }]");
  paths.forEach((path, p) => checkPath(where, path, p));
  checkArray(where, 'marks', marks, "[{ name: 'minimum', at: [1, 1] }]");
  marks.forEach((mark, m) => checkMark(where, mark, m));

  const grid = sample(where, f, xRange, yRange, resolution);
  const styles = paths.map((_, p) => seriesStyle(p));
  const inside = ([x, y]: readonly [number, number]): boolean => x >= xRange[0] && x <= xRange[1] && y >= yRange[0] && y <= yRange[1];
  const legend: LegendEntry[] = [
    // A path whose end is clipped away would otherwise just stop at the frame, as if it ended there.
    ...paths.map(({ name, points }, p): LegendEntry => ({ name: inside(points[points.length - 1]) ? name : `${name} (ends outside the plot)`, ...styles[p], sample: 'line' })),
    ...(paths.length > 0 ? [{ name: 'start', colour: '#555555', sample: 'hollow-dot' } as const, { name: 'end', colour: '#555555', sample: 'dot' } as const] : []),
    ...marks.map(({ name }): LegendEntry => ({ name, colour: MARK_COLOUR, sample: 'cross' })),
  ];
  const [x, y] = [linearAxis(xRange[0], xRange[1], { extend: false }), linearAxis(yRange[0], yRange[1], { extend: false })];
  const frame = chartFrame({ where, width, height, title, xLabel, yLabel, legend, x, y });
  const fromGrid = ([i, j]: readonly [number, number]): readonly [number, number] => [
    frame.x(xRange[0] + (i / resolution) * (xRange[1] - xRange[0])),
    frame.y(yRange[0] + (j / resolution) * (yRange[1] - yRange[0])),
  ];
  const levelList = typeof levels === 'number' ? automaticLevels(grid, levels, logLevels) : levels;
  const contours = levelList.flatMap((level) =>
    contourLines(grid, level).map(({ points, closed }) => {
      const d = `M${pixelApart(points.map(fromGrid)).map(([px, py]) => `${num(px)} ${num(py)}`).join('L')}${closed ? 'Z' : ''}`;
      return element('path', { class: 'contour', 'data-level': String(level), d });
    }),
  );

  const { left, top, right, bottom } = frame.area;
  // Named after the area's geometry, not a counter: the same picture keeps the same bytes, and two
  // different plots inlined in one page do not share an id (stackSvg prefixes the ids it nests).
  const clipId = `plot-area-${[left, top, right - left, bottom - top].map(Math.round).join('-')}`;
  // Paths are drawn within the plot area and as much again on every side; see far-points.ts.
  const [areaWidth, areaHeight] = [right - left, bottom - top];
  const box = { left: left - areaWidth, top: top - areaHeight, right: right + areaWidth, bottom: bottom + areaHeight };
  const drawnPaths = paths.map((path, p) => drawPath(path, styles[p], path.points.map(([px, py]) => [frame.x(px), frame.y(py)] as const), box));
  const drawnMarks = marks.map(({ name, at: [mx, my] }) => element('g', { class: 'mark', 'data-name': name }, cross(frame.x(mx), frame.y(my), MARK_COLOUR)));

  return svgDocument(width, height, [
    ...frame.behind,
    element('clipPath', { id: clipId }, element('rect', { x: left, y: top, width: right - left, height: bottom - top })),
    element('g', { class: 'contours', 'clip-path': `url(#${clipId})`, fill: 'none', stroke: CONTOUR_COLOUR, 'stroke-width': 1 }, `\n${contours.join('\n')}\n`),
    element('g', { class: 'paths', 'clip-path': `url(#${clipId})` }, `\n${[...drawnPaths, ...drawnMarks].join('\n')}\n`),
    ...frame.front,
  ]);
}

/**
 * One path's `<g>`: its line (cut at `box`, steps that do not show left out), a hollow dot at its
 * start and a filled one at its end unless they lie beyond `box`, then the `dotEvery` dots.
 */
function drawPath({ name, dotEvery }: SurfacePath, { colour, dash }: SeriesStyle, pixels: readonly (readonly [number, number])[], box: Box): string {
  const d = runsInBox(pixels, box).map(visibleSteps).join('');
  const line = element('path', { d, fill: 'none', stroke: colour, 'stroke-width': 2, 'stroke-linejoin': 'round', 'stroke-linecap': 'round', 'stroke-dasharray': dash });
  const [start, end] = [pixels[0], pixels[pixels.length - 1]];
  const ends = [...(inBox(start, box) ? [hollowDot(...start, colour)] : []), ...(inBox(end, box) ? [dot(...end, colour)] : [])];
  // After the start and end markers, so a reader of the SVG finds those two first.
  const paced = dotEvery === undefined ? [] : pixels.filter((pixel, i) => i > 0 && i < pixels.length - 1 && i % dotEvery === 0 && inBox(pixel, box));
  return element('g', { class: 'path', 'data-name': name }, [line, ...ends, ...paced.map(([px, py]) => stepDot(px, py))].join(''));
}

/**
 * f on the (resolution + 1)² corners of the grid's cells. A sample that is not a number (a
 * tensor, when the loss was written with tensor ops) or a grid without one finite value is an
 * error: either would draw no contours, silently.
 */
function sample(where: string, f: (x: number, y: number) => number, [x0, x1]: readonly [number, number], [y0, y1]: readonly [number, number], resolution: number): SampledGrid {
  const columns = resolution + 1;
  const values = new Float64Array(columns * columns);
  let finite = 0;
  for (let j = 0; j < columns; j++) {
    const y = y0 + (j / resolution) * (y1 - y0);
    for (let i = 0; i < columns; i++) {
      const x = x0 + (i / resolution) * (x1 - x0);
      const value: unknown = f(x, y);
      if (typeof value !== 'number') {
        throw new Error(`${where}: f(${x}, ${y}) returned ${value === null ? 'null' : typeof value}, not a number; f must return a number (for a loss written with tensor ops, return loss.item())`);
      }
      values[j * columns + i] = value;
      if (Number.isFinite(value)) finite++;
    }
  }
  if (finite === 0) {
    throw new Error(`${where}: f is NaN or infinite at all ${values.length} samples over xRange [${x0}, ${x1}] × yRange [${y0}, ${y1}]; move the ranges to where f is defined`);
  }
  return { columns, rows: columns, values };
}

/** `value` (the option `name`) must be an array; `example` shows one. */
function checkArray(where: string, name: string, value: unknown, example: string): void {
  if (!Array.isArray(value)) throw new Error(`${where}: ${name} must be an array such as ${example}, got ${kindOf(value)}`);
}

/** `[1, 2]` for an array; what else it is for anything else. */
function shownPoint(point: unknown): string {
  return Array.isArray(point) ? `[${point.join(', ')}]` : kindOf(point);
}

function checkPath(where: string, path: SurfacePath, index: number): void {
  if (typeof path !== 'object' || path === null) throw new Error(`${where}: path ${index} is ${kindOf(path)}; each path is an object { name, points: [[x, y], …] }`);
  const { name, points, dotEvery } = path;
  if (typeof name !== 'string') throw new Error(`${where}: path ${index} has ${name === undefined ? 'no name' : `the name ${kindOf(name)}`}; give each path a name for the legend`);
  const label = `path ${index} ('${name}')`;
  if ((points as unknown) instanceof Tensor) {
    throw new Error(`${where}: ${label} has points = a Tensor ${formatShape((points as unknown as Tensor).shape)}; pass [x, y] pairs: points: t.toArray() for a [n, 2] tensor t`);
  }
  if (!Array.isArray(points)) throw new Error(`${where}: ${label} has points = ${kindOf(points)}; points must be an array of [x, y] pairs`);
  if (points.length === 0) throw new Error(`${where}: ${label} has no points; give it at least its start`);
  const bad = points.findIndex((point) => !Array.isArray(point) || point.length !== 2 || !Number.isFinite(point[0]) || !Number.isFinite(point[1]));
  if (bad >= 0) {
    throw new Error(`${where}: ${label} has point ${bad} = ${shownPoint(points[bad])}; every point must be two finite numbers (stop the path where the optimizer diverged)`);
  }
  if (dotEvery !== undefined) checkWholeNumber(where, `${label}'s dotEvery`, dotEvery);
}

function checkMark(where: string, mark: SurfaceMark, index: number): void {
  if (typeof mark !== 'object' || mark === null) throw new Error(`${where}: mark ${index} is ${kindOf(mark)}; each mark is an object { name, at: [x, y] }`);
  const { name, at } = mark;
  if (typeof name !== 'string') throw new Error(`${where}: mark ${index} has ${name === undefined ? 'no name' : `the name ${kindOf(name)}`}; give each mark a name for the legend`);
  if (!Array.isArray(at) || at.length !== 2 || !at.every(Number.isFinite)) {
    throw new Error(`${where}: mark '${name}' must be at [x, y], two finite numbers; got ${shownPoint(at)}`);
  }
}
