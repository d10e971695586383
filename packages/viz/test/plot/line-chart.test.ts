import { describe, expect, it } from 'vitest';
import { tensor } from '@tapegrad/tensor';
import { lineChart, type LineSeries } from '../../src/index.js';
import { axisMap, elements, polylinePoints, ticks } from './parse-svg.js';

/** The polyline points of the series named `name`. */
function seriesPoints(svg: string, name: string): [number, number][] {
  const group = elements(svg, 'g', 'series').find(({ attributes }) => attributes['data-name'] === name);
  expect(group, `series '${name}'`).toBeDefined();
  return polylinePoints(elements(group!.content, 'polyline')[0].attributes.points);
}

describe('lineChart', () => {
  it('puts every point where the axes say its x and y are, left to right', () => {
    const y = [0.5, 1, 2, 1.5, 0.25];
    const svg = lineChart([{ name: 'loss', y }]);
    const points = seriesPoints(svg, 'loss');
    expect(points).toHaveLength(5);
    const [x, yAxis] = [axisMap(svg, 'x'), axisMap(svg, 'y')];
    points.forEach(([px, py], i) => {
      expect(px).toBeCloseTo(x.toPixel(i), 1); // x defaults to 0, 1, 2, …
      expect(py).toBeCloseTo(yAxis.toPixel(y[i]), 1);
    });
    for (let i = 1; i < points.length; i++) expect(points[i][0]).toBeGreaterThan(points[i - 1][0]);
    // Larger values are higher up: a smaller pixel row.
    expect(points[2][1]).toBeLessThan(points[0][1]);
  });

  it('rounds the axes out to nice ticks, whole numbers for whole-number x such as epochs', () => {
    const svg = lineChart([{ name: 'loss', x: [1, 2, 3], y: [2.3, 0.9, 0.23] }]);
    expect(ticks(svg, 'y').map((tick) => tick.value)).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
    expect(elements(svg, 'text', 'y-tick-label').map((label) => label.content)).toEqual(['0', '0.5', '1.0', '1.5', '2.0', '2.5']);
    const xTicks = ticks(svg, 'x').map((tick) => tick.value);
    expect(xTicks.every(Number.isInteger)).toBe(true);
    expect(xTicks[0]).toBeLessThanOrEqual(1);
    expect(xTicks.at(-1)).toBeGreaterThanOrEqual(3);
    const [first, last] = [seriesPoints(svg, 'loss')[0], seriesPoints(svg, 'loss')[2]];
    expect(first[0]).toBeCloseTo(axisMap(svg, 'x').toPixel(1), 1);
    expect(last[0]).toBeCloseTo(axisMap(svg, 'x').toPixel(3), 1);
  });

  it('with logY, ticks the decades and spaces them equally, and a point at 0.1 lies on the 10⁻¹ tick', () => {
    const y = [2.3, 0.1, 0.05];
    const svg = lineChart([{ name: 'loss', y }], { logY: true });
    const decades = ticks(svg, 'y');
    expect(decades.map((tick) => tick.value)).toEqual([0.01, 0.1, 1, 10]);
    expect(elements(svg, 'text', 'y-tick-label').map((label) => label.content)).toEqual(['10⁻²', '10⁻¹', '10⁰', '10¹']);
    const gaps = decades.slice(1).map((tick, i) => tick.pixel - decades[i].pixel);
    for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0], 1);
    // Minor ticks at 2–9 × 10ᵏ inside the three decades.
    expect(elements(svg, 'line', 'y-minor-tick')).toHaveLength(24);
    const points = seriesPoints(svg, 'loss');
    expect(points[1][1]).toBeCloseTo(decades[1].pixel, 1);
    const map = axisMap(svg, 'y', true);
    points.forEach(([, py], i) => expect(map.toValue(py)).toBeCloseTo(y[i], 2));
  });

  it('names every series in the legend, in order and in its line colour', () => {
    const svg = lineChart([
      { name: 'training loss', y: [1, 0.5] },
      { name: 'validation loss', y: [1.1, 0.7] },
      { name: '<b>&"', y: [1, 1] },
    ]);
    const entries = elements(svg, 'g', 'legend-entry');
    expect(entries.map((entry) => entry.attributes['data-name'])).toEqual(['training loss', 'validation loss', '<b>&"']);
    const lineColours = elements(svg, 'polyline').map((line) => line.attributes.stroke);
    const legendColours = entries.map((entry) => elements(entry.content, 'line')[0].attributes.stroke);
    expect(legendColours).toEqual(lineColours);
    expect(new Set(lineColours).size).toBe(3);
    expect(svg).toContain('&lt;b&gt;&amp;&quot;'); // escaped, so the SVG stays well-formed
  });

  it('writes the title and the axis labels, marks the points of a short series and not those of a long one', () => {
    const svg = lineChart([{ name: 'short', y: [3, 2, 1] }, { name: 'long', y: Array.from({ length: 100 }, (_, i) => 1 / (i + 1)) }], { title: 'MLP', xLabel: 'epoch', yLabel: 'loss' });
    expect(elements(svg, 'text', 'title')[0].content).toBe('MLP');
    expect(elements(svg, 'text', 'x-label')[0].content).toBe('epoch');
    expect(elements(svg, 'text', 'y-label')[0].content).toBe('loss');
    const [short, long] = elements(svg, 'g', 'series');
    expect(elements(short.content, 'circle')).toHaveLength(3);
    expect(elements(long.content, 'circle')).toHaveLength(0);
    expect(polylinePoints(elements(long.content, 'polyline')[0].attributes.points)).toHaveLength(100);
  });

  it('is a well-formed SVG of the asked size, and the same bytes for the same call', () => {
    const draw = (): string => lineChart([{ name: 'a', y: [1, 2] }], { width: 300, height: 200 });
    const svg = draw();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="300" height="200" viewBox="0 0 300 200"/);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(draw()).toBe(svg);
  });

  it('draws a constant series on a widened axis', () => {
    const svg = lineChart([{ name: 'flat', y: [2, 2, 2] }]);
    const points = seriesPoints(svg, 'flat');
    const map = axisMap(svg, 'y');
    for (const [, py] of points) expect(map.toValue(py)).toBeCloseTo(2, 6);
    expect(ticks(svg, 'y').length).toBeGreaterThan(1);
  });

  it('draws a single point in the middle of axes widened around it', () => {
    for (const value of [5, 0, -3]) {
      const svg = lineChart([{ name: 'one', y: [value] }]);
      const [[px, py]] = seriesPoints(svg, 'one');
      const [x, y] = [ticks(svg, 'x'), ticks(svg, 'y')];
      expect(x.map((tick) => tick.value)).toEqual([-1, 0, 1]);
      expect(px).toBeCloseTo(x[1].pixel, 1);
      expect(axisMap(svg, 'y').toValue(py)).toBeCloseTo(value, 6);
      expect(y[0].value).toBeLessThan(value);
      expect(y.at(-1)!.value).toBeGreaterThan(value);
    }
  });

  it('ticks negative values and a narrow range far from zero with distinct labels', () => {
    const negative = lineChart([{ name: 'n', x: [-5, 0, 5], y: [-0.003, -0.0021, -0.0005] }]);
    expect(elements(negative, 'text', 'y-tick-label').map((label) => label.content)).toEqual(['-0.0030', '-0.0025', '-0.0020', '-0.0015', '-0.0010', '-0.0005']);
    expect(ticks(negative, 'x').map((tick) => tick.value)).toEqual([-6, -4, -2, 0, 2, 4, 6]);
    // Twelve significant digits cannot tell 10¹⁵ from 10¹⁵ + 0.5: the ticks must still differ.
    const narrow = lineChart([{ name: 'n', y: [1e15, 1e15 + 2] }]);
    expect(narrow).not.toContain('NaN');
    const values = ticks(narrow, 'y').map((tick) => tick.value - 1e15);
    expect(values).toEqual([0, 0.5, 1, 1.5, 2]);
    const labels = elements(narrow, 'text', 'y-tick-label').map((label) => label.content);
    expect(new Set(labels).size).toBe(labels.length);
    const map = axisMap(narrow, 'y');
    expect(map.toValue(seriesPoints(narrow, 'n')[1][1]) - 1e15).toBeCloseTo(2, 1);
  });

  it('dashes the series past the tenth, so no two of twenty look alike, in the legend too', () => {
    const svg = lineChart(Array.from({ length: 20 }, (_, s) => ({ name: `s${s}`, y: [s, s + 1] })));
    const lines = elements(svg, 'polyline').map(({ attributes }) => `${attributes.stroke} ${attributes['stroke-dasharray'] ?? 'solid'}`);
    expect(new Set(lines).size).toBe(20);
    expect(lines[10]).toBe('#1f77b4 7 4'); // the first colour again, dashed
    const samples = elements(svg, 'g', 'legend-entry').map(({ content }) => elements(content, 'line')[0].attributes);
    expect(samples.map((sample) => `${sample.stroke} ${sample['stroke-dasharray'] ?? 'solid'}`)).toEqual(lines);
  });

  it('with logY over one or two decades, labels 2 and 5 × 10ᵏ too, so values inside a decade can be read', () => {
    const y = [0.21, 0.25, 0.29];
    const svg = lineChart([{ name: 'loss', y }], { logY: true });
    expect(ticks(svg, 'y').map((tick) => tick.value)).toEqual([0.1, 0.2, 0.5, 1]);
    expect(elements(svg, 'text', 'y-tick-label').map((label) => label.content)).toEqual(['10⁻¹', '2×10⁻¹', '5×10⁻¹', '10⁰']);
    expect(elements(svg, 'line', 'y-minor-tick').map((tick) => Number(tick.attributes['data-value']))).toEqual([0.3, 0.4, 0.6, 0.7, 0.8, 0.9]);
    const map = axisMap(svg, 'y', true);
    seriesPoints(svg, 'loss').forEach(([, py], i) => expect(map.toValue(py)).toBeCloseTo(y[i], 4)); // pixels are written to 0.01
    // Several decades with data inside one: decades only, minor ticks between.
    const wide = lineChart([{ name: 'loss', y: [1e-6, 0.3, 0.2] }], { logY: true });
    expect(elements(wide, 'text', 'y-tick-label').map((label) => label.content)).toEqual(['10⁻⁶', '10⁻⁵', '10⁻⁴', '10⁻³', '10⁻²', '10⁻¹', '10⁰']);
    // The smallest double is 5·10⁻³²⁴ and 10⁻³²⁴ is 0: the axis stops at 10⁻³²³ instead of dividing by log 0.
    expect(lineChart([{ name: 'tiny', y: [5e-324, 1] }], { logY: true })).not.toContain('NaN');
  });

  it("takes typed arrays, such as a tensor's data(), for y and x, drawing what the same numbers in an array draw", () => {
    const losses = tensor([2.3, 0.9, 0.4, 0.2]);
    const fromTensor = lineChart([{ name: 'loss', y: losses.data(), x: Int32Array.from([1, 2, 3, 4]) }], { logY: true });
    expect(fromTensor).toBe(lineChart([{ name: 'loss', y: [2.3, 0.9, 0.4, 0.2], x: [1, 2, 3, 4] }], { logY: true }));
    expect(seriesPoints(fromTensor, 'loss')).toHaveLength(4);
    expect(() => lineChart([{ name: 'loss', y: Float64Array.from([1, NaN]) }])).toThrow("lineChart: series 0 ('loss') has y[1] = NaN; every value must be finite");
  });

  it('refuses what is not a list of series, a series without a name and y that is not numbers, saying what to pass', () => {
    const losses = tensor([2.3, 0.9, 0.4]);
    const as = (value: unknown) => value as readonly LineSeries[];
    expect(() => lineChart(as({ name: 'loss', y: [1, 2] }))).toThrow(
      "lineChart: series must be an array of { name, y }, got an Object; wrap one series in brackets: lineChart([{ name: 'loss', y: losses }])",
    );
    expect(() => lineChart(as([null]))).toThrow("lineChart: series 0 is null; each series is an object { name: 'loss', y: [...] }");
    expect(() => lineChart(as([{ name: 'a', y: [1] }, { y: [1, 2] }]))).toThrow(
      "lineChart: series 1 has no name; give each series a name for the legend: { name: 'loss', y }",
    );
    expect(() => lineChart(as([{ name: 3, y: [1, 2] }]))).toThrow('lineChart: series 0 has the name the number 3; give each series a name');
    expect(() => lineChart(as([{ name: 'loss', y: losses }]))).toThrow(
      "lineChart: series 0 ('loss') has y = a Tensor [3]; pass its values: y: t.data() for a 1-D tensor t (or Array.from(t.data()))",
    );
    expect(() => lineChart(as([{ name: 'loss', y: [1, 2, 3], x: losses }]))).toThrow("lineChart: series 0 ('loss') has x = a Tensor [3]; pass its values: x: t.data()");
    expect(() => lineChart(as([{ name: 'loss', y: 0.5 }]))).toThrow(
      "lineChart: series 0 ('loss') has y = the number 0.5; y must be the values, an array of numbers or a typed array such as t.data()",
    );
    expect(() => lineChart(as([{ name: 'loss' }]))).toThrow("lineChart: series 0 ('loss') has y = undefined; y must be the values");
    expect(() => lineChart(as([{ name: 'loss', y: [1, '2'] }]))).toThrow(`lineChart: series 0 ('loss') has y[1] = "2" (a string); every value must be finite`);
  });

  it('refuses bad input with errors that name the series, the index and the fix', () => {
    expect(() => lineChart([{ name: 'huge', y: [-1e308, 1e308] }])).toThrow(
      'lineChart: the y values run from -1e+308 to 1e+308, a span too wide to draw; scale them (divide by a power of ten) or draw them with logY',
    );
    expect(() => lineChart([{ name: 'loss', y: [1, NaN] }])).toThrow("lineChart: series 0 ('loss') has y[1] = NaN; every value must be finite");
    expect(() => lineChart([{ name: 'a', y: [1] }, { name: 'b', y: [1, 2], x: [0, Infinity] }])).toThrow("lineChart: series 1 ('b') has x[1] = Infinity");
    expect(() => lineChart([{ name: 'loss', y: [1, 0.1, 0] }], { logY: true })).toThrow(
      "lineChart: series 0 ('loss') has y[2] = 0, which a log axis cannot show; every y must be > 0 with logY",
    );
    expect(() => lineChart([{ name: 'loss', y: [1, 2], x: [1] }])).toThrow("lineChart: series 0 ('loss') has 1 x values for 2 y values");
    expect(() => lineChart([{ name: 'loss', y: [] }])).toThrow("lineChart: series 0 ('loss') has no points");
    expect(() => lineChart([])).toThrow('lineChart: no series to draw');
    expect(() => lineChart([{ name: 'a', y: [1] }], { width: -5 })).toThrow('lineChart: width must be a finite number > 0; got -5');
    expect(() => lineChart([{ name: 'a', y: [1] }], { width: 90, height: 60 })).toThrow(/^lineChart: a 90 × 60 picture leaves a plot area of .*; make width and height larger/);
  });
});
