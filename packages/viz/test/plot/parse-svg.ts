/**
 * Reading the plots' SVG back, for the tests: elements with their attributes and text, polyline
 * and path points, and each axis' value → pixel map recovered from its tick marks (which carry
 * their values), so the tests check geometry against the axes the picture itself shows.
 */
import { expect } from 'vitest';

/** One element: its attributes and the text between its tags (raw, '' for an empty element). */
export interface ParsedElement {
  readonly attributes: Record<string, string>;
  readonly content: string;
}

function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/**
 * Every `<tag …>` in `svg` (nested ones too, each with its whole content), optionally only those
 * whose class is `className`.
 */
export function elements(svg: string, tag: string, className?: string): ParsedElement[] {
  const found: ParsedElement[] = [];
  for (const match of svg.matchAll(new RegExp(`<${tag}((?:\\s+[\\w:-]+="[^"]*")*)\\s*(/?)>`, 'g'))) {
    const attributes = Object.fromEntries([...match[1].matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, name, value]) => [name, unescape(value)]));
    if (className !== undefined && attributes.class !== className) continue;
    const start = match.index + match[0].length;
    found.push({ attributes, content: match[2] === '/' ? '' : unescape(svg.slice(start, closingTag(svg, tag, start))) });
  }
  return found;
}

/** Where the element of `tag` whose content starts at `from` ends, counting nested elements of the same tag. */
function closingTag(svg: string, tag: string, from: number): number {
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*?(/?)>`, 'g');
  tags.lastIndex = from;
  let depth = 1;
  for (let match = tags.exec(svg); match !== null; match = tags.exec(svg)) {
    if (match[1] === '/') depth--;
    else if (match[2] !== '/') depth++;
    if (depth === 0) return match.index;
  }
  throw new Error(`no closing </${tag}>`);
}

/** `points="x,y x,y"` as pairs. */
export function polylinePoints(points: string): [number, number][] {
  return points.split(' ').map((pair) => pair.split(',').map(Number) as [number, number]);
}

/** A path's `d` made of M/L commands (and a closing Z) as points, and whether it is closed. */
export function pathPoints(d: string): { points: [number, number][]; closed: boolean } {
  const closed = d.endsWith('Z');
  const points = d
    .replace(/Z$/, '')
    .slice(1)
    .split('L')
    .map((pair) => pair.split(' ').map(Number) as [number, number]);
  return { points, closed };
}

/** The tick marks of the `axis` axis: value and pixel, from `data-value` and the line's position. */
export function ticks(svg: string, axis: 'x' | 'y'): { value: number; pixel: number }[] {
  return elements(svg, 'line', `${axis}-tick`).map(({ attributes }) => ({ value: Number(attributes['data-value']), pixel: Number(attributes[axis === 'x' ? 'x1' : 'y1']) }));
}

/**
 * The map from data to pixels along `axis`, fitted through its first and last ticks (linear, or
 * in log10 when `log`), and checked against every tick in between.
 */
export function axisMap(svg: string, axis: 'x' | 'y', log = false): { toPixel: (value: number) => number; toValue: (pixel: number) => number } {
  const marks = ticks(svg, axis);
  expect(marks.length).toBeGreaterThanOrEqual(2);
  const t = log ? Math.log10 : (value: number) => value;
  const [first, last] = [marks[0], marks[marks.length - 1]];
  const slope = (last.pixel - first.pixel) / (t(last.value) - t(first.value));
  const toPixel = (value: number): number => first.pixel + (t(value) - t(first.value)) * slope;
  for (const { value, pixel } of marks) expect(Math.abs(toPixel(value) - pixel)).toBeLessThan(0.02);
  const toValue = (pixel: number): number => {
    const transformed = t(first.value) + (pixel - first.pixel) / slope;
    return log ? 10 ** transformed : transformed;
  };
  return { toPixel, toValue };
}
