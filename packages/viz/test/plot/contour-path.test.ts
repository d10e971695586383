import { describe, expect, it } from 'vitest';
import { contourPath, type ContourPathOptions } from '../../src/index.js';
import { axisMap, elements, pathPoints, polylinePoints } from './parse-svg.js';

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
      const drawn = polylinePoints(elements(groups[p].content, 'polyline')[0].attributes.points);
      expect(drawn).toHaveLength(points.length);
      drawn.forEach(([px, py], i) => {
        expect(px).toBeCloseTo(x.toPixel(points[i][0]), 1);
        expect(py).toBeCloseTo(y.toPixel(points[i][1]), 1);
      });
      const [start, end] = elements(groups[p].content, 'circle').map(({ attributes }) => attributes);
      expect([Number(start.cx), Number(start.cy)]).toEqual(drawn[0]);
      expect(start.fill).toBe('#ffffff');
      expect([Number(end.cx), Number(end.cy)]).toEqual(drawn.at(-1));
      expect(end.fill).toBe(elements(groups[p].content, 'polyline')[0].attributes.stroke);
    });
    expect(elements(svg, 'g', 'legend-entry').map((entry) => entry.attributes['data-name'])).toEqual(['SGD', 'Adam', 'start', 'end', 'minimum']);
    expect(elements(svg, 'g', 'mark')).toHaveLength(1);
    // Paths are clipped to the plot area, so a diverging one cannot draw over the axes.
    const clip = elements(svg, 'clipPath')[0].attributes.id;
    expect(elements(svg, 'g', 'paths')[0].attributes['clip-path']).toBe(`url(#${clip})`);
  });

  it('leaves out points within half a pixel of the last one drawn, but never the last', () => {
    const points = Array.from({ length: 1000 }, (_, i): [number, number] => [1e-6 * i, 0]);
    const svg = contourPath(bowl, { xRange: [-1, 1], yRange: [-1, 1], levels: [0.5], paths: [{ name: 'slow', points }] });
    const drawn = polylinePoints(elements(svg, 'polyline')[0].attributes.points);
    expect(drawn).toHaveLength(2);
    expect(drawn[1][0]).toBeCloseTo(axisMap(svg, 'x').toPixel(999e-6), 1);
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
});
