import { describe, expect, it } from 'vitest';
import { tensor } from '@tapegrad/tensor';
import { contourPath, type ContourPathOptions } from '../../src/index.js';
import { axisMap, elements, pathPoints } from './parse-svg.js';

const bowl = (x: number, y: number): number => x * x + y * y;

/** Every contour line as points in data coordinates, with its level and whether it is closed. */
function contours(svg: string): { level: number; closed: boolean; points: [number, number][] }[] {
  const [x, y] = [axisMap(svg, 'x'), axisMap(svg, 'y')];
  return elements(svg, 'path', 'contour').map(({ attributes }) => {
    const { points, closed } = pathPoints(attributes.d);
    return { level: Number(attributes['data-level']), closed, points: points.map(([px, py]) => [x.toValue(px), y.toValue(py)]) };
  });
}

describe('contourPath', () => {
  it('draws the contours of x² + y² as closed circles of radius √level', () => {
    const lines = contours(contourPath(bowl, { xRange: [-3, 3], yRange: [-3, 3], levels: [1, 4] }));
    expect(lines.map(({ level, closed }) => [level, closed])).toEqual([
      [1, true],
      [4, true],
    ]);
    for (const { level, points } of lines) {
      expect(points.length).toBeGreaterThan(50);
      for (const [x, y] of points) expect(Math.abs(Math.hypot(x, y) - Math.sqrt(level))).toBeLessThan(0.01);
      // All the way round: points in every quadrant.
      expect(new Set(points.map(([x, y]) => `${Math.sign(x)}${Math.sign(y)}`)).size).toBeGreaterThanOrEqual(4);
    }
  });

  it('leaves a line open where it leaves the range, and where f is NaN', () => {
    const [line] = contours(contourPath((x) => x, { xRange: [0, 1], yRange: [0, 1], levels: [0.25] }));
    expect(line.closed).toBe(false);
    for (const [x] of line.points) expect(x).toBeCloseTo(0.25, 6);
    const ys = line.points.map(([, y]) => y);
    expect([Math.min(...ys), Math.max(...ys)]).toEqual([expect.closeTo(0, 6), expect.closeTo(1, 6)]);
    // A bowl whose left half is undefined: its circle becomes an open right half.
    const half = contours(contourPath((x, y) => (x < 0 ? NaN : bowl(x, y)), { xRange: [-3, 3], yRange: [-3, 3], levels: [4] }));
    expect(half).toHaveLength(1);
    expect(half[0].closed).toBe(false);
    for (const [x, y] of half[0].points) {
      expect(x).toBeGreaterThan(-0.01);
      expect(Math.abs(Math.hypot(x, y) - 2)).toBeLessThan(0.01);
    }
  });

  it('splits the level-0.5 contour of the saddle x² − y² into its two branches', () => {
    const lines = contours(contourPath((x, y) => x * x - y * y, { xRange: [-2, 2], yRange: [-2, 2], levels: [0.5] }));
    expect(lines).toHaveLength(2);
    for (const { points } of lines) {
      const side = Math.sign(points[0][0]);
      for (const [x, y] of points) {
        expect(Math.sign(x)).toBe(side);
        expect(x * x - y * y).toBeCloseTo(0.5, 1);
      }
    }
  });

  it('chooses n evenly spaced levels, or log-spaced ones with logLevels', () => {
    const levelsOf = (options: Partial<ContourPathOptions>): number[] => [
      ...new Set(contours(contourPath(bowl, { xRange: [-1, 1], yRange: [-1, 1], ...options })).map((line) => line.level)),
    ];
    // Samples from 0 to 2: five levels at 2k/6.
    expect(levelsOf({ levels: 5 })).toEqual([0.333, 0.667, 1, 1.33, 1.67]);
    // Log-spaced from 10⁻⁴ × 2 (the smallest sample is 0) to 2, three levels in equal ratios of 10.
    expect(levelsOf({ levels: 3, logLevels: true })).toEqual([0.002, 0.02, 0.2]);
  });

  it('draws each path from its start (hollow dot) to its end (filled dot), named in the legend', () => {
    const sgd: [number, number][] = [[-1.2, 1], [-1, 0.5], [0, 0], [0.5, 0.25]];
    const adam: [number, number][] = [[-1.2, 1], [1, 1]];
    const svg = contourPath(bowl, { xRange: [-2, 2], yRange: [-1, 3], paths: [{ name: 'SGD', points: sgd }, { name: 'Adam', points: adam }], marks: [{ name: 'minimum', at: [0, 0] }] });
    const [x, y] = [axisMap(svg, 'x'), axisMap(svg, 'y')];
    const groups = elements(svg, 'g', 'path');
    expect(groups.map((group) => group.attributes['data-name'])).toEqual(['SGD', 'Adam']);
    [sgd, adam].forEach((points, p) => {
      const line = elements(groups[p].content, 'path')[0].attributes;
      const { points: drawn, closed } = pathPoints(line.d);
      expect(closed).toBe(false);
      expect(drawn).toHaveLength(points.length);
      drawn.forEach(([px, py], i) => {
        expect(px).toBeCloseTo(x.toPixel(points[i][0]), 1);
        expect(py).toBeCloseTo(y.toPixel(points[i][1]), 1);
      });
      const [start, end] = elements(groups[p].content, 'circle').map(({ attributes }) => attributes);
      expect([Number(start.cx), Number(start.cy)]).toEqual(drawn[0]);
      expect(start.fill).toBe('#ffffff');
      expect([Number(end.cx), Number(end.cy)]).toEqual(drawn.at(-1));
      expect(end.fill).toBe(line.stroke);
    });
    expect(elements(svg, 'g', 'legend-entry').map((entry) => entry.attributes['data-name'])).toEqual(['SGD', 'Adam', 'start', 'end', 'minimum']);
    expect(elements(svg, 'g', 'mark')).toHaveLength(1);
    // Paths are clipped to the plot area, so a diverging one cannot draw over the axes.
    const clip = elements(svg, 'clipPath')[0].attributes.id;
    expect(elements(svg, 'g', 'paths')[0].attributes['clip-path']).toBe(`url(#${clip})`);
  });

  /** The path data of the one path drawn over a bowl, and its end marker's centre. */
  function drawnPath(points: [number, number][]): { d: string; end: [number, number]; toPixel: (point: [number, number]) => [number, number] } {
    const svg = contourPath(bowl, { xRange: [-1, 1], yRange: [-1, 1], levels: [0.5], paths: [{ name: 'p', points }] });
    const group = elements(svg, 'g', 'path')[0].content;
    const [, end] = elements(group, 'circle').map(({ attributes }) => [Number(attributes.cx), Number(attributes.cy)] as [number, number]);
    const [x, y] = [axisMap(svg, 'x'), axisMap(svg, 'y')];
    return { d: elements(group, 'path')[0].attributes.d, end, toPixel: ([px, py]) => [x.toPixel(px), y.toPixel(py)] };
  }

  it('merges steps that stay within half a pixel, and ends its marker at the exact last point', () => {
    const points = Array.from({ length: 1000 }, (_, i): [number, number] => [2e-7 * i, 0]); // 2·10⁻⁴ in all: a twentieth of a pixel
    const { d, end, toPixel } = drawnPath(points);
    expect((d.match(/L/g) ?? []).length).toBeLessThanOrEqual(1);
    expect(end[0]).toBeCloseTo(toPixel(points[999])[0], 1);
  });

  it('draws a segment the path goes back and forth along only once', () => {
    const [a, b]: [number, number][] = [[-0.5, 0], [0.5, 0.25]];
    const points = Array.from({ length: 1001 }, (_, i) => (i % 2 === 0 ? a : b));
    const { d, end, toPixel } = drawnPath(points);
    const { points: drawn } = pathPoints(d);
    expect(drawn).toHaveLength(2);
    drawn.forEach((pixel, i) => {
      const expected = toPixel([a, b][i]);
      expect(pixel[0]).toBeCloseTo(expected[0], 1);
      expect(pixel[1]).toBeCloseTo(expected[1], 1);
    });
    expect(end[0]).toBeCloseTo(toPixel(a)[0], 1); // 1001 points: the last is a
    // A new segment after the repeats starts a new stroke from where the path is.
    const { d: resumed } = drawnPath([...points, [0, 0.75]]);
    expect(resumed).toMatch(/^M[\d. ]+L[\d. ]+M[\d. ]+L[\d. ]+$/);
  });

  it('marks every dotEvery-th point after the start with a small dot, so the spacing shows the pace', () => {
    const points = Array.from({ length: 26 }, (_, i): [number, number] => [-0.9 + 0.06 * i, 0.5 * Math.sin(i / 4)]);
    const svg = contourPath(bowl, { xRange: [-1, 1], yRange: [-1, 1], levels: [0.5], paths: [{ name: 'p', points, dotEvery: 10 }] });
    const [x, y] = [axisMap(svg, 'x'), axisMap(svg, 'y')];
    const circles = elements(elements(svg, 'g', 'path')[0].content, 'circle').map(({ attributes }) => attributes);
    // Start and end first (as without dotEvery), then points 10 and 20; not the start or the last point again.
    expect(circles.map((circle) => circle.r)).toEqual(['4', '3.5', '2.2', '2.2']);
    circles.slice(2).forEach((circle, k) => {
      expect(x.toValue(Number(circle.cx))).toBeCloseTo(points[10 * (k + 1)][0], 2);
      expect(y.toValue(Number(circle.cy))).toBeCloseTo(points[10 * (k + 1)][1], 2);
    });
    expect(() => contourPath(bowl, { xRange: [-1, 1], yRange: [-1, 1], paths: [{ name: 'p', points, dotEvery: 0.5 }] })).toThrow(
      "contourPath: path 0 ('p')'s dotEvery must be a whole number ≥ 1; got 0.5",
    );
  });

  it('says in the legend when a path ends outside the plot, and cuts its far-off segments at a box around the plot', () => {
    // A diverging run: each point much farther out than the one before, the last 10²⁰⁰ away.
    const points: [number, number][] = [[0.5, 0.5], [-0.9, -0.6], [3, 2], [-40, 10], [1e6, -3e5], [-1e200, 1e180]];
    const svg = contourPath(bowl, { xRange: [-1, 1], yRange: [-1, 1], levels: [0.5], paths: [{ name: 'SGD', points }, { name: 'Adam', points: [[0.5, 0.5], [0, 0]] }] });
    expect(elements(svg, 'g', 'legend-entry').map((entry) => entry.attributes['data-name'])).toEqual(['SGD (ends outside the plot)', 'Adam', 'start', 'end']);
    const group = elements(svg, 'g', 'path')[0].content;
    const area = elements(svg, 'rect', 'plot-area')[0].attributes;
    const [left, top, width, height] = [area.x, area.y, area.width, area.height].map(Number);
    const { d } = elements(group, 'path')[0].attributes;
    const coordinates = d.split(/[ML ]/).filter((text) => text !== '').map(Number);
    for (const value of coordinates) expect(Math.abs(value)).toBeLessThan(4 * Math.max(left + width, top + height));
    // The first segments are drawn as they are: inside the area, the line points where the path goes.
    const [x, y] = [axisMap(svg, 'x'), axisMap(svg, 'y')];
    const [first, second] = d.split('L').slice(0, 2).map((point) => point.replace('M', '').split(' ').map(Number));
    expect([x.toValue(first[0]), y.toValue(first[1])].map((v) => Number(v.toFixed(2)))).toEqual([0.5, 0.5]);
    expect([x.toValue(second[0]), y.toValue(second[1])].map((v) => Number(v.toFixed(2)))).toEqual([-0.9, -0.6]);
    // The far end has no marker (it would be 10²⁰⁰ pixels away); the start has.
    expect(elements(group, 'circle').map(({ attributes }) => attributes.r)).toEqual(['4']);
  });

  it('draws no contours for a flat f, and refuses an f that returns no number or nothing finite', () => {
    const flat = contourPath(() => 3, { xRange: [0, 1], yRange: [0, 1] });
    expect(elements(flat, 'path', 'contour')).toHaveLength(0);
    expect(elements(flat, 'rect', 'plot-area')).toHaveLength(1);
    const tensorValued = (x: number, y: number) => ({ item: () => x + y });
    expect(() => contourPath(tensorValued as unknown as (x: number, y: number) => number, { xRange: [0, 1], yRange: [0, 1] })).toThrow(
      'contourPath: f(0, 0) returned object, not a number; f must return a number (for a loss written with tensor ops, return loss.item())',
    );
    expect(() => contourPath((x, y) => Math.log(-x * x - y * y - 1), { xRange: [0, 1], yRange: [2, 3], resolution: 10 })).toThrow(
      'contourPath: f is NaN or infinite at all 121 samples over xRange [0, 1] × yRange [2, 3]; move the ranges to where f is defined',
    );
  });

  it('keeps automatic levels apart on a surface whose values differ only far past the third digit', () => {
    const svg = contourPath((x, y) => 1000 + 0.01 * bowl(x, y), { xRange: [-1, 1], yRange: [-1, 1], levels: 5 });
    const levels = [...new Set(contours(svg).map((line) => line.level))];
    expect(levels).toEqual([1000.0033, 1000.0067, 1000.01, 1000.0133, 1000.0167]);
  });

  it('gives the same bytes for the same call', () => {
    const draw = (): string => contourPath(bowl, { xRange: [-1, 1], yRange: [-1, 1], paths: [{ name: 'a', points: [[0.5, 0.5], [0, 0]] }] });
    expect(draw()).toBe(draw());
  });

  it('refuses bad ranges, levels and paths with messages naming them', () => {
    const ranges = { xRange: [-1, 1], yRange: [-1, 1] } as const;
    expect(() => contourPath(bowl, { xRange: [1, -1], yRange: [-1, 1] })).toThrow('contourPath: xRange must be [lo, hi] with finite lo < hi; got [1, -1]');
    expect(() => contourPath(bowl, undefined as unknown as ContourPathOptions)).toThrow('contourPath: xRange must be [lo, hi] with finite lo < hi; got nothing');
    expect(() => contourPath(bowl, { ...ranges, levels: 0 })).toThrow('contourPath: levels must be a whole number ≥ 1; got 0');
    expect(() => contourPath(bowl, { ...ranges, levels: [1, NaN] })).toThrow('contourPath: levels must be finite numbers; got [1, NaN]');
    expect(() => contourPath(bowl, { ...ranges, paths: [{ name: 'ok', points: [[0, 0]] }, { name: 'SGD', points: [[0, 0], [1, 2], [NaN, Infinity]] }] })).toThrow(
      "contourPath: path 1 ('SGD') has point 2 = [NaN, Infinity]; every point must be two finite numbers (stop the path where the optimizer diverged)",
    );
    expect(() => contourPath(bowl, { ...ranges, paths: [{ name: 'none', points: [] }] })).toThrow("contourPath: path 0 ('none') has no points");
    expect(() => contourPath(bowl, { ...ranges, resolution: 2.5 })).toThrow('contourPath: resolution must be a whole number ≥ 1; got 2.5');
  });

  it('refuses paths, marks and levels of the wrong kind, saying what to pass', () => {
    const ranges = { xRange: [-1, 1], yRange: [-1, 1] } as const;
    const options = (extra: Record<string, unknown>) => ({ ...ranges, ...extra }) as unknown as ContourPathOptions;
    expect(() => contourPath(bowl, options({ paths: { name: 'SGD', points: [[0, 0]] } }))).toThrow(
      "contourPath: paths must be an array such as [{ name: 'SGD', points: [[x0, y0], [x1, y1], …] }], got an Object",
    );
    expect(() => contourPath(bowl, options({ paths: [{ points: [[0, 0]] }] }))).toThrow('contourPath: path 0 has no name; give each path a name for the legend');
    expect(() => contourPath(bowl, options({ paths: [null] }))).toThrow('contourPath: path 0 is null; each path is an object { name, points: [[x, y], …] }');
    expect(() => contourPath(bowl, options({ paths: [{ name: 'SGD', points: tensor([[0, 0], [0.5, 0.5]]) }] }))).toThrow(
      "contourPath: path 0 ('SGD') has points = a Tensor [2,2]; pass [x, y] pairs: points: t.toArray() for a [n, 2] tensor t",
    );
    expect(() => contourPath(bowl, options({ paths: [{ name: 'SGD', points: [[0, 0], 0.5] }] }))).toThrow(
      "contourPath: path 0 ('SGD') has point 1 = the number 0.5; every point must be two finite numbers",
    );
    expect(() => contourPath(bowl, options({ marks: [{ name: 'minimum', at: 0 }] }))).toThrow("contourPath: mark 'minimum' must be at [x, y], two finite numbers; got the number 0");
    expect(() => contourPath(bowl, options({ marks: { name: 'minimum', at: [0, 0] } }))).toThrow("contourPath: marks must be an array such as [{ name: 'minimum', at: [1, 1] }], got an Object");
    expect(() => contourPath(bowl, options({ levels: '5' }))).toThrow('contourPath: levels must be a number of levels or an array of them, got the string "5"');
    // The fix the message gives draws.
    const fixed = contourPath(bowl, { ...ranges, paths: [{ name: 'SGD', points: tensor([[0, 0], [0.5, 0.5]]).toArray() as [number, number][] }] });
    expect(elements(fixed, 'g', 'path').map(({ attributes }) => attributes['data-name'])).toEqual(['SGD']);
  });
});
