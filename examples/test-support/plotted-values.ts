/**
 * Reading the examples' SVG plots back into numbers, for the tests that check them: each chart's
 * axes are recovered from its tick marks (which carry their values), and every point drawn is
 * mapped back to the data value it shows. A plot that draws the wrong numbers fails its test.
 */
import { expect } from 'vitest';

/** A series of a line chart, or a path over a contour plot, in data coordinates. */
export interface PlottedLine {
  readonly name: string;
  readonly points: [number, number][];
}

/** One chart of a picture: its title, series (lineChart) and paths (contourPath), and its contour count. */
export interface PlottedChart {
  readonly title: string | null;
  readonly series: PlottedLine[];
  /** Each path's start and end markers (not every step, which are thinned when drawn); null where one is not drawn. */
  readonly paths: { readonly name: string; readonly start: [number, number] | null; readonly end: [number, number] | null; readonly paceDots: number }[];
  readonly contours: number;
}

/** The charts of `svg`, in order: one for a single chart, several for charts stacked with `stackSvg`. */
export function plottedCharts(svg: string): PlottedChart[] {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  expect(svg.match(/<svg\b/g)?.length).toBe(svg.match(/<\/svg>/g)?.length);
  // Stacked charts are nested <svg> elements, one after the other: each chunk between two
  // openings holds one chart.
  return svg
    .split(/(?=<svg\b)/)
    .filter((chunk) => chunk.includes('class="plot-area"'))
    .map(readChart);
}

function readChart(chart: string): PlottedChart {
  const x = axis(chart, 'x');
  const y = axis(chart, 'y');
  const series = [...chart.matchAll(/<g class="series" data-name="([^"]*)"><polyline points="([^"]*)"/g)].map(([, name, points]) => ({
    name,
    points: points.split(' ').map((pair) => {
      const [px, py] = pair.split(',').map(Number);
      return [x(px), y(py)] as [number, number];
    }),
  }));
  const paths = [...chart.matchAll(/<g class="path" data-name="([^"]*)">(.*?)<\/g>/g)].map(([, name, group]) => {
    // The start is the hollow (white) dot, the end the 3.5-pixel filled one; the smaller dots
    // after them mark the pace (dotEvery). A marker far outside the plot is left out.
    const marker = (style: RegExp): [number, number] | null => {
      const circle = [...group.matchAll(/<circle cx="([^"]*)" cy="([^"]*)"([^>]*)>/g)].find((match) => style.test(match[3]));
      return circle === undefined ? null : [x(Number(circle[1])), y(Number(circle[2]))];
    };
    return { name, start: marker(/ fill="#ffffff"/), end: marker(/ r="3.5"/), paceDots: group.match(/<circle [^>]* r="2.2"/g)?.length ?? 0 };
  });
  const title = /<text class="title"[^>]*>([^<]*)</.exec(chart)?.[1] ?? null;
  return { title, series, paths, contours: chart.match(/class="contour"/g)?.length ?? 0 };
}

/** The map from a pixel to the value it shows along `name`, through the axis' first and last ticks. */
function axis(chart: string, name: 'x' | 'y'): (pixel: number) => number {
  const position = name === 'x' ? 'x1' : 'y1';
  const attribute = (tag: string, attributeName: string): number => Number(new RegExp(` ${attributeName}="([^"]*)"`).exec(tag)![1]);
  const ticks = [...chart.matchAll(new RegExp(`<line class="${name}-tick"[^>]*>`, 'g'))].map(([tag]) => [attribute(tag, 'data-value'), attribute(tag, position)]);
  expect(ticks.length, `${name} ticks`).toBeGreaterThanOrEqual(2);
  const [[v0, p0], [v1, p1]] = [ticks[0], ticks[ticks.length - 1]];
  return (pixel) => v0 + ((pixel - p0) / (p1 - p0)) * (v1 - v0);
}
