/**
 * The point markers the plots share: a series' points, a path's start and end, a marked point.
 * A start is hollow and an end filled, so the two read apart without telling colours apart.
 */
import { element, num } from './svg.js';

/** A filled marker: a path's end, a point of a short series. */
export function dot(x: number, y: number, colour: string): string {
  return element('circle', { cx: x, cy: y, r: 3.5, fill: colour });
}

/** A hollow marker: a path's start. */
export function hollowDot(x: number, y: number, colour: string): string {
  return element('circle', { cx: x, cy: y, r: 4, fill: '#ffffff', stroke: colour, 'stroke-width': 2 });
}

/** A ×: a marked point such as a minimum. */
export function cross(x: number, y: number, colour: string): string {
  const [left, right, top, bottom] = [num(x - 5), num(x + 5), num(y - 5), num(y + 5)];
  return element('path', { d: `M${left} ${top}L${right} ${bottom}M${left} ${bottom}L${right} ${top}`, stroke: colour, 'stroke-width': 2.5, fill: 'none' });
}

/**
 * A small marker on a path's line, a point of it every so many steps: dark with a white rim, so
 * it shows on a line of any colour and the gaps between neighbours read as distance travelled.
 */
export function stepDot(x: number, y: number): string {
  return element('circle', { cx: x, cy: y, r: 2.2, fill: '#222222', stroke: '#ffffff', 'stroke-width': 0.8 });
}
