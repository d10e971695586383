/**
 * `stackSvg`: several plots in one SVG file, one above the other, such as a loss curve over an
 * accuracy curve (quantities with different units get their own axes, as in the course's
 * training plots, instead of sharing one).
 */
import { attributes, svgDocument } from './svg.js';

/** Options of {@link stackSvg}. */
export interface StackSvgOptions {
  /** Pixels between neighbouring pictures; default 0. */
  readonly gap?: number;
}

/**
 * Puts `pictures` (SVG text with numeric `width` and `height` on the root, as {@link lineChart},
 * {@link imageGrid} and {@link contourPath} return) one above the other, left-aligned, in one SVG
 * as wide as the widest. Each keeps its own coordinates: it is nested as an `<svg>` element.
 *
 * ```ts
 * const svg = stackSvg([
 *   lineChart([{ name: 'training loss', y: losses }], { logY: true }),
 *   lineChart([{ name: 'validation accuracy', y: accuracies }]),
 * ]);
 * ```
 */
export function stackSvg(pictures: readonly string[], options: StackSvgOptions = {}): string {
  const where = 'stackSvg';
  const { gap = 0 } = options;
  if (!(Number.isFinite(gap) && gap >= 0)) throw new Error(`${where}: gap must be a finite number ≥ 0; got ${String(gap)}`);
  if (pictures.length === 0) throw new Error(`${where}: no pictures to stack; pass at least one SVG string`);
  const sizes = pictures.map((picture, p) => sizeOf(where, picture, p));
  const width = Math.max(...sizes.map((size) => size.width));
  let top = 0;
  const nested = pictures.map((picture, p) => {
    const placed = picture.trim().replace(/^<svg\b/, `<svg${attributes({ x: 0, y: top })}`);
    top += sizes[p].height + gap;
    return placed;
  });
  return svgDocument(width, top - gap, nested);
}

/** The root's width and height; an error naming the picture when it is not SVG text with both. */
function sizeOf(where: string, picture: string, index: number): { width: number; height: number } {
  const root = /^\s*<svg\b[^>]*>/.exec(picture)?.[0];
  const width = Number(root && /\swidth="([^"]*)"/.exec(root)?.[1]);
  const height = Number(root && /\sheight="([^"]*)"/.exec(root)?.[1]);
  if (!root || !(width > 0) || !(height > 0)) {
    throw new Error(
      `${where}: picture ${index} is not SVG text with a numeric width and height on its root (it starts '${picture.slice(0, 40)}'); ` +
        `pass what lineChart, imageGrid or contourPath return`,
    );
  }
  return { width, height };
}
