/**
 * The frame every chart shares: title, legend, plot area, gridlines, ticks and axis labels. The
 * margins follow from what is written in them (the widest y tick label, whether there are axis
 * labels), so a chart with long tick labels does not clip them and one without wastes no room.
 *
 * Every tick mark carries its value (`data-value`), so the pixel a value lands on can be read
 * back from the picture: the tests do, and so can a reader of the SVG source.
 */
import { drawLegend, legendHeight, type LegendEntry } from './legend.js';
import { toPixels, type AxisTicks } from './scale.js';
import { escapeXml } from '../escape-xml.js';
import { element, num, textWidth, TITLE_HEIGHT, titleText } from './svg.js';

/** What a chart needs laid out. */
export interface FrameSpec {
  /** The public function drawing the chart, for error messages. */
  readonly where: string;
  readonly width: number;
  readonly height: number;
  readonly title?: string;
  readonly xLabel?: string;
  readonly yLabel?: string;
  readonly legend: readonly LegendEntry[];
  readonly x: AxisTicks;
  readonly y: AxisTicks;
}

/** The plot area in pixels. */
export interface PlotArea {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** A laid-out chart: where the data go, and what to draw behind and in front of them. */
export interface Frame {
  readonly area: PlotArea;
  /** The pixel column of an x value. */
  readonly x: (value: number) => number;
  /** The pixel row of a y value (larger values higher up). */
  readonly y: (value: number) => number;
  /** Title, legend and gridlines: drawn before the data. */
  readonly behind: readonly string[];
  /** The frame, ticks and axis labels: drawn after the data, so curves never cover them. */
  readonly front: readonly string[];
}

const PAD = 10;
const TICK_LENGTH = 5;
const AXIS_LABEL_HEIGHT = 18;
const SMALLEST_AREA = 40;

/** Lays out the chart described by `spec`; throws when the picture is too small for a plot area. */
export function chartFrame(spec: FrameSpec): Frame {
  const { where, width, height, title, xLabel, yLabel, legend } = spec;
  const widestYLabel = Math.max(...spec.y.ticks.map((tick) => textWidth(tick.label)));
  const left = PAD + (yLabel ? AXIS_LABEL_HEIGHT : 0) + widestYLabel + TICK_LENGTH + 4;
  const lastXLabel = spec.x.ticks.at(-1)?.label ?? '';
  const right = width - Math.max(16, textWidth(lastXLabel) / 2 + 4);
  let top = PAD + (title ? TITLE_HEIGHT : 0);
  const legendTop = top;
  const legendRows = legendHeight(legend, right - left);
  top += legendRows > 0 ? legendRows + 6 : 4;
  const bottom = height - (PAD + TICK_LENGTH + 16 + (xLabel ? AXIS_LABEL_HEIGHT + 4 : 0));
  if (right - left < SMALLEST_AREA || bottom - top < SMALLEST_AREA) {
    throw new Error(
      `${where}: a ${num(width)} × ${num(height)} picture leaves a plot area of ${num(Math.max(0, right - left))} × ${num(Math.max(0, bottom - top))} pixels ` +
        `after the title, legend, ticks and labels; make width and height larger (the default is 640 × 400)`,
    );
  }
  const area = { left, top, right, bottom };
  const x = toPixels(spec.x, left, right);
  const y = toPixels(spec.y, bottom, top);

  const behind: string[] = [];
  if (title) behind.push(titleText((left + right) / 2, PAD + 15, title));
  behind.push(...drawLegend(legend, left, legendTop, right - left));
  const gridlines = [
    ...spec.x.ticks.map(({ value }) => element('line', { x1: x(value), y1: top, x2: x(value), y2: bottom })),
    ...spec.y.ticks.map(({ value }) => element('line', { x1: left, y1: y(value), x2: right, y2: y(value) })),
  ];
  behind.push(element('g', { class: 'gridlines', stroke: '#e6e6e6', 'stroke-width': 1 }, `\n${gridlines.join('\n')}\n`));

  const front: string[] = [element('rect', { class: 'plot-area', x: left, y: top, width: right - left, height: bottom - top, fill: 'none', stroke: '#333333' })];
  const marks: string[] = [];
  const labels: string[] = [];
  for (const { value, label } of spec.x.ticks) {
    marks.push(element('line', { class: 'x-tick', 'data-value': String(value), x1: x(value), y1: bottom, x2: x(value), y2: bottom + TICK_LENGTH }));
    labels.push(element('text', { class: 'x-tick-label', x: x(value), y: bottom + TICK_LENGTH + 3, 'text-anchor': 'middle', 'dominant-baseline': 'hanging' }, escapeXml(label)));
  }
  for (const { value, label } of spec.y.ticks) {
    marks.push(element('line', { class: 'y-tick', 'data-value': String(value), x1: left - TICK_LENGTH, y1: y(value), x2: left, y2: y(value) }));
    labels.push(element('text', { class: 'y-tick-label', x: left - TICK_LENGTH - 3, y: y(value), 'text-anchor': 'end', 'dominant-baseline': 'central' }, escapeXml(label)));
  }
  for (const value of spec.y.minor) {
    marks.push(element('line', { class: 'y-minor-tick', 'data-value': String(value), x1: left - 3, y1: y(value), x2: left, y2: y(value) }));
  }
  front.push(element('g', { class: 'ticks', stroke: '#333333' }, `\n${marks.join('\n')}\n`));
  front.push(element('g', { class: 'tick-labels', fill: '#333333' }, `\n${labels.join('\n')}\n`));
  if (xLabel) front.push(element('text', { class: 'x-label', x: (left + right) / 2, y: height - PAD, 'text-anchor': 'middle' }, escapeXml(xLabel)));
  if (yLabel) {
    const middle = (top + bottom) / 2;
    front.push(element('text', { class: 'y-label', x: PAD + 12, y: middle, 'text-anchor': 'middle', transform: `rotate(-90 ${num(PAD + 12)} ${num(middle)})` }, escapeXml(yLabel)));
  }
  return { area, x, y, behind, front };
}
